import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft, UserCheck, XCircle } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import { PageHeader } from "@/components/layout/page-header";
import {
  ErrorState,
  ForbiddenState,
  NotFoundState,
  PageSkeleton,
} from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { useMe } from "@/features/auth/api";
import { useErrorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format";
import { ticketQueryOptions, useUpdateTicket } from "./api";
import { PriorityBadge, StatusBadge } from "./badges";
import { useTypeLabel } from "./type-label";
import { CloseTicketDialog } from "./close-ticket-dialog";
import { TICKET_PRIORITY_VALUES } from "@/api/enums.gen";
import { EnumOptions } from "@/components/form/enum-options";
import { isOneOf, useEnumLabel } from "@/lib/enums";
import {
  DEPARTMENT_LABEL,
  INQUIRY_OUTCOME_LABEL,
  TICKET_PRIORITY_LABEL,
  TICKET_SOURCE_LABEL,
  TICKET_STATUS_LABEL,
} from "./labels";
import { assignsTickets } from "./lib";
import type { TicketDetail } from "./types";
import { AssigneeControl, StatusControl } from "./ticket-handling-controls";
import { Conversation } from "./ticket-conversation";
import { SlaCard } from "./ticket-sla";
import { BroadcastHistory } from "./ticket-broadcast-history";

const routeApi = getRouteApi("/_app/ticketing/tickets/$ticketId");

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-navy-900">{children ?? "—"}</dd>
    </div>
  );
}

export default function TicketDetailPage() {
  const { t } = useTranslation();
  const { ticketId } = routeApi.useParams();
  const ticket = useQuery(ticketQueryOptions(ticketId));

  if (ticket.isLoading) return <PageSkeleton />;
  if (ticket.error) {
    if (isApiError(ticket.error) && ticket.error.status === 404) return <NotFoundState />;
    if (isApiError(ticket.error) && ticket.error.status === 403) return <ForbiddenState />;
    return <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} />;
  }
  if (!ticket.data) return <NotFoundState />;
  return <TicketView ticket={ticket.data} backLabel={t("tickets.detail.back")} />;
}

