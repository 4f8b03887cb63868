/** Query and mutations of the SLA business calendar (working hours and holidays). */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import type { Body } from "@/api/lookup";
import type { components, paths } from "@/api/schema";
import { ticketKeys } from "./api";

export type SlaCalendar = components["schemas"]["SlaCalendar"];
export type Holiday = components["schemas"]["Holiday"];
export type PutHolidayBody = Body<paths["/api/v1/sla/holidays/{day}"]["put"]>;

export const slaCalendarKeys = {
  all: ["sla", "calendar"] as const,
  year: (year: number) => ["sla", "calendar", year] as const,
};

export function slaCalendarQueryOptions(year: number) {
  return queryOptions({
    queryKey: slaCalendarKeys.year(year),
    queryFn: () => call(api.GET("/api/v1/sla/calendar", { params: { query: { year } } })),
  });
}

/** Holidays move the SLA clock: the calendar and the tickets' SLA figures are refetched. */
function useInvalidateCalendar() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: slaCalendarKeys.all });
    void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
  };
}

export function usePutHoliday() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: ({ day, body }: { day: string; body: PutHolidayBody }) =>
      call(api.PUT("/api/v1/sla/holidays/{day}", { params: { path: { day } }, body })),
    onSuccess: invalidate,
  });
}

export function useDeleteHoliday() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (day: string) =>
      call(api.DELETE("/api/v1/sla/holidays/{day}", { params: { path: { day } } })),
    onSuccess: invalidate,
  });
}
