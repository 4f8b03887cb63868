/**
 * How a WhatsApp message shows in the thread: its delivery mark, the chip naming a
 * non-text type, a line summing up the type's own object (a document's file name, a
 * place's address, a shared contact) and the provider's errors. Pure (message.test.ts).
 */
import { MESSAGE_STATUS_VALUES, type MessageStatus } from "@/api/enums.gen";
import { isOneOf, type LabelKey } from "@/lib/enums";

/** The statuses an outbound message shows a mark for (inbound ones are `received`). */
export type Tick = Exclude<MessageStatus, "received">;

export interface TickMark {
  tick: Tick;
  /** A clock, one check, two checks or an alert sign. */
  icon: "clock" | "check" | "double" | "alert";
  tone: "muted" | "blue" | "red";
  label: LabelKey;
}

const TICK_MARKS = {
  queued: { icon: "clock", tone: "muted", label: "whatsapp.tick.queued" },
  sent: { icon: "check", tone: "muted", label: "whatsapp.tick.sent" },
  delivered: { icon: "double", tone: "muted", label: "whatsapp.tick.delivered" },
  read: { icon: "double", tone: "blue", label: "whatsapp.tick.read" },
  failed: { icon: "alert", tone: "red", label: "whatsapp.tick.failed" },
} as const satisfies Record<Tick, Omit<TickMark, "tick">>;

/**
 * The mark of a message: outbound ones only (sent ✓, delivered ✓✓, read blue ✓✓,
 * failed red); an inbound message or a status this UI does not know has none.
 */
export function tickMark(message: { direction: string; status: string }): TickMark | null {
  if (message.direction !== "outbound") return null;
  const { status } = message;
  if (!isOneOf(MESSAGE_STATUS_VALUES, status) || status === "received") return null;
  return { tick: status, ...TICK_MARKS[status] };
}

/** The chip of each Cloud API message type; plain text has none. */
const TYPE_LABEL: Readonly<Record<string, LabelKey>> = {
  image: "whatsapp.messageType.image",
  audio: "whatsapp.messageType.audio",
  video: "whatsapp.messageType.video",
  document: "whatsapp.messageType.document",
  sticker: "whatsapp.messageType.sticker",
  location: "whatsapp.messageType.location",
  contacts: "whatsapp.messageType.contacts",
  interactive: "whatsapp.messageType.interactive",
  button: "whatsapp.messageType.button",
  reaction: "whatsapp.messageType.reaction",
  template: "whatsapp.messageType.template",
  order: "whatsapp.messageType.order",
  system: "whatsapp.messageType.system",
  unsupported: "whatsapp.messageType.unsupported",
};

/** The type's own object as a record (it is whatever the provider sent). */
function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * The chip of a message: the i18n key of its type (a voice note is not any audio), the
 * "other" key with the raw type for a type this UI does not know, null for text.
 */
export function typeChip(type: string, content: unknown): { key: LabelKey; type: string } | null {
  if (type === "text") return null;
  if (type === "audio" && record(content).voice === true) {
    return { key: "whatsapp.messageType.voice", type };
  }
  const known = Object.hasOwn(TYPE_LABEL, type) ? TYPE_LABEL[type] : undefined;
  return { key: known ?? "whatsapp.messageType.other", type };
}

/** A shared contact card as "Name (phone, phone)". */
function contactCard(card: unknown): string | null {
  const c = record(card);
  const name = text(record(c.name).formatted_name) ?? text(record(c.name).first_name);
  const phones = (Array.isArray(c.phones) ? c.phones : [])
    .map((p) => text(record(p).phone) ?? text(record(p).wa_id))
    .filter((p): p is string => p !== null);
  if (!name && phones.length === 0) return null;
  return phones.length ? `${name ?? ""} (${phones.join(", ")})`.trim() : name;
}

/**
 * What the type's object adds to the body (the text, caption or chosen reply): a
 * document's file name, a place's address (or its coordinates), the contacts shared.
 * Null when it adds nothing.
 */
export function contentSummary(
  type: string,
  content: unknown,
  body?: string | null,
): string | null {
  const c = record(content);
  let summary: string | null = null;
  if (type === "document") summary = text(c.filename);
  else if (type === "location") {
    const lat = text(c.latitude);
    const lng = text(c.longitude);
    summary =
      [text(c.name), text(c.address)].filter((p) => p !== null && p !== body).join(" · ") ||
      (lat && lng ? `${lat}, ${lng}` : null);
  } else if (type === "contacts") {
    const cards = (Array.isArray(content) ? content : [])
      .map(contactCard)
      .filter((p): p is string => p !== null);
    summary = cards.join("; ") || null;
  }
  return summary && summary !== body ? summary : null;
}

/** One error the provider reported (a failed send, an unsupported inbound message). */
export interface ProviderError {
  code: string | null;
  title: string | null;
  message: string | null;
  details: string | null;
}

/** The provider's `errors`, as much of each as it sent; anything not an object is skipped. */
export function providerErrors(errors: unknown): ProviderError[] {
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e) => typeof e === "object" && e !== null && !Array.isArray(e))
    .map((e) => {
      const r = record(e);
      const message = text(r.message);
      const title = text(r.title) ?? message;
      return {
        code: text(r.code),
        title,
        // The message often repeats the title: kept only when it says more.
        message: message !== null && message !== title ? message : null,
        details: text(record(r.error_data).details),
      };
    });
}

/**
 * The name a conversation goes by (the WhatsApp profile name, else the customer's, else
 * the number) and the customer's name beside it when that says something else.
 */
export function conversationName(c: {
  contact_name?: string | null;
  customer_name?: string | null;
  customer_phone: string;
}): { name: string; customer: string | null } {
  const contact = text(c.contact_name);
  const customer = text(c.customer_name);
  const name = contact ?? customer ?? c.customer_phone;
  // A lead made from an unknown number is named after the number: nothing to add then.
  const adds = customer !== null && customer !== name && customer !== c.customer_phone;
  return { name, customer: adds ? customer : null };
}
