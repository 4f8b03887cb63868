import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { hasMenu } from "@/features/auth/access";
import { useMe } from "@/features/auth/api";
import { AssigneeControl } from "@/features/tickets/ticket-handling-controls";
import { useEnumLabel } from "@/lib/enums";
import { formatDateTime } from "@/lib/format";
import { RESOLVED_BY_LABEL } from "../labels";
import { assignsConversations } from "../lib/access";
import type { ConversationDetail } from "../types";
import type { PatchConversation } from "./use-patch-conversation";

const linkClass = "font-medium text-navy-900 underline underline-offset-2 hover:text-navy-700";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-navy-900">{children ?? "—"}</dd>
    </div>
  );
}

/** Who handles the conversation (admins reassign it here) and when it was answered. */
export function HandlingCard({
  conversation: c,
  patch,
  pending,
}: {
  conversation: ConversationDetail;
  patch: PatchConversation;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const resolvedBy = useEnumLabel(RESOLVED_BY_LABEL);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("whatsapp.thread.handling")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {assignsConversations(me.role) ? (
          <AssigneeControl
            current={c.assigned_to_user_id ?? ""}
            currentName={c.assigned_to_name ?? null}
            pending={pending}
            onChange={(id) =>
              patch({ assigned_to_user_id: id || null }, t("whatsapp.thread.assigned"))
            }
          />
        ) : null}
        <dl className="grid gap-3">
          {assignsConversations(me.role) ? null : (
            <Field label={t("whatsapp.fields.assignee")}>
              <span data-testid="conversation-assignee">
                {c.assigned_to_name ?? t("whatsapp.unassigned")}
              </span>
            </Field>
          )}
          <Field label={t("whatsapp.fields.openedAt")}>{formatDateTime(c.opened_at)}</Field>
          <Field label={t("whatsapp.fields.firstBotReply")}>
            {c.first_bot_reply_at ? formatDateTime(c.first_bot_reply_at) : null}
          </Field>
          <Field label={t("whatsapp.fields.firstAgentReply")}>
            {c.first_agent_reply_at ? formatDateTime(c.first_agent_reply_at) : null}
          </Field>
          {c.resolved_at ? (
            <Field label={t("whatsapp.fields.resolvedAt")}>
              {formatDateTime(c.resolved_at)}
              {c.resolved_by ? ` · ${resolvedBy(c.resolved_by)}` : ""}
            </Field>
          ) : null}
        </dl>
      </CardContent>
    </Card>
  );
}

/**
 * The customer behind the number: the WhatsApp profile name, the customer and the lead
 * (linked to the CRM for roles that have it), the ticket, the business number.
 */
export function CustomerCard({ conversation: c }: { conversation: ConversationDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const crm = hasMenu(me, "crm");
  return (
    <Card data-testid="conversation-customer">
      <CardHeader>
        <CardTitle>{t("whatsapp.thread.customer")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-3">
          <Field label={t("whatsapp.fields.phone")}>
            <span className="tabular-nums">{c.customer_phone}</span>
          </Field>
          <Field label={t("whatsapp.fields.contactName")}>{c.contact_name}</Field>
          <Field label={t("whatsapp.fields.customer")}>
            {c.customer_id && c.customer_name && crm ? (
              <Link
                to="/crm/customers/$customerId"
                params={{ customerId: c.customer_id }}
                className={linkClass}
              >
                {c.customer_name}
              </Link>
            ) : (
              c.customer_name
            )}
          </Field>
          <Field label={t("whatsapp.fields.lead")}>
            {c.lead_id && c.lead_code && crm ? (
              <Link
                to="/crm/leads/$leadId"
                params={{ leadId: c.lead_id }}
                className={linkClass}
                data-testid="conversation-lead-link"
              >
                {c.lead_code}
              </Link>
            ) : (
              c.lead_code
            )}
          </Field>
          <Field label={t("whatsapp.fields.ticket")}>
            {c.ticket_id && c.ticket_code ? (
              <Link
                to="/ticketing/tickets/$ticketId"
                params={{ ticketId: c.ticket_id }}
                className={linkClass}
              >
                {c.ticket_code}
              </Link>
            ) : null}
          </Field>
          <Field label={t("whatsapp.fields.businessPhone")}>
            {c.business_phone ?? c.business_phone_id}
          </Field>
          <Field label={t("whatsapp.fields.code")}>
            <span className="tabular-nums">{c.conversation_code}</span>
          </Field>
        </dl>
      </CardContent>
    </Card>
  );
}
