/** Queries and mutations of the ticket pages (queue, detail, new ticket, SLA report). */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import type {
  CreateCommentBody,
  CreateTicketBody,
  TicketDetail,
  TicketListQuery,
  UpdateTicketBody,
} from "./types";

export const ticketKeys = {
  all: ["tickets"] as const,
  list: (query: TicketListQuery) => ["tickets", "list", query] as const,
  detail: (id: string) => ["tickets", "detail", id] as const,
  sla: (query: { from?: string; to?: string }) => ["tickets", "sla", query] as const,
  agents: ["tickets", "agents"] as const,
};

export function ticketsQueryOptions(query: TicketListQuery) {
  return queryOptions({
    queryKey: ticketKeys.list(query),
    queryFn: () => call(api.GET("/api/v1/tickets", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function ticketQueryOptions(id: string) {
  return queryOptions({
    queryKey: ticketKeys.detail(id),
    queryFn: () => call(api.GET("/api/v1/tickets/{id}", { params: { path: { id } } })),
  });
}

export function slaReportQueryOptions(query: { from?: string; to?: string }) {
  return queryOptions({
    queryKey: ticketKeys.sla(query),
    queryFn: () => call(api.GET("/api/v1/tickets/sla", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** CS agents and CS admins: the people a ticket can be assigned to. */
export const agentsQueryOptions = queryOptions({
  queryKey: ticketKeys.agents,
  queryFn: async () => {
    const [agents, admins] = await Promise.all([
      call(
        api.GET("/api/v1/users", {
          params: { query: { role: "cs_agent", is_active: true, per_page: 200 } },
        }),
      ),
      call(
        api.GET("/api/v1/users", {
          params: { query: { role: "cs_admin", is_active: true, per_page: 200 } },
        }),
      ),
    ]);
    return [...agents.data, ...admins.data];
  },
  staleTime: 5 * 60_000,
});

export function useUpdateTicket(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTicketBody) =>
      call(api.PATCH("/api/v1/tickets/{id}", { params: { path: { id } }, body })),
    onSuccess: (ticket: TicketDetail) => {
      queryClient.setQueryData(ticketKeys.detail(id), ticket);
      void queryClient.invalidateQueries({ queryKey: ["tickets", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["tickets", "sla"] });
    },
  });
}

export function useAddComment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentBody) =>
      call(api.POST("/api/v1/tickets/{id}/comments", { params: { path: { id } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ["tickets", "list"] });
    },
  });
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTicketBody) => call(api.POST("/api/v1/tickets", { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketKeys.all }),
  });
}
