/** The masked RFQs of Operations (TCK-5). */
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import type { paths } from "@/api/schema";
import type { Json } from "@/api/lookup";

export type RfqList = Json<paths["/api/v1/ops/rfqs"]["get"]["responses"][200]>;
export type MaskedRfq = RfqList["data"][number];
export type RfqQuery = NonNullable<paths["/api/v1/ops/rfqs"]["get"]["parameters"]["query"]>;

export function rfqsQueryOptions(query: RfqQuery) {
  return queryOptions({
    queryKey: ["rfqs", query],
    queryFn: () => call(api.GET("/api/v1/ops/rfqs", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function rfqQueryOptions(id: string) {
  return queryOptions({
    queryKey: ["rfq", id],
    queryFn: () => call(api.GET("/api/v1/ops/rfqs/{id}", { params: { path: { id } } })),
  });
}

/** The request details of an RFQ as the API stores them (`rfq` JSON). */
export function rfqDetails(rfq: MaskedRfq["rfq"]): Record<string, string> {
  if (!rfq || typeof rfq !== "object") return {};
  return Object.fromEntries(
    Object.entries(rfq as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
  );
}
