import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { MapPin, Pencil } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/api/errors";
import { PageHeader } from "@/components/layout/page-header";
import {
  EmptyState,
  ErrorState,
  ForbiddenState,
  NotFoundState,
  PageSkeleton,
} from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate, formatDateTime, formatIDR } from "@/lib/format";
import { currentLocale } from "@/i18n";
import { useEnumLabel } from "@/lib/enums";
import { StatusBadge } from "@/features/tickets/badges";
import { DEPARTMENT_LABEL } from "@/features/tickets/labels";
import { customerQueryOptions, timelineQueryOptions } from "../api";
import { CrmNav } from "../crm-nav";
import { StageBadge } from "../stage-badge";
import { useActivityTypeLabel } from "../labels";
import { Documents } from "./customer-documents";
import { EditCustomerDialog } from "./edit-customer-dialog";
import { Section } from "./customer-section";

const routeApi = getRouteApi("/_app/crm/customers/$customerId");

export default function CustomerPage() {
  const { t } = useTranslation();
  const typeLabel = useActivityTypeLabel();
  const departmentLabel = useEnumLabel(DEPARTMENT_LABEL);
  const locale = currentLocale();
  const { customerId } = routeApi.useParams();
  const view = useQuery(customerQueryOptions(customerId));
  const timeline = useQuery(timelineQueryOptions(customerId));
  const [editing, setEditing] = useState(false);

  if (view.isLoading) return <PageSkeleton />;
  if (view.error) {
    if (isApiError(view.error) && view.error.status === 404) return <NotFoundState />;
    if (isApiError(view.error) && view.error.status === 403) return <ForbiddenState />;
    return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  }
  if (!view.data) return <NotFoundState />;
  const { customer, prospects, leads, activities, tickets, documents } = view.data;

  return (
    <>
      <PageHeader
        title={customer.company_name}
        description={
          <span className="tabular-nums">
            {customer.customer_code}
            {customer.npwp ? ` · NPWP ${customer.npwp}` : ""}
          </span>
        }
        actions={
          <Button variant="outline" onClick={() => setEditing(true)}>
            <Pencil aria-hidden /> {t("crm.customer.edit")}
          </Button>
        }
      />
      <CrmNav />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>{t("crm.customer.identity")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm">
              {[
                [t("crm.leads.contact"), customer.contact_name],
                [t("crm.form.phone"), customer.phone],
                [t("crm.form.email"), customer.email],
                [t("crm.leads.salesOwner"), customer.owner_name],
                [t("crm.customers.city"), customer.city],
                [t("crm.customer.address"), customer.address],
              ].map(([label, value]) => (
                <div key={label}>
                  <dt className="text-xs font-medium text-muted">{label}</dt>
                  <dd className="text-navy-900">{value ?? "—"}</dd>
                </div>
              ))}
              {customer.latitude !== null && customer.longitude !== null ? (
                <div className="flex items-center gap-1 text-xs text-muted">
                  <MapPin aria-hidden className="size-3.5" />
                  {customer.latitude?.toFixed(5)}, {customer.longitude?.toFixed(5)}
                </div>
              ) : null}
            </dl>
          </CardContent>
        </Card>
        <div className="space-y-6 lg:col-span-2">
          <Section title={t("crm.customer.prospects")} count={prospects.length}>
            {prospects.length === 0 ? (
              <p className="text-sm text-muted">{t("crm.customer.none")}</p>
            ) : (
              <ul className="divide-y divide-border">
                {prospects.map((p) => (
                  <li
                    key={p.id}
                    className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                  >
                    <span className="tabular-nums">{p.prospect_code}</span>
                    <StageBadge stage={p.stage} />
                    <span>{p.owner_name ?? t("crm.leads.unassigned")}</span>
                    <span className="tabular-nums">{formatIDR(p.expected_value, locale)}</span>
                    <span className="text-muted">
                      {p.expected_close_date ? formatDate(p.expected_close_date) : "—"}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t("crm.customer.leads")} count={leads.length}>
            {leads.length === 0 ? (
              <p className="text-sm text-muted">{t("crm.customer.none")}</p>
            ) : (
              <ul className="divide-y divide-border">
                {leads.map((l) => (
                  <li
                    key={l.id}
                    className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                  >
                    <Link
                      to="/crm/leads/$leadId"
                      params={{ leadId: l.id }}
                      className="tabular-nums underline-offset-2 hover:underline"
                    >
                      {l.lead_code}
                    </Link>
                    <span>{l.contact_name}</span>
                    <span className="text-muted">{l.channel_name ?? l.channel}</span>
                    <span className="text-muted">{formatDate(l.created_at)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t("crm.customer.activities")} count={activities.length}>
            {activities.length === 0 ? (
              <p className="text-sm text-muted">{t("crm.customer.none")}</p>
            ) : (
              <ul className="divide-y divide-border">
                {activities.slice(0, 15).map((a) => (
                  <li
                    key={a.id}
                    className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                  >
                    <Badge variant={a.activity_type === "system" ? "muted" : "default"}>
                      {typeLabel(a.activity_type)}
                    </Badge>
                    <span className="flex-1">{a.subject}</span>
                    <span className="text-muted">{a.owner_name ?? ""}</span>
                    <span className="text-muted tabular-nums">
                      {formatDateTime(a.scheduled_at ?? a.occurred_at)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t("crm.customer.tickets")} count={tickets.length}>
            {tickets.length === 0 ? (
              <p className="text-sm text-muted">{t("crm.customer.none")}</p>
            ) : (
              <ul className="divide-y divide-border">
                {tickets.map((tk) => (
                  <li
                    key={tk.id}
                    className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                  >
                    <span className="tabular-nums">{tk.ticket_code}</span>
                    <span className="flex-1">{tk.subject}</span>
                    <StatusBadge status={tk.status} />
                    <span className="text-muted">{departmentLabel(tk.dept_target)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Documents customerId={customer.id} documents={documents} />
          <Section title={t("crm.customer.invoices")}>
            <EmptyState title={t("crm.customer.invoicesEmpty")} />
          </Section>
          <Section title={t("crm.customer.timeline")}>
            {timeline.data && timeline.data.length > 0 ? (
              <ol className="space-y-3 border-l border-border pl-4">
                {timeline.data.map((e) => (
                  <li key={`${e.kind}-${e.id}`} className="text-sm">
                    <div className="text-xs text-muted tabular-nums">
                      {formatDateTime(e.at)} · {t(`crm.timeline.${e.kind}`, e.kind)}
                      {e.actor_name ? ` · ${e.actor_name}` : ""}
                    </div>
                    <div className="text-navy-900">{e.title}</div>
                    {e.detail ? <div className="text-muted">{e.detail}</div> : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-muted">{t("crm.customer.none")}</p>
            )}
          </Section>
        </div>
      </div>
      {editing ? (
        <EditCustomerDialog customer={customer} onClose={() => setEditing(false)} />
      ) : null}
    </>
  );
}
