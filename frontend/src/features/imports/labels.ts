/** The i18n key of every Import Center enum value (a new API value is a type error here). */
import type { ImportModule, ImportStatus, RowStatus } from "@/api/enums.gen";
import type { Labels } from "@/lib/enums";

export const IMPORT_MODULE_LABEL: Labels<ImportModule> = {
  leads: "imports.module.leads",
  customers: "imports.module.customers",
  invoices: "imports.module.invoices",
  payments: "imports.module.payments",
  kpi_entries: "imports.module.kpi_entries",
  marketing_spend: "imports.module.marketing_spend",
  products: "imports.module.products",
};

export const IMPORT_STATUS_LABEL: Labels<ImportStatus> = {
  staged: "imports.status.staged",
  queued: "imports.status.queued",
  processing: "imports.status.processing",
  done: "imports.status.done",
  failed: "imports.status.failed",
  reverted: "imports.status.reverted",
};

export const ROW_STATUS_LABEL: Labels<RowStatus> = {
  pending: "imports.rowStatus.pending",
  ok: "imports.rowStatus.ok",
  error: "imports.rowStatus.error",
  duplicate: "imports.rowStatus.duplicate",
};
