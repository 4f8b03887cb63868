/**
 * The spend and event forms' rules, mirroring POST /marketing/spend and
 * POST /marketing/events: the same platforms, event types, lengths and amounts
 * (non-negative IDR, at most 16 integer digits) the server checks.
 */
import { isOneOf } from "@/lib/enums";
import { z } from "zod";
import { v } from "@/components/form/field-error";
import { parseDecimalText } from "@/lib/number-input";
import { parseRupiahInput } from "../lib/money";
import type { CreateEventBody, CreateSpendBody } from "./types";

export const PLATFORMS = ["tiktok", "instagram", "meta", "google"] as const;
export type Platform = (typeof PLATFORMS)[number];

export const EVENT_TYPES = [
  "campaign",
  "content",
  "exhibition",
  "webinar",
  "promotion",
  "other",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const isPlatform = (value: unknown): value is Platform => isOneOf(PLATFORMS, value);

export const isEventType = (value: unknown): value is EventType => isOneOf(EVENT_TYPES, value);

/** The server's amount limit: numeric(18, 2). */
const MAX_AMOUNT_DIGITS = 16;

/** A typed rupiah amount as the API's decimal string, or null (see parseRupiahInput). */
export function parseAmount(text: string): string | null {
  const parsed = parseRupiahInput(text);
  if (parsed === null) return null;
  const int = parsed.slice(0, parsed.indexOf("."));
  return int.length <= MAX_AMOUNT_DIGITS ? parsed : null;
}

/**
 * A count typed by a person (impressions, clicks) the Indonesian way: plain digits or
 * thousands grouped with dots (`12.500`). Null for anything else, so `1,5` is refused.
 */
export function parseCount(text: string): number | null {
  const decimal = parseDecimalText(text);
  if (decimal === null || !/^\d+$/.test(decimal)) return null;
  const n = Number(decimal);
  return Number.isSafeInteger(n) ? n : null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const requiredDate = z.string().refine((d) => DATE.test(d), v.required);
const optionalText = (max: number) => z.string().trim().max(max, v.max(max));
const amountRule = z
  .string()
  .refine((a) => parseAmount(a) !== null, "crm.marketing.validation.amount");
const optionalAmount = z
  .string()
  .refine((a) => a.trim() === "" || parseAmount(a) !== null, "crm.marketing.validation.amount");
const optionalCount = z
  .string()
  .refine((c) => c.trim() === "" || parseCount(c) !== null, "crm.marketing.validation.count");

// ---- spend ------------------------------------------------------------------------

// `: boolean` keeps zod from narrowing the field to the union: the form starts at "".
export const spendSchema = z.object({
  platform: z.string().refine((p): boolean => isPlatform(p), v.required),
  spend_date: requiredDate,
  amount: z.string().trim().min(1, v.required).pipe(amountRule),
  impressions: optionalCount,
  clicks: optionalCount,
  campaign: optionalText(200),
});
export type SpendValues = z.infer<typeof spendSchema>;

export const SPEND_FIELDS = [
  "platform",
  "spend_date",
  "amount",
  "impressions",
  "clicks",
  "campaign",
] as const satisfies readonly (keyof SpendValues)[];

export function emptySpend(today: string, platform?: string): SpendValues {
  return {
    platform: isPlatform(platform) ? platform : "",
    spend_date: today,
    amount: "",
    impressions: "",
    clicks: "",
    campaign: "",
  };
}

/** The request body of POST /marketing/spend for valid form values. */
export function toSpendBody(values: SpendValues): CreateSpendBody {
  const body: CreateSpendBody = {
    platform: values.platform,
    spend_date: values.spend_date,
    amount: parseAmount(values.amount) ?? values.amount.trim(),
  };
  const impressions = parseCount(values.impressions);
  const clicks = parseCount(values.clicks);
  if (impressions !== null) body.impressions = impressions;
  if (clicks !== null) body.clicks = clicks;
  const campaign = values.campaign.trim();
  if (campaign) body.campaign = campaign;
  return body;
}

// ---- events -----------------------------------------------------------------------

export const eventSchema = z.object({
  event_date: requiredDate,
  title: z.string().trim().min(1, v.required).max(200, v.max(200)),
  event_type: z.string().refine((t): boolean => isEventType(t), v.required),
  channel: z.string(),
  budget: optionalAmount,
  description: optionalText(4000),
});
export type EventValues = z.infer<typeof eventSchema>;

export const EVENT_FIELDS = [
  "event_date",
  "title",
  "event_type",
  "channel",
  "budget",
  "description",
] as const satisfies readonly (keyof EventValues)[];

export function emptyEvent(today: string): EventValues {
  return { event_date: today, title: "", event_type: "", channel: "", budget: "", description: "" };
}

/** The request body of POST /marketing/events for valid form values. */
export function toEventBody(values: EventValues): CreateEventBody {
  const body: CreateEventBody = {
    event_date: values.event_date,
    title: values.title.trim(),
    event_type: values.event_type,
  };
  if (values.channel) body.channel = values.channel;
  const budget = values.budget.trim() === "" ? null : parseAmount(values.budget);
  if (budget !== null) body.budget = budget;
  const description = values.description.trim();
  if (description) body.description = description;
  return body;
}

// ---- page filters (URL) -----------------------------------------------------------

export type MarketingTab = "spend" | "events";

export interface MarketingFilters {
  tab: MarketingTab;
  from: string | undefined;
  to: string | undefined;
  platform: Platform | undefined;
}

/**
 * The page's URL search params, checked: an unknown tab shows spend, and a malformed
 * date or platform is ignored rather than sent to the API (which would refuse it).
 */
export function parseMarketingSearch(
  search: Partial<Record<"tab" | "from" | "to" | "platform", string>>,
): MarketingFilters {
  const date = (d: string | undefined) => (d && DATE.test(d) ? d : undefined);
  const platform = search.platform?.toLowerCase();
  return {
    tab: search.tab === "events" ? "events" : "spend",
    from: date(search.from),
    to: date(search.to),
    platform: isPlatform(platform) ? platform : undefined,
  };
}
