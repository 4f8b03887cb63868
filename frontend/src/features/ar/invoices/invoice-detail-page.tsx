import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft, Ban, FileText, Undo2, Wallet } from "lucide-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageSkeleton } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { useMe } from "@/features/auth/api";
import { currentLocale } from "@/i18n";
import { useEnumLabel } from "@/lib/enums";
import { formatDate, formatDateTime, formatIDR } from "@/lib/format";
import { writesAr } from "../access";
import { invoiceQueryOptions } from "../api";
import { ArPage, QueryError } from "../components/ar-page";
import { CollectionTicketButton } from "../components/collection-ticket-button";
import { InvoiceStatusBadge } from "../components/status-badge";
import { PAYMENT_METHOD_LABEL } from "../labels";
import { OverdueDays } from "../components/overdue-days";
import type { InvoicePayment } from "../types";
import { ReverseAllocationDialog } from "./reverse-dialog";
import { VoidInvoiceDialog } from "./void-dialog";

const routeApi = getRouteApi("/_app/dso/invoices/$invoiceId");

function Field({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div>
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium text-foreground tabular" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** One invoice with its amounts today and the payments allocated to it. */
export default function InvoiceDetailPage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = currentLocale();
  const methodLabel = useEnumLabel(PAYMENT_METHOD_LABEL);
  const { invoiceId } = routeApi.useParams();
  const invoice = useQuery(invoiceQueryOptions(invoiceId));
  const [voiding, setVoiding] = useState(false);
  const [reversing, setReversing] = useState<InvoicePayment | null>(null);
  if (invoice.isPending) return <PageSkeleton />;
  if (invoice.error)
    return <QueryError error={invoice.error} onRetry={() => void invoice.refetch()} />;
  const inv = invoice.data;
  const writer = writesAr(me.role);
  const open = inv.status !== "void" && inv.status !== "paid";
  const reverses = writer && inv.status !== "void";

  return (
    <ArPage
      title={
        <span className="flex flex-wrap items-center gap-3">
          <span data-testid="invoice-code">{inv.invoice_code}</span>
          <InvoiceStatusBadge status={inv.status} />
        </span>
      }
      description={inv.customer_name}
      actions={
        <>
          <Button asChild variant="ghost">
            <Link to="/dso/invoices">
              <ArrowLeft aria-hidden /> {t("ar.invoice.back")}
            </Link>
          </Button>
          <Button asChild variant="outline">
            <Link to="/dso/statement" search={{ customer_id: inv.customer_id }}>
              <FileText aria-hidden /> {t("ar.invoice.statement")}
            </Link>
          </Button>
          {inv.status === "overdue" ? (
            <CollectionTicketButton
              invoiceId={inv.id}
              invoiceCode={inv.invoice_code}
              size="default"
            />
          ) : null}
          {writer && open ? (
            <Button asChild>
              <Link
                to="/dso/payments/new"
                search={{ customer_id: inv.customer_id }}
                data-testid="record-payment"
              >
                <Wallet aria-hidden /> {t("ar.invoice.recordPayment")}
              </Link>
            </Button>
          ) : null}
          {writer && inv.status !== "void" ? (
            <Button
              variant="destructive"
              onClick={() => setVoiding(true)}
              data-testid="void-invoice"
            >
              <Ban aria-hidden /> {t("ar.invoice.void")}
            </Button>
          ) : null}
        </>
      }
    >
      {inv.voided_at ? (
        <Alert className="mb-4" data-testid="void-reason-shown">
          {t("ar.invoice.voided", {
            date: formatDateTime(inv.voided_at),
            reason: inv.void_reason ?? "—",
          })}
        </Alert>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>{t("ar.invoice.detail")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-2 gap-4">
              <Field label={t("ar.fields.invoiceNumber")}>{inv.invoice_number ?? "—"}</Field>
              <Field label={t("ar.fields.customer")}>{inv.customer_name}</Field>
              <Field label={t("ar.fields.invoiceDate")}>{formatDate(inv.invoice_date)}</Field>
              <Field label={t("ar.fields.dueDate")}>{formatDate(inv.due_date)}</Field>
              <Field label={t("ar.fields.amount")} testId="invoice-amount">
                {formatIDR(inv.amount, locale)}
              </Field>
              <Field label={t("ar.fields.paid")} testId="invoice-paid">
                {formatIDR(inv.paid, locale)}
              </Field>
              <Field label={t("ar.fields.outstanding")} testId="invoice-outstanding">
                {formatIDR(inv.outstanding, locale)}
              </Field>
              <Field label={t("ar.fields.daysOverdue")}>
                <OverdueDays days={inv.days_overdue} />
              </Field>
            </dl>
            {inv.description ? (
              <p className="mt-4 text-sm whitespace-pre-line text-muted">{inv.description}</p>
            ) : null}
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("ar.invoice.payments")}</CardTitle>
          </CardHeader>
          <CardContent>
            {inv.allocations.length === 0 ? (
              <p className="text-sm text-muted">{t("ar.invoice.noPayments")}</p>
            ) : (
              <Table data-testid="invoice-allocations">
                <TableCaption>{t("ar.invoice.payments")}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("ar.fields.paymentCode")}</TableHead>
                    <TableHead>{t("ar.fields.paymentDate")}</TableHead>
                    <TableHead>{t("ar.fields.method")}</TableHead>
                    <TableHead>{t("ar.fields.reference")}</TableHead>
                    <TableHead className="text-right">{t("ar.fields.amount")}</TableHead>
                    {reverses ? (
                      <TableHead>
                        <span className="sr-only">{t("common.actions")}</span>
                      </TableHead>
                    ) : null}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {inv.allocations.map((a) => (
                    <TableRow key={a.allocation_id} data-testid="allocation-row">
                      <TableCell className="font-medium">{a.payment_code}</TableCell>
                      <TableCell>{formatDate(a.payment_date)}</TableCell>
                      <TableCell>{methodLabel(a.method)}</TableCell>
                      <TableCell>{a.reference ?? "—"}</TableCell>
                      <TableCell className="text-right">{formatIDR(a.amount, locale)}</TableCell>
                      {reverses ? (
                        <TableCell className="text-right">
                          <Button
                            variant="ghost"
                            size="sm"
                            className="whitespace-nowrap"
                            data-testid="reverse-allocation"
                            aria-label={t("ar.reverse.actionFor", { payment: a.payment_code })}
                            onClick={() => setReversing(a)}
                          >
                            <Undo2 aria-hidden /> {t("ar.reverse.action")}
                          </Button>
                        </TableCell>
                      ) : null}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </div>
      {voiding ? (
        <VoidInvoiceDialog
          invoiceId={inv.id}
          invoiceCode={inv.invoice_code}
          allocationsShown={inv.allocations.length}
          onClose={() => setVoiding(false)}
        />
      ) : null}
      {reversing ? (
        <ReverseAllocationDialog
          invoiceId={inv.id}
          invoiceCode={inv.invoice_code}
          allocation={reversing}
          onClose={() => setReversing(null)}
        />
      ) : null}
    </ArPage>
  );
}
