import type { UserEventType } from "@/api/enums.gen";
import type { Labels } from "@/lib/enums";
import type { TableConfig } from "@/lib/table-state";

export type UserEventsFilter = "type" | "user_id" | "from" | "to";

export const USER_EVENTS_TABLE: TableConfig<UserEventsFilter> = {
  filters: ["type", "user_id", "from", "to"],
  // GET /user-events has no `sort`: newest first.
  sortable: [],
  defaultSort: [],
};

export const USER_EVENTS_SEARCH_KEYS = [
  "page",
  "per_page",
  "hide",
  ...USER_EVENTS_TABLE.filters,
] as const;

export const USER_EVENT_TYPE_LABEL: Labels<UserEventType> = {
  login: "userEvents.type.login",
  login_failed: "userEvents.type.login_failed",
  logout: "userEvents.type.logout",
  export: "userEvents.type.export",
  import: "userEvents.type.import",
  view_sensitive: "userEvents.type.view_sensitive",
  api_key_used: "userEvents.type.api_key_used",
};

const TYPE_VARIANT = {
  login: "success",
  login_failed: "danger",
  logout: "muted",
  export: "warning",
  import: "warning",
  view_sensitive: "default",
  api_key_used: "muted",
} as const satisfies Record<UserEventType, string>;

export function typeVariant(type: UserEventType): (typeof TYPE_VARIANT)[UserEventType] {
  return TYPE_VARIANT[type];
}
