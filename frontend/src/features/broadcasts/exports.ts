/** The broadcast log as xlsx (GET exports/broadcast-logs), downloaded with the session's token. */
import { api, call } from "@/api/client";
import { saveBlob, unpaged } from "@/lib/download";
import type { BroadcastListQuery } from "./api";

/** Every log matching the monitor's current filters and sort (all pages). */
export async function exportBroadcastLogs(query: BroadcastListQuery): Promise<void> {
  const blob = await call(
    api.GET("/api/v1/exports/broadcast-logs", {
      params: { query: unpaged(query) },
      parseAs: "blob",
    }),
  );
  saveBlob(blob, "broadcast-logs.xlsx");
}
