import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import {
  ArrowLeft,
  CheckCircle2,
  Clock,
  Lock,
  MessageSquare,
  UserCheck,
  XCircle,
} from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import { PageHeader } from "@/components/layout/page-header";
import {
  EmptyState,
  ErrorState,
  ForbiddenState,
  NotFoundState,
  PageSkeleton,
} from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { fieldClass } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useMe } from "@/features/auth/api";
import { useErrorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format";
import { cn } from "@/lib/utils";
import { agentsQueryOptions, ticketQueryOptions, useAddComment, useUpdateTicket } from "./api";
import { PriorityBadge, StatusBadge } from "./badges";
import { useTypeLabel } from "./type-label";
import { CloseTicketDialog } from "./close-ticket-dialog";
import { TICKET_PRIORITY_VALUES } from "@/api/enums.gen";
import { EnumOptions } from "@/components/form/enum-options";
import { useEnumLabel } from "@/lib/enums";
import {
  DEPARTMENT_LABEL,
  INQUIRY_OUTCOME_LABEL,
  SLA_EVENT_TYPE_LABEL,
  TICKET_BROADCAST_STATUS_LABEL,
  TICKET_PRIORITY_LABEL,
  TICKET_SOURCE_LABEL,
  TICKET_STATUS_LABEL,
} from "./labels";
import { assignsTickets, nextStatuses, slaSummary } from "./lib";
import type { BroadcastEntry, SlaEvent, TicketComment, TicketDetail } from "./types";

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
                  onChange={(e) =>
                    patch({ priority: e.target.value }, t("tickets.detail.priorityChanged"))
                  }
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

function StatusControl({
  status,
  pending,
  onChange,
}: {
  status: string;
  pending: boolean;
  onChange: (status: string) => void;
}) {
  const { t } = useTranslation();
  const statusLabel = useEnumLabel(TICKET_STATUS_LABEL);
  // Closing asks for a reason, so it goes through the close dialog.
  const targets = nextStatuses(status).filter((s) => s !== "closed");
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor="ticket-status">{t("tickets.fields.status")}</Label>
      <Select
        id="ticket-status"
        value={status}
        disabled={pending || targets.length === 0}
        data-testid="status-select"
        onChange={(e) => {
          if (e.target.value !== status) onChange(e.target.value);
        }}
      >
        <option value={status}>{statusLabel(status)}</option>
        {targets.map((s) => (
          <option key={s} value={s}>
            {status === "closed" ? t("tickets.detail.reopen") : t(TICKET_STATUS_LABEL[s])}
          </option>
        ))}
      </Select>
    </div>
  );
}

function AssigneeControl({
  current,
  currentName,
  pending,
  onChange,
}: {
  current: string;
  currentName: string | null;
  pending: boolean;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const people = useQuery(agentsQueryOptions);
  const list = people.data ?? [];
  const known = list.some((p) => p.id === current);
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor="ticket-assignee">{t("tickets.fields.assignee")}</Label>
      <Select
        id="ticket-assignee"
        value={current}
        disabled={pending || people.isLoading}
        data-testid="assignee-select"
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t("tickets.unassigned")}</option>
        {current && !known ? <option value={current}>{currentName ?? current}</option> : null}
        {list.map((p) => (
          <option key={p.id} value={p.id}>
            {p.full_name}
          </option>
        ))}
      </Select>
      {people.error ? (
        <p className="text-xs text-danger">{t("tickets.detail.agentsError")}</p>
      ) : null}
    </div>
  );
}

function Conversation({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("tickets.conversation.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {ticket.comments.length === 0 ? (
          <p className="text-sm text-muted" data-testid="no-comments">
            {t("tickets.conversation.empty")}
          </p>
        ) : (
          <ol className="space-y-3" aria-label={t("tickets.conversation.title")}>
            {ticket.comments.map((c) => (
              <CommentItem key={c.id} comment={c} />
            ))}
          </ol>
        )}
        <Composer ticketId={ticket.id} />
      </CardContent>
    </Card>
  );
}

function CommentItem({ comment: c }: { comment: TicketComment }) {
  const { t } = useTranslation();
  const internal = c.is_internal_note;
  return (
    <li
      data-testid="comment"
      data-internal={internal ? "true" : "false"}
      className={cn(
        "rounded-md border p-3",
        internal
          ? "border-yellow-300 border-l-4 border-l-accent-500 bg-warning-soft"
          : "border-slate-200 bg-surface",
      )}
    >
      <div className="mb-1 flex flex-wrap items-center gap-2 text-xs">
        {internal ? (
          <Badge variant="warning">
            <Lock aria-hidden className="size-3" /> {t("tickets.conversation.internalNote")}
          </Badge>
        ) : (
          <Badge>
            <MessageSquare aria-hidden className="size-3" /> {t("tickets.conversation.reply")}
          </Badge>
        )}
        <span className="font-medium text-navy-900">{c.author_name ?? "—"}</span>
        <time dateTime={c.created_at} className="text-slate-600 tabular-nums">
          {formatDateTime(c.created_at)}
        </time>
      </div>
      <p className="text-sm whitespace-pre-wrap text-navy-900">{c.comment_text}</p>
    </li>
  );
}

