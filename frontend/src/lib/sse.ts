/** The wire side of live updates: SSE frames, the events the SPA knows, reconnect backoff (pure, tested in events.test.ts). */

/** One SSE frame as the wire carries it (`event:`, `data:`, `id:`, `retry:`). */
export interface SseFrame {
  event: string;
  data: string;
  id?: string;
  retry?: number;
}

export interface ParsedSse {
  frames: SseFrame[];
  /** Bytes of an unfinished frame: prepend them to the next chunk. */
  rest: string;
  /** The last `retry:` value seen (milliseconds), also on frames without data. */
  retry?: number;
}

/**
 * Splits a buffer into complete frames (a blank line ends a frame). Comment lines
 * (`: keep-alive`) and frames without `data:` are dropped; `data:` lines are joined
 * with "\n"; a missing `event:` means "message". Handles LF, CRLF and CR line ends.
 */
export function parseSse(buffer: string): ParsedSse {
  // A trailing CR may be the first half of a CRLF split across chunks: keep it.
  const cut = buffer.endsWith("\r") ? buffer.length - 1 : buffer.length;
  const text = buffer.slice(0, cut).replace(/\r\n?/g, "\n");
  const tail = buffer.slice(cut);
  const blocks = text.split("\n\n");
  const rest = (blocks.pop() ?? "") + tail;
  const frames: SseFrame[] = [];
  let retry: number | undefined;
  for (const block of blocks) {
    let event = "";
    const data: string[] = [];
    let id: string | undefined;
    let frameRetry: number | undefined;
    for (const line of block.split("\n")) {
      if (line === "" || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? "" : line.slice(colon + 1);
      if (value.startsWith(" ")) value = value.slice(1);
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
      else if (field === "id") id = value;
      else if (field === "retry" && /^\d+$/.test(value)) frameRetry = Number(value);
    }
    if (frameRetry !== undefined) retry = frameRetry;
    if (data.length === 0) continue;
    frames.push({
      event: event || "message",
      data: data.join("\n"),
      ...(id !== undefined ? { id } : {}),
      ...(frameRetry !== undefined ? { retry: frameRetry } : {}),
    });
  }
  return { frames, rest, ...(retry !== undefined ? { retry } : {}) };
}

export interface BroadcastCreatedEvent {
  type: "broadcast_logs.created";
  id?: string;
  count?: number;
  failed?: number;
  tracking_number?: string | null;
  status?: string | null;
  error_message?: string | null;
  broadcast_at?: string | null;
}

export interface TicketEvent {
  type: "ticket.created" | "ticket.updated" | "ticket.commented";
  id: string;
  ticket_code?: string;
  status?: string;
  priority?: string;
  dept_target?: string;
  subject?: string;
  at?: string;
}

/** A conversation got a message or changed (status, assignee, ticket). */
export interface ConversationEvent {
  type: "conversation.updated";
  id: string;
  at?: string;
}

/** A notification of mine was created (NTF-1): only its owner's stream carries it. */
export interface NotificationEvent {
  type: "notification.created";
  id: string;
  kind?: string;
  title?: string;
  link?: string | null;
  at?: string;
}

export interface ResyncEvent {
  type: "resync";
}

export type ServerEvent =
  BroadcastCreatedEvent | TicketEvent | ConversationEvent | NotificationEvent | ResyncEvent;

export const KNOWN = new Set([
  "broadcast_logs.created",
  "ticket.created",
  "ticket.updated",
  "ticket.commented",
  "conversation.updated",
  "notification.created",
  "resync",
]);

/** A frame as a typed event; unknown event names and malformed JSON give null. */
export function toServerEvent(frame: SseFrame): ServerEvent | null {
  if (!KNOWN.has(frame.event)) return null;
  let data: unknown;
  try {
    data = JSON.parse(frame.data);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  return { ...(data as Record<string, unknown>), type: frame.event } as ServerEvent;
}

/** Exponential backoff with jitter: 1 s, 2 s, 4 s … capped at 30 s. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base / 2 + (random() * base) / 2);
}
