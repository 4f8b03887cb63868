import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import type { ImportStatus } from "@/api/enums.gen";
import { currentLocale } from "@/i18n";
import { formatNumber } from "@/lib/format";
import { isRunning } from "../lib/status";
import { useInvalidateTargets } from "../mutations";
import type { Import } from "../types";

/**
 * When a run watched on this page ends: a toast with its counts, and the pages showing
 * the module's records (invoices, leads…) read them again.
 */
export function useRunFinished(imp: Import | undefined) {
  const { t } = useTranslation();
  const invalidateTargets = useInvalidateTargets();
  const previous = useRef<ImportStatus | undefined>(undefined);
  useEffect(() => {
    // Runs on every new read; only a change from running to not running counts.
    const before = previous.current;
    previous.current = imp?.status;
    if (!imp || !before || !isRunning(before) || isRunning(imp.status)) return;
    invalidateTargets();
    const locale = currentLocale();
    const summary = t("imports.counts.summary", {
      ok: formatNumber(imp.success_count, locale),
      error: formatNumber(imp.error_count, locale),
      duplicate: formatNumber(imp.duplicate_count, locale),
    });
    const message = t("imports.detail.finished", { code: imp.import_code, summary });
    if (imp.status === "done" && imp.error_count === 0) toast.success(message);
    else toast.warning(message);
  }, [imp, t, invalidateTargets]);
}
