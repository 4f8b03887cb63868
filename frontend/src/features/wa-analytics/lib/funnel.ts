/** The delivery funnel of outbound messages: sent → delivered → read, and what failed. */
import type { MessageStatus } from "@/api/enums.gen";
import type { WhatsappPerformance } from "../types";

export type Funnel = WhatsappPerformance["funnel"];

/** The statuses of outbound messages the funnel counts. */
const STEPS = ["sent", "delivered", "read", "failed"] as const satisfies readonly MessageStatus[];

export interface FunnelStep {
  key: (typeof STEPS)[number];
  count: number;
  /** Of the messages sent, in percent; null when nothing was sent. */
  rate: number | null;
  /** The bar's fill. */
  color: string;
}

/** The bars' fill per step. */
const COLOR = {
  sent: "bg-navy-900",
  delivered: "bg-navy-500",
  read: "bg-sky-700",
  failed: "bg-danger",
} as const satisfies Record<FunnelStep["key"], string>;

/** The funnel's steps with their rates (the API's, one decimal); sent is 100 %. */
export function funnelSteps(f: Funnel): FunnelStep[] {
  const counts = { sent: f.sent, delivered: f.delivered, read: f.read, failed: f.failed };
  const rates = {
    sent: 100,
    delivered: f.delivery_rate,
    read: f.read_rate,
    failed: f.failure_rate,
  };
  return STEPS.map((key) => ({
    key,
    count: counts[key],
    rate: f.sent > 0 ? (rates[key] ?? null) : null,
    color: COLOR[key],
  }));
}

/** A step's bar width against the messages sent, 0–100. */
export function funnelWidth(count: number, sent: number): number {
  if (sent <= 0 || count <= 0) return 0;
  return Math.min(100, (count / sent) * 100);
}