function Composer({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const add = useAddComment(ticketId);
  const errorMessage = useErrorMessage();
  const inputId = useId();
  const toggleId = useId();
  const [text, setText] = useState("");
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const comment = text.trim();
    if (!comment) {
      setError(t("tickets.conversation.required"));
      return;
    }
    setError(null);
    add.mutate(
      { comment_text: comment, is_internal_note: internal },
      {
        onSuccess: () => {
          setText("");
          toast.success(
            internal ? t("tickets.conversation.noteSaved") : t("tickets.conversation.replySent"),
          );
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };
  return (
    <form
      noValidate
      className={cn(
        "space-y-2 rounded-md border p-3",
        internal ? "border-yellow-300 bg-warning-soft" : "border-slate-200 bg-slate-50",
      )}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="comment-form"
    >
      <Label htmlFor={inputId}>
        {internal ? t("tickets.conversation.noteLabel") : t("tickets.conversation.replyLabel")}
      </Label>
      <textarea
        id={inputId}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className={cn(fieldClass, "h-auto py-2")}
        data-testid="comment-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
      />
      {error ? (
        <p id={`${inputId}-error`} className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label htmlFor={toggleId} className="inline-flex items-center gap-2 text-sm">
          <Checkbox
            id={toggleId}
            checked={internal}
            onChange={(e) => setInternal(e.target.checked)}
            data-testid="comment-internal-toggle"
          />
          {t("tickets.conversation.internalToggle")}
        </label>
        <Button type="submit" disabled={add.isPending} data-testid="comment-submit">
          {internal ? <Lock aria-hidden /> : <MessageSquare aria-hidden />}
          {internal ? t("tickets.conversation.saveNote") : t("tickets.conversation.sendReply")}
        </Button>
      </div>
    </form>
  );
}

function SlaCard({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const sla = slaSummary(ticket, ticket.sla_events);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("tickets.slaBadge.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <div
          data-testid="sla-badge"
          data-first-response={sla.firstResponseAt ? "met" : "pending"}
          data-resolved={sla.closed ? "true" : "false"}
          className="flex flex-wrap gap-2"
        >
          {sla.firstResponseAt ? (
            <Badge variant="success">
              <CheckCircle2 aria-hidden className="size-3" />
              {t("tickets.slaBadge.firstResponseMet")}
            </Badge>
          ) : (
            <Badge variant="warning">
              <Clock aria-hidden className="size-3" />
              {t("tickets.slaBadge.firstResponsePending")}
            </Badge>
          )}
          {sla.closed ? (
            <Badge variant="success">
              <CheckCircle2 aria-hidden className="size-3" />
              {t("tickets.slaBadge.resolved", { at: formatDateTime(sla.closedAt) })}
            </Badge>
          ) : null}
        </div>
        <SlaTimeline events={ticket.sla_events} />
      </CardContent>
    </Card>
  );
}

function SlaTimeline({ events }: { events: SlaEvent[] }) {
  const { t } = useTranslation();
  const statusLabel = useEnumLabel(TICKET_STATUS_LABEL);
  const priorityLabel = useEnumLabel(TICKET_PRIORITY_LABEL);
  const eventLabel = useEnumLabel(SLA_EVENT_TYPE_LABEL);
  // Status and priority values read as the badges do; anything else as sent.
  const value = (v: string | null | undefined) => {
    if (!v) return "—";
    return statusLabel(v, priorityLabel(v));
  };
  if (events.length === 0)
    return <p className="text-sm text-muted">{t("tickets.slaEvents.empty")}</p>;
  return (
    <ol className="space-y-2 border-l border-slate-200 pl-4" data-testid="sla-events">
      {events.map((e, i) => (
        <li key={`${e.occurred_at}-${i}`} className="text-sm">
          <div className="font-medium text-navy-900">
            {eventLabel(e.event_type)}
            {e.from_value || e.to_value ? (
              <span className="font-normal text-slate-700">
                {" "}
                {e.from_value ? `${value(e.from_value)} → ` : ""}
                {value(e.to_value)}
              </span>
            ) : null}
          </div>
          <div className="text-xs text-slate-600">
            <time dateTime={e.occurred_at}>{formatDateTime(e.occurred_at)}</time>
            {e.actor_name ? ` · ${e.actor_name}` : ""}
          </div>
        </li>
      ))}
    </ol>
  );
}

function BroadcastHistory({ rows }: { rows: BroadcastEntry[] }) {
  const { t } = useTranslation();
  const broadcastLabel = useEnumLabel(TICKET_BROADCAST_STATUS_LABEL);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("tickets.broadcast.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <EmptyState title={t("tickets.broadcast.empty")} className="py-6" />
        ) : (
          <div
            role="region"
            aria-label={t("tickets.broadcast.title")}
            tabIndex={0}
            className="overflow-x-auto"
          >
            <table className="w-full caption-bottom text-sm" data-testid="broadcast-history">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("tickets.broadcast.at")}</TableHead>
                  <TableHead>{t("tickets.fields.awb")}</TableHead>
                  <TableHead>{t("tickets.broadcast.status")}</TableHead>
                  <TableHead>{t("tickets.broadcast.message")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((b) => (
                  <TableRow key={b.id}>
                    <TableCell className="whitespace-nowrap tabular-nums">
                      {formatDateTime(b.broadcast_at)}
                    </TableCell>
                    <TableCell className="tabular-nums">{b.tracking_number}</TableCell>
                    <TableCell>
                      <Badge
                        variant={
                          b.status === "success"
                            ? "success"
                            : b.status === "failed"
                              ? "danger"
                              : "muted"
                        }
                      >
                        {broadcastLabel(b.status)}
                      </Badge>
                    </TableCell>
                    <TableCell className="max-w-md">
                      <span className="line-clamp-2">{b.message_content ?? "—"}</span>
                      {b.error_message ? (
                        <Alert className="mt-1 py-1">{b.error_message}</Alert>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
