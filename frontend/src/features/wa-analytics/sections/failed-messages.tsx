import { useTranslation } from "react-i18next";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { AppLink } from "../components/app-link";
import { NoData } from "../components/no-data";
import { Panel } from "../components/panel";
import { ScrollBox } from "../components/scroll-box";
import type { FailedMessage } from "../types";

/** The latest failed messages with the provider's error (code, title, details). */
export function FailedMessages({ rows }: { rows: readonly FailedMessage[] }) {
  const { t } = useTranslation();
  const title = t("waAnalytics.whatsapp.failedTitle");
  return (
    <Panel
      title={title}
      description={t("waAnalytics.whatsapp.failedHint")}
      testId="wa-failed"
      className="lg:col-span-2"
    >
      {rows.length === 0 ? (
        <NoData title={t("waAnalytics.whatsapp.noFailed")} />
      ) : (
        <ScrollBox label={title} className="max-h-96 overflow-y-auto">
          <Table>
            <TableCaption>{title}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("waAnalytics.whatsapp.code")}</TableHead>
                <TableHead>{t("waAnalytics.whatsapp.errorTitle")}</TableHead>
                <TableHead>{t("waAnalytics.whatsapp.details")}</TableHead>
                <TableHead>{t("waAnalytics.whatsapp.time")}</TableHead>
                <TableHead>{t("waAnalytics.whatsapp.number")}</TableHead>
                <TableHead>{t("waAnalytics.whatsapp.campaign")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((m) => (
                <TableRow key={m.provider_message_id} data-testid="wa-failed-row">
                  <TableCell className="font-medium tabular">{m.code ?? "—"}</TableCell>
                  <TableCell>{m.title ?? "—"}</TableCell>
                  <TableCell className="max-w-md text-xs text-slate-700">
                    {m.details ?? "—"}
                  </TableCell>
                  <TableCell className="whitespace-nowrap tabular">
                    {formatDateTime(m.failed_at ?? m.sent_at)}
                  </TableCell>
                  <TableCell className="whitespace-nowrap tabular">
                    {m.conversation_id ? (
                      <AppLink
                        to={`/ticketing/conversations/${m.conversation_id}`}
                        className="text-navy-800 underline underline-offset-2 hover:text-navy-950"
                      >
                        {m.customer_phone}
                      </AppLink>
                    ) : (
                      m.customer_phone
                    )}
                  </TableCell>
                  <TableCell>{m.campaign_name ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollBox>
      )}
    </Panel>
  );
}
