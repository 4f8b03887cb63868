import { useTranslation } from "react-i18next";
import { ErrorState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { NumberInput } from "@/components/form/number-input";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { currentLocale } from "@/i18n";
import { formatDate, formatIDR } from "@/lib/format";
import { fromCents, parseMoneyInput, toCents } from "@/lib/money";
import { formatDecimalInput } from "@/lib/number-input";
import { cn } from "@/lib/utils";
import { fifoTexts, type AllocationDraft } from "../lib/allocation";
import { OverdueDays } from "../components/overdue-days";
import type { OutstandingInvoice } from "../types";

export type AllocationMode = "fifo" | "manual";

/**
 * The customer's open invoices with, per invoice, what FIFO would take (automatic
 * mode) or an amount to type (manual mode), and the live remaining: payment − Σ
 * allocations, which stays as the customer's credit. All sums are in cents.
 */
export function AllocationEditor({
  rows,
  isLoading,
  error,
  onRetry,
  hasCustomer,
  payment,
  mode,
  onMode,
  texts,
  onTexts,
  preview,
  draft,
  rowErrors,
  summaryErrors,
  labels,
}: {
  rows: readonly OutstandingInvoice[];
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  hasCustomer: boolean;
  payment: string | null;
  mode: AllocationMode;
  onMode: (mode: AllocationMode) => void;
  texts: Readonly<Record<string, string>>;
  onTexts: (texts: Record<string, string>) => void;
  preview: ReadonlyMap<string, bigint>;
  draft: AllocationDraft;
  rowErrors: Readonly<Record<string, string>>;
  summaryErrors: readonly string[];
  /** Wording for a budget that is not a new payment (the credit left of one). */
  labels?: { payment?: string; noOpen?: string } | undefined;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const idr = (cents: bigint) => formatIDR(fromCents(cents), locale);
  const fifoTotal = [...preview.values()].reduce((s, c) => s + c, 0n);
  const allocated = mode === "fifo" ? fifoTotal : draft.allocated;
  // Payment − Σ allocations, in cents: what stays as the customer's credit.
  const remaining = payment === null ? null : toCents(payment) - allocated;

  let body;
  if (!hasCustomer) body = <p className="text-sm text-muted">{t("ar.allocation.pickCustomer")}</p>;
  else if (isLoading) body = <Skeleton className="h-32 w-full" />;
  else if (error) body = <ErrorState error={error} onRetry={onRetry} className="border-0" />;
  else if (rows.length === 0)
    body = (
      <p className="text-sm text-muted" data-testid="no-open-invoices">
        {labels?.noOpen ?? t("ar.allocation.noOpen")}
      </p>
    );
  else
    body = (
      <Table data-testid="allocation-table">
        <TableCaption>{t("ar.allocation.title")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("ar.fields.invoice")}</TableHead>
            <TableHead>{t("ar.fields.dueDate")}</TableHead>
            <TableHead className="text-right">{t("ar.fields.daysOverdue")}</TableHead>
            <TableHead className="text-right">{t("ar.fields.outstanding")}</TableHead>
            <TableHead className="text-right">
              {mode === "fifo" ? t("ar.allocation.preview") : t("ar.allocation.input")}
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const problem = draft.problems[row.invoice_id];
            const message =
              rowErrors[row.invoice_id] ??
              (problem ? t(`ar.allocation.problems.${problem}`) : null);
            const take = preview.get(row.invoice_id);
            return (
              <TableRow
                key={row.invoice_id}
                data-testid="alloc-row"
                data-invoice-code={row.invoice_code}
              >
                <TableCell className="font-medium whitespace-nowrap">
                  {row.invoice_code}
                  {row.invoice_number ? (
                    <div className="text-xs font-normal text-muted">{row.invoice_number}</div>
                  ) : null}
                </TableCell>
                <TableCell className="whitespace-nowrap">{formatDate(row.due_date)}</TableCell>
                <TableCell className="text-right">
                  <OverdueDays days={row.days_overdue} />
                </TableCell>
                <TableCell className="text-right whitespace-nowrap">
                  {formatIDR(row.outstanding, locale)}
                </TableCell>
                <TableCell className="text-right">
                  {mode === "fifo" ? (
                    <span className="whitespace-nowrap" data-testid="fifo-preview">
                      {take ? idr(take) : "—"}
                    </span>
                  ) : (
                    <div className="ml-auto flex w-44 flex-col items-end gap-1">
                      <NumberInput
                        className="text-right"
                        aria-label={t("ar.allocation.inputLabel", { code: row.invoice_code })}
                        aria-invalid={message ? true : undefined}
                        data-testid={`alloc-input-${row.invoice_code}`}
                        value={texts[row.invoice_id] ?? ""}
                        onChange={(e) => onTexts({ ...texts, [row.invoice_id]: e.target.value })}
                        onBlur={(e) => {
                          const parsed = parseMoneyInput(e.target.value);
                          if (parsed)
                            onTexts({ ...texts, [row.invoice_id]: formatDecimalInput(parsed) });
                        }}
                      />
                      {message ? (
                        <p className="text-xs font-medium text-danger" data-testid="alloc-error">
                          {message}
                        </p>
                      ) : null}
                    </div>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    );

  return (
    <section className="flex flex-col gap-3" aria-labelledby="allocation-title">
      <h2 id="allocation-title" className="text-base font-semibold text-foreground">
        {t("ar.allocation.title")}
      </h2>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-foreground">
          {t("ar.allocation.mode")}
        </legend>
        <div className="flex flex-wrap gap-4">
          {(["fifo", "manual"] as const).map((m) => (
            <label key={m} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="allocation-mode"
                value={m}
                checked={mode === m}
                onChange={() => onMode(m)}
                className="size-4 accent-navy-900"
                data-testid={`mode-${m}`}
              />
              {t(`ar.allocation.${m}`)}
            </label>
          ))}
        </div>
        <p className="text-xs text-muted">
          {mode === "fifo" ? t("ar.allocation.fifoHint") : t("ar.allocation.manualHint")}
        </p>
      </fieldset>
      {body}
      {mode === "manual" && rows.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            variant="outline"
            size="sm"
            data-testid="fill-fifo"
            onClick={() => onTexts(fifoTexts(preview, formatDecimalInput))}
          >
            {t("ar.allocation.fillFifo")}
          </Button>
          <Button type="button" variant="ghost" size="sm" onClick={() => onTexts({})}>
            {t("ar.allocation.clear")}
          </Button>
        </div>
      ) : null}
      <dl className="grid gap-2 rounded-md border border-border bg-slate-50 p-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-muted">{labels?.payment ?? t("ar.allocation.payment")}</dt>
          <dd className="font-semibold tabular">{payment ? formatIDR(payment, locale) : "—"}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">{t("ar.allocation.allocated")}</dt>
          <dd className="font-semibold tabular" data-testid="allocation-allocated">
            {idr(allocated)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">{t("ar.allocation.remaining")}</dt>
          <dd
            className={cn(
              "font-semibold tabular",
              remaining !== null && remaining < 0n && "text-danger",
            )}
            data-testid="allocation-remaining"
          >
            {remaining === null ? "—" : idr(remaining)}
          </dd>
        </div>
      </dl>
      {remaining !== null && remaining < 0n ? (
        <p className="text-sm font-medium text-danger" role="alert" data-testid="allocation-over">
          {t("ar.allocation.over", { amount: idr(-remaining) })}
        </p>
      ) : null}
      {summaryErrors.length > 0 ? (
        <p
          className="text-sm font-medium text-danger"
          role="alert"
          data-testid="allocation-server-error"
        >
          {summaryErrors.join(" ")}
        </p>
      ) : null}
    </section>
  );
}
