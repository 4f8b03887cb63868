import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { Pencil, RotateCcw, Trash2, UserPlus } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { PageHeader } from "@/components/layout/page-header";
import {
  ErrorState,
  ForbiddenState,
  NotFoundState,
  PageSkeleton,
} from "@/components/states/states";
import { isApiError } from "@/api/errors";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useMe } from "@/features/auth/api";
import { useErrorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format";
import { managesCrm } from "../access";
import { leadQueryOptions, useDeleteLead, useRestoreLead } from "../api";
import { CrmNav } from "../crm-nav";
import { rfqDetails } from "@/features/tickets/rfqs/api";
import { StageBadge } from "../stage-badge";
import { LeadEditDialog } from "./lead-edit-dialog";
import { useEnumLabel } from "@/lib/enums";
import { LEAD_STATUS_LABEL } from "../labels";
import { AssignDialog } from "./lead-assign-dialog";

const routeApi = getRouteApi("/_app/crm/leads/$leadId");

function Field({
  label,
  children,
  testId,
}: {
  label: string;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <div>
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm text-navy-900" data-testid={testId}>
        {children ?? "—"}
      </dd>
    </div>
  );
}

export default function LeadDetailPage() {
  const { t } = useTranslation();
  const statusLabel = useEnumLabel(LEAD_STATUS_LABEL);
  const { leadId } = routeApi.useParams();
  const me = useMe();
  const lead = useQuery(leadQueryOptions(leadId));
  const [assignOpen, setAssignOpen] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();
  const remove = useDeleteLead();
  const restore = useRestoreLead();
  const errorMessage = useErrorMessage();
  const manager = managesCrm(me.role);

  if (lead.isLoading) return <PageSkeleton />;
  if (lead.error) {
    if (isApiError(lead.error) && lead.error.status === 404) return <NotFoundState />;
    if (isApiError(lead.error) && lead.error.status === 403) return <ForbiddenState />;
    return <ErrorState error={lead.error} onRetry={() => void lead.refetch()} />;
  }
  const l = lead.data;
  if (!l) return <NotFoundState />;
  const rfq = rfqDetails(l.rfq);

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="tabular-nums">{l.lead_code}</span>
            <Badge variant="muted">{statusLabel(l.status)}</Badge>
            {l.deleted_at ? <Badge variant="danger">{t("crm.leads.deletedBadge")}</Badge> : null}
          </span>
        }
        description={l.company_name ?? l.customer_name ?? l.contact_name}
        actions={
          <>
            {manager && !l.deleted_at ? (
              <Button onClick={() => setAssignOpen(true)} data-testid="assign-lead">
                <UserPlus aria-hidden /> {t("crm.detail.assign")}
              </Button>
            ) : null}
            {!l.deleted_at ? (
              <Button variant="outline" onClick={() => setEditing(true)} data-testid="edit-lead">
                <Pencil aria-hidden /> {t("crm.detail.edit")}
              </Button>
            ) : null}
            {l.deleted_at ? (
              manager ? (
                <Button
                  variant="outline"
                  onClick={() =>
                    restore.mutate(l.id, {
                      onSuccess: () =>
                        toast.success(t("crm.leads.restored", { code: l.lead_code })),
                      onError: (e) => toast.error(errorMessage(e)),
                    })
                  }
                >
                  <RotateCcw aria-hidden /> {t("crm.leads.restore")}
                </Button>
              ) : null
            ) : (
              <Button variant="outline" onClick={() => setConfirmDelete(true)}>
                <Trash2 aria-hidden /> {t("crm.leads.delete")}
              </Button>
            )}
          </>
        }
      />
      <CrmNav />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("crm.detail.lead")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-4 sm:grid-cols-2">
              <Field label={t("crm.leads.contact")}>{l.contact_name}</Field>
              <Field label={t("crm.leads.company")}>{l.company_name}</Field>
              <Field label={t("crm.form.phone")}>{l.phone}</Field>
              <Field label={t("crm.form.email")}>{l.email}</Field>
              <Field label={t("crm.form.npwp")}>{l.npwp}</Field>
              <Field label={t("crm.leads.channel")}>{l.channel_name ?? l.channel}</Field>
              <Field label={t("crm.form.serviceInterest")}>{l.service_interest}</Field>
              <Field label={t("crm.form.campaign")}>{l.utm_campaign}</Field>
              <Field label={t("crm.leads.createdAt")}>
                {formatDateTime(l.created_at)} · {l.created_by_name ?? "—"}
              </Field>
              <Field label={t("crm.detail.matchedOn")}>
                {l.matched_on
                  ? t(`crm.form.matchedOn.${l.matched_on}`, l.matched_on)
                  : t("crm.detail.newCustomer")}
              </Field>
              {l.notes ? (
                <div className="sm:col-span-2">
                  <Field label={t("crm.form.notes")}>{l.notes}</Field>
                </div>
              ) : null}
            </dl>
          </CardContent>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("crm.detail.links")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-4">
                <Field label={t("crm.detail.customer")}>
                  <Link
                    to="/crm/customers/$customerId"
                    params={{ customerId: l.customer_id }}
                    className="underline-offset-2 hover:underline"
                  >
                    {l.customer_name}{" "}
                    <span className="text-muted tabular-nums">({l.customer_code})</span>
                  </Link>
                </Field>
                <Field label={t("crm.detail.prospect")} testId="lead-prospect-code">
                  {l.prospect_code}
                </Field>
                <Field label={t("crm.leads.stage")}>
                  <StageBadge stage={l.stage} />
                </Field>
                <Field label={t("crm.leads.salesOwner")} testId="lead-sales-owner">
                  {l.sales_owner_name ?? t("crm.leads.unassigned")}
                </Field>
                <Field label={t("crm.detail.marketingOwner")}>{l.marketing_owner_name}</Field>
              </dl>
            </CardContent>
          </Card>
          {l.need_rfq ? (
            <Card>
              <CardHeader>
                <CardTitle>{t("crm.detail.rfq")}</CardTitle>
              </CardHeader>
              <CardContent>
                <dl className="grid gap-3">
                  <Field label={t("crm.detail.ticket")} testId="lead-ticket-code">
                    {l.ticket_code}
                  </Field>
                  <Field label={t("crm.form.rfqService")}>{rfq.service}</Field>
                  <Field label={t("crm.detail.route")}>
                    {rfq.origin} → {rfq.destination}
                  </Field>
                  <Field label={t("crm.form.commodity")}>{rfq.commodity}</Field>
                </dl>
              </CardContent>
            </Card>
          ) : null}
        </div>
      </div>
      {editing ? <LeadEditDialog lead={l} onClose={() => setEditing(false)} /> : null}
      {assignOpen ? (
        <AssignDialog
          leadId={l.id}
          current={l.sales_owner_user_id ?? ""}
          onClose={() => setAssignOpen(false)}
        />
      ) : null}
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={t("crm.leads.deleteTitle", { code: l.lead_code })}
        description={t("crm.leads.deleteBody")}
        confirmLabel={t("crm.leads.delete")}
        destructive
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(l.id, {
            onSuccess: () => {
              toast.success(t("crm.leads.deleted", { code: l.lead_code }));
              setConfirmDelete(false);
              void navigate({ to: "/crm/leads" });
            },
            onError: (e) => toast.error(errorMessage(e)),
          })
        }
      />
    </>
  );
}
