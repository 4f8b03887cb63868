import { Link } from "@tanstack/react-router";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { currentLocale } from "@/i18n";
import { formatDateTime, formatNumber } from "@/lib/format";
import { conversationName } from "../lib/message";
import type { Conversation } from "../types";
import { ConversationStatusBadge } from "./status-badge";

const col = createColumnHelper<Conversation>();

/** The list's columns; the ids of sortable ones are the API's sort fields. */
export function useConversationColumns() {
  const { t } = useTranslation();
  const locale = currentLocale();
  return useMemo(
    () => [
      col.display({
        id: "contact",
        header: t("whatsapp.fields.contact"),
        meta: { label: t("whatsapp.fields.contact"), alwaysVisible: true },
        cell: (c) => {
          const { name, customer } = conversationName(c.row.original);
          return (
            <div className="min-w-36">
              <Link
                to="/ticketing/conversations/$conversationId"
                params={{ conversationId: c.row.original.id }}
                className="font-medium text-navy-900 underline-offset-2 hover:underline"
                data-testid="conversation-row"
                data-phone={c.row.original.customer_phone}
                data-code={c.row.original.conversation_code}
              >
                {name}
              </Link>
              {customer ? <div className="text-xs text-muted">{customer}</div> : null}
            </div>
          );
        },
      }),
      col.accessor("customer_phone", {
        header: t("whatsapp.fields.phone"),
        meta: { label: t("whatsapp.fields.phone"), className: "whitespace-nowrap tabular-nums" },
        enableSorting: false,
      }),
      col.accessor("last_message", {
        header: t("whatsapp.fields.lastMessage"),
        meta: { label: t("whatsapp.fields.lastMessage") },
        enableSorting: false,
        cell: (c) => (
          <div className="max-w-52 truncate text-slate-700" title={c.getValue() ?? undefined}>
            {c.getValue() ?? "—"}
          </div>
        ),
      }),
      col.accessor("status", {
        header: t("whatsapp.fields.status"),
        meta: { label: t("whatsapp.fields.status") },
        cell: (c) => <ConversationStatusBadge status={c.getValue()} />,
      }),
      col.accessor("assigned_to_name", {
        header: t("whatsapp.fields.assignee"),
        meta: { label: t("whatsapp.fields.assignee") },
        enableSorting: false,
        cell: (c) => c.getValue() ?? <Badge variant="warning">{t("whatsapp.unassigned")}</Badge>,
      }),
      col.accessor("last_message_at", {
        header: t("whatsapp.fields.lastMessageAt"),
        meta: {
          label: t("whatsapp.fields.lastMessageAt"),
          className: "whitespace-nowrap tabular-nums",
        },
        sortDescFirst: true,
        cell: (c) => formatDateTime(c.getValue()),
      }),
      col.accessor("message_count", {
        header: t("whatsapp.fields.messageCount"),
        meta: {
          label: t("whatsapp.fields.messageCount"),
          align: "right",
          className: "tabular-nums",
        },
        enableSorting: false,
        cell: (c) => formatNumber(c.getValue(), locale),
      }),
    ],
    [t, locale],
  );
}