function TicketView({ ticket: tk, backLabel }: { ticket: TicketDetail; backLabel: string }) {
  const { t } = useTranslation();
  const deptLabel = useEnumLabel(DEPARTMENT_LABEL);
  const statusLabel = useEnumLabel(TICKET_STATUS_LABEL);
  const sourceLabel = useEnumLabel(TICKET_SOURCE_LABEL);
  const outcomeLabel = useEnumLabel(INQUIRY_OUTCOME_LABEL);
  const me = useMe();
  const typeLabel = useTypeLabel();
  const update = useUpdateTicket(tk.id);
  const errorMessage = useErrorMessage();
  const [closing, setClosing] = useState(false);
  const admin = assignsTickets(me.role);
  const closed = tk.status === "closed";
  const hasCustomer = [tk.company_name, tk.contact_name, tk.customer_phone, tk.customer_email].some(
    (v) => v !== null && v !== undefined && v !== "",
  );
  const patch = (body: Parameters<typeof update.mutate>[0], done: string) =>
    update.mutate(body, {
      onSuccess: () => toast.success(done),
      onError: (e) => toast.error(errorMessage(e)),
    });

  return (
    <>
      <Link
        to="/ticketing/tickets"
        className="mb-2 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-navy-900"
      >
        <ArrowLeft aria-hidden className="size-4" /> {backLabel}
      </Link>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="tabular-nums" data-testid="ticket-code">
              {tk.ticket_code}
            </span>
            <StatusBadge status={tk.status} />
            <PriorityBadge priority={tk.priority} />
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-navy-900" data-testid="ticket-subject">
              {tk.subject}
            </span>
            <Badge variant="muted">{typeLabel(tk.ticket_type)}</Badge>
            <Badge variant="muted">{deptLabel(tk.dept_target)}</Badge>
          </span>
        }
        actions={
          <>
            {admin && !tk.assigned_to_user_id && !closed ? (
              <Button
                variant="outline"
                data-testid="take-ticket"
                disabled={update.isPending}
                onClick={() => patch({ assigned_to_user_id: me.id }, t("tickets.detail.taken"))}
              >
                <UserCheck aria-hidden /> {t("tickets.detail.take")}
              </Button>
            ) : null}
            {!closed ? (
              <Button data-testid="close-ticket" onClick={() => setClosing(true)}>
                <XCircle aria-hidden /> {t("tickets.close.open")}
              </Button>
            ) : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("tickets.detail.description")}</CardTitle>
            </CardHeader>
            <CardContent>
              <p className="text-sm whitespace-pre-wrap text-navy-900">{tk.description}</p>
              {tk.close_reason ? (
                <p className="mt-4 text-sm">
                  <span className="font-medium">{t("tickets.close.reason")}:</span>{" "}
                  {tk.close_reason}
                </p>
              ) : null}
            </CardContent>
          </Card>
          <Conversation ticket={tk} />
          <BroadcastHistory rows={tk.broadcast_history} />
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("tickets.detail.handling")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-4">
              <StatusControl
                status={tk.status}
                pending={update.isPending}
                onChange={(status) =>
                  patch(
                    { status },
                    t("tickets.detail.statusChanged", {
                      status: statusLabel(status),
                    }),
                  )
                }
              />
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="ticket-priority">{t("tickets.fields.priority")}</Label>
                <Select
                  id="ticket-priority"
                  value={tk.priority}
                  disabled={update.isPending}
                  data-testid="priority-select"
                  onChange={(e) => {
                    const priority = e.target.value;
                    if (isOneOf(TICKET_PRIORITY_VALUES, priority))
                      patch({ priority }, t("tickets.detail.priorityChanged"));
                  }}
                >
                  <EnumOptions values={TICKET_PRIORITY_VALUES} labels={TICKET_PRIORITY_LABEL} />
                </Select>
              </div>
              {admin ? (
                <AssigneeControl
                  current={tk.assigned_to_user_id ?? ""}
                  currentName={tk.assigned_to_name ?? null}
                  pending={update.isPending}
                  onChange={(id) =>
                    patch({ assigned_to_user_id: id || null }, t("tickets.detail.assigned"))
                  }
                />
              ) : (
                <dl>
                  <Field label={t("tickets.fields.assignee")}>
                    {tk.assigned_to_name ?? t("tickets.unassigned")}
                  </Field>
                </dl>
              )}
              <dl className="grid gap-3">
                <Field label={t("tickets.fields.awb")}>{tk.tracking_number}</Field>
                <Field label={t("tickets.fields.source")}>{sourceLabel(tk.source)}</Field>
                <Field label={t("tickets.fields.createdAt")}>
                  {formatDateTime(tk.created_at)}
                  {tk.created_by_name ? ` · ${tk.created_by_name}` : ""}
                </Field>
                {tk.inquiry_outcome ? (
                  <Field label={t("tickets.close.outcome")}>
                    {outcomeLabel(tk.inquiry_outcome)}
                  </Field>
                ) : null}
              </dl>
            </CardContent>
          </Card>
          {hasCustomer ? (
            <Card data-testid="customer-block">
              <CardHeader>
                <CardTitle>{t("tickets.detail.customer")}</CardTitle>
              </CardHeader>
              <CardContent>
                <dl className="grid gap-3">
                  <Field label={t("tickets.fields.company")}>{tk.company_name}</Field>
                  <Field label={t("tickets.fields.contact")}>{tk.contact_name}</Field>
                  <Field label={t("tickets.fields.phone")}>{tk.customer_phone}</Field>
                  <Field label={t("tickets.fields.email")}>{tk.customer_email}</Field>
                </dl>
              </CardContent>
            </Card>
          ) : null}
          <SlaCard ticket={tk} />
        </div>
      </div>
      {closing ? <CloseTicketDialog ticket={tk} onClose={() => setClosing(false)} /> : null}
    </>
  );
}
