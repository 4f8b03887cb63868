import {
  Bot,
  Contact,
  FileText,
  Image as ImageIcon,
  MapPin,
  Mic,
  MousePointerClick,
  Paperclip,
  SmilePlus,
  Sticker,
  Video,
  type LucideIcon,
} from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";
import { cn } from "@/lib/utils";
import { contentSummary, providerErrors, tickMark, typeChip } from "../lib/message";
import type { Message } from "../types";
import { DeliveryTicks } from "./delivery-ticks";

const TYPE_ICON: Readonly<Record<string, LucideIcon>> = {
  image: ImageIcon,
  audio: Mic,
  video: Video,
  document: FileText,
  sticker: Sticker,
  location: MapPin,
  contacts: Contact,
  interactive: MousePointerClick,
  button: MousePointerClick,
  reaction: SmilePlus,
};

/** The chip naming a non-text message ("Gambar", "Dokumen", "Lokasi" …). */
function TypeChip({ message }: { message: Message }) {
  const { t } = useTranslation();
  const chip = typeChip(message.message_type, message.content);
  if (!chip) return null;
  const Icon =
    (Object.hasOwn(TYPE_ICON, chip.type) ? TYPE_ICON[chip.type] : undefined) ?? Paperclip;
  return (
    <Badge variant="muted" className="mb-1" data-testid="message-type" data-type={chip.type}>
      <Icon aria-hidden className="size-3" />
      {t(chip.key, { type: chip.type })}
    </Badge>
  );
}

/** Who wrote an outbound message: "Bot", the agent's name, or the campaign. */
function SenderLabel({ message }: { message: Message }) {
  const { t } = useTranslation();
  if (message.sender_kind === "customer") return null;
  const bot = message.sender_kind === "bot";
  return (
    <div className="mb-1 flex flex-wrap items-center gap-1.5 text-xs font-medium text-navy-800">
      <span data-testid="message-sender">
        {bot ? (
          <span className="inline-flex items-center gap-1">
            <Bot aria-hidden className="size-3.5" /> {t("whatsapp.sender.bot")}
          </span>
        ) : (
          (message.agent_name ?? t("whatsapp.sender.agent"))
        )}
      </span>
      {message.campaign_name ? (
        <span className="font-normal text-muted">
          · {t("whatsapp.thread.campaign", { name: message.campaign_name })}
        </span>
      ) : null}
    </div>
  );
}

/** The provider's errors of a message: red for a failed send, muted otherwise. */
function MessageErrors({ message }: { message: Message }) {
  const { t } = useTranslation();
  const errors = providerErrors(message.errors);
  if (errors.length === 0) return null;
  const failed = message.status === "failed";
  return (
    <div
      data-testid="message-error"
      className={cn(
        "mt-2 rounded border px-2 py-1.5 text-xs",
        failed ? "border-red-200 bg-danger-soft text-danger" : "border-slate-200 bg-slate-50",
      )}
    >
      <p className="font-medium">{t("whatsapp.thread.errorTitle")}</p>
      <ul className="mt-0.5 space-y-1">
        {errors.map((e, i) => (
          <li key={i}>
            <span className="font-medium">
              {e.title ?? "—"}
              {e.code ? ` (${e.code})` : ""}
            </span>
            {e.message ? <span className="block">{e.message}</span> : null}
            {e.details ? <span className="block">{e.details}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * One message of the thread: the customer's on the left, the agents' and the bot's on
 * the right with who wrote it, a chip for media and other types, the time and, for
 * outbound messages, the delivery mark.
 */
export function MessageBubble({ message }: { message: Message }) {
  const outbound = message.direction === "outbound";
  const summary = contentSummary(message.message_type, message.content, message.body);
  const mark = tickMark(message);
  return (
    <li
      className={cn("flex", outbound ? "justify-end" : "justify-start")}
      data-testid="message"
      data-direction={message.direction}
      data-sender={message.sender_kind}
      data-status={message.status}
      data-provider-id={message.provider_message_id}
    >
      <div
        className={cn(
          "max-w-[85%] rounded-lg border px-3 py-2 shadow-xs sm:max-w-[70%]",
          outbound
            ? "rounded-br-sm border-navy-200 bg-navy-50"
            : "rounded-bl-sm border-slate-200 bg-surface",
        )}
      >
        <SenderLabel message={message} />
        <TypeChip message={message} />
        {message.body ? (
          <p
            className="text-sm break-words whitespace-pre-wrap text-navy-900"
            data-testid="message-body"
          >
            {message.body}
          </p>
        ) : null}
        {summary ? <p className="text-xs break-words text-muted">{summary}</p> : null}
        <MessageErrors message={message} />
        <div className="mt-1 flex items-center justify-end gap-2 text-xs text-slate-600">
          <time dateTime={message.sent_at} className="tabular-nums">
            {formatDateTime(message.sent_at)}
          </time>
          {mark ? <DeliveryTicks mark={mark} /> : null}
        </div>
      </div>
    </li>
  );
}
