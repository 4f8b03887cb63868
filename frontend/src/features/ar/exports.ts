/** xlsx exports of the receivables pages (GET exports/…), downloaded with the session's token. */
import { api, call } from "@/api/client";
import { saveBlob, unpaged } from "@/lib/download";
import type {
  AgingExportQuery,
  InvoiceExportQuery,
  PaymentExportQuery,
  StatementExportQuery,
} from "./types";

export async function exportInvoices(query: InvoiceExportQuery): Promise<void> {
  const blob = await call(
    api.GET("/api/v1/exports/invoices", { params: { query: unpaged(query) }, parseAs: "blob" }),
  );
  saveBlob(blob, "invoices.xlsx");
}

export async function exportPayments(query: PaymentExportQuery): Promise<void> {
  const blob = await call(
    api.GET("/api/v1/exports/payments", { params: { query: unpaged(query) }, parseAs: "blob" }),
  );
  saveBlob(blob, "payments.xlsx");
}

export async function exportAging(query: AgingExportQuery): Promise<void> {
  const blob = await call(
    api.GET("/api/v1/exports/ar-aging", { params: { query: unpaged(query) }, parseAs: "blob" }),
  );
  saveBlob(blob, `ar-aging${query.as_of ? `_${query.as_of}` : ""}.xlsx`);
}

export async function exportStatement(query: StatementExportQuery, code: string): Promise<void> {
  const blob = await call(
    api.GET("/api/v1/exports/customer-statement", {
      params: { query: unpaged(query) },
      parseAs: "blob",
    }),
  );
  saveBlob(blob, `statement_${code}.xlsx`);
}
