/** The ticket queue as xlsx (GET exports/tickets), downloaded with the session's token. */
import { api, call } from "@/api/client";
import { saveBlob, unpaged } from "@/lib/download";
import type { TicketListQuery } from "./types";

/** Every ticket of the queue's current view, filters and sort (all pages). */
export async function exportTickets(query: TicketListQuery): Promise<void> {
  const blob = await call(
    api.GET("/api/v1/exports/tickets", { params: { query: unpaged(query) }, parseAs: "blob" }),
  );
  saveBlob(blob, "tickets.xlsx");
}
