/** Queries and mutations of the CRM record pages: leads, customers, duplicates. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import type {
  CreateLeadBody,
  CustomerListQuery,
  LeadListQuery,
  UpdateCustomerBody,
  UpdateLeadBody,
} from "./types";

export const crmKeys = {
  all: ["crm"] as const,
  leads: (query: LeadListQuery) => ["crm", "leads", query] as const,
  lead: (id: string) => ["crm", "lead", id] as const,
  customers: (query: CustomerListQuery) => ["crm", "customers", query] as const,
  customer: (id: string) => ["crm", "customer", id] as const,
  timeline: (id: string) => ["crm", "timeline", id] as const,
  duplicates: ["crm", "duplicates"] as const,
  assignees: ["crm", "assignees"] as const,
};

export function leadsQueryOptions(query: LeadListQuery) {
  return queryOptions({
    queryKey: crmKeys.leads(query),
    queryFn: () => call(api.GET("/api/v1/leads", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function leadQueryOptions(id: string) {
  return queryOptions({
    queryKey: crmKeys.lead(id),
    queryFn: () => call(api.GET("/api/v1/leads/{id}", { params: { path: { id } } })),
  });
}

export function customersQueryOptions(query: CustomerListQuery) {
  return queryOptions({
    queryKey: crmKeys.customers(query),
    queryFn: () => call(api.GET("/api/v1/customers", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function customerQueryOptions(id: string) {
  return queryOptions({
    queryKey: crmKeys.customer(id),
    queryFn: () => call(api.GET("/api/v1/customers/{id}", { params: { path: { id } } })),
  });
}

export function timelineQueryOptions(id: string) {
  return queryOptions({
    queryKey: crmKeys.timeline(id),
    queryFn: () =>
      call(api.GET("/api/v1/customers/{id}/timeline", { params: { path: { id }, query: {} } })),
  });
}

export const duplicatesQueryOptions = queryOptions({
  queryKey: crmKeys.duplicates,
  queryFn: () => call(api.GET("/api/v1/customers/duplicates", { params: { query: {} } })),
});

/** Salespeople and sales managers a lead can be handed to. */
export const assigneesQueryOptions = queryOptions({
  queryKey: crmKeys.assignees,
  queryFn: async () => {
    const [sales, managers] = await Promise.all([
      call(
        api.GET("/api/v1/users", {
          params: { query: { role: "salesperson", is_active: true, per_page: 200 } },
        }),
      ),
      call(
        api.GET("/api/v1/users", {
          params: { query: { role: "sales_manager", is_active: true, per_page: 200 } },
        }),
      ),
    ]);
    return [...sales.data, ...managers.data];
  },
  staleTime: 60_000,
});

export function useCreateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateLeadBody; key: string }) =>
      call(api.POST("/api/v1/leads", { body, headers: { "Idempotency-Key": key } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmKeys.all }),
  });
}

export function useUpdateLead(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateLeadBody) =>
      call(api.PATCH("/api/v1/leads/{id}", { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmKeys.all }),
  });
}

export function useAssignLead(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (owner: string) =>
      call(
        api.POST("/api/v1/leads/{id}/assign", {
          params: { path: { id } },
          body: { sales_owner_user_id: owner },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmKeys.all }),
  });
}

export function useDeleteLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE("/api/v1/leads/{id}", { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmKeys.all }),
  });
}

export function useRestoreLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.POST("/api/v1/leads/{id}/restore", { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmKeys.all }),
  });
}

export function useUpdateCustomer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCustomerBody) =>
      call(api.PATCH("/api/v1/customers/{id}", { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmKeys.all }),
  });
}

export function useAddDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, title }: { file: File; title: string }) => {
      const stored = await call(
        api.POST("/api/v1/files", {
          params: { query: { bucket: "customer-documents", name: file.name } },
          body: file as unknown as number[],
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { "Content-Type": file.type || "application/octet-stream" },
        }),
      );
      return call(
        api.POST("/api/v1/customers/{id}/documents", {
          params: { path: { id } },
          body: { file_id: stored.id, title },
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmKeys.customer(id) }),
  });
}

export function useMergeCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { winner_id: string; loser_id: string }) =>
      call(api.POST("/api/v1/customers/merge", { body })),
    onSuccess: (_, { loser_id }) => {
      // The loser is gone: drop its cached 360 instead of refetching it into a 404.
      queryClient.removeQueries({ queryKey: crmKeys.customer(loser_id) });
      return queryClient.invalidateQueries({ queryKey: crmKeys.all });
    },
  });
}

/** Downloads an export (xlsx) or a stored file with the session's credentials. */
export async function downloadBlob(path: string, fileName: string): Promise<void> {
  // openapi-fetch reads the body itself with parseAs "blob"; the Response is consumed.
  const blob = await call(api.GET(path as "/api/v1/exports/leads", { parseAs: "blob" }));
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The list's query without paging, as export parameters. */
export function exportParams(
  query: Record<string, string | number | undefined>,
): [string, string][] {
  return Object.entries(query)
    .filter(([k, v]) => k !== "page" && k !== "per_page" && v !== undefined && v !== "")
    .map(([k, v]) => [k, String(v)]);
}
