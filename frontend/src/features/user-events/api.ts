/** Queries of the user activity log (USR-2): GET /user-events and its xlsx export. */
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import { USER_EVENT_TYPE_VALUES, type UserEventType } from "@/api/enums.gen";
import type { components } from "@/api/schema";
import { saveBlob, unpaged } from "@/lib/download";
import type { ApiListQuery } from "@/components/list-page/use-list-page";
import { isOneOf } from "@/lib/enums";
import type { UserEventsFilter } from "./table";

export type UserEvent = components["schemas"]["UserEvent"];

export interface UserEventsQuery {
  page: number;
  per_page: number;
  type?: UserEventType;
  user_id?: string;
  from?: string;
  to?: string;
}

/** The endpoint's query from the table's (no sort: newest first; unknown types dropped). */
export function userEventsQuery(table: ApiListQuery<UserEventsFilter>): UserEventsQuery {
  const type = isOneOf(USER_EVENT_TYPE_VALUES, table.type) ? table.type : undefined;
  return {
    page: table.page,
    per_page: table.per_page,
    ...(type ? { type } : {}),
    ...(table.user_id ? { user_id: table.user_id } : {}),
    ...(table.from ? { from: table.from } : {}),
    ...(table.to ? { to: table.to } : {}),
  };
}

export function userEventsQueryOptions(query: UserEventsQuery) {
  return queryOptions({
    queryKey: ["user-events", "list", query],
    queryFn: () => call(api.GET("/api/v1/user-events", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Every event matching the page's filters (all pages), as xlsx. */
export async function exportUserEvents(query: UserEventsQuery): Promise<void> {
  const blob = await call(
    api.GET("/api/v1/exports/user-events", {
      params: { query: unpaged(query) },
      parseAs: "blob",
    }),
  );
  saveBlob(blob, "user-events.xlsx");
}

/** Users to filter by (the directory, active or not). */
export const eventUsersQueryOptions = queryOptions({
  queryKey: ["user-events", "users"],
  queryFn: () =>
    call(api.GET("/api/v1/users", { params: { query: { per_page: 200, sort: "full_name" } } })),
  staleTime: 60_000,
});
