import { useQuery } from "@tanstack/react-query";
import { useMe } from "@/features/auth/api";
import { entryRights } from "../access";
import { metricsQueryOptions } from "../api";
import type { Metric } from "../types";

/** The MANUAL and IMPORTED metrics a user may enter values of (never AUTO ones). */
export function useEnterableMetrics(): Metric[] {
  const me = useMe();
  const metrics = useQuery(metricsQueryOptions);
  return (metrics.data ?? []).filter(
    (m) => m.source !== "AUTO" && entryRights(me, m.dept) !== "none",
  );
}
