import { describe, expect, it } from "vitest";
import {
  emptyEvent,
  emptySpend,
  eventSchema,
  parseAmount,
  parseCount,
  parseMarketingSearch,
  spendSchema,
  toEventBody,
  toSpendBody,
} from "./marketing-schema";

const TODAY = "2026-11-20";

/** Field → first message of a failed parse (empty when valid). */
function issues(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) {
    const key = String(issue.path[0]);
    out[key] ??= issue.message;
  }
  return out;
}

describe("amounts and counts", () => {
  it("reads rupiah the Indonesian way", () => {
    expect(parseAmount("1500000")).toBe("1500000.00");
    expect(parseAmount("Rp 1.500.000")).toBe("1500000.00");
    expect(parseAmount("0")).toBe("0.00");
  });
  it("refuses three decimals, text and amounts beyond numeric(18,2)", () => {
    expect(parseAmount("1.500.000,50")).toBe("1500000.50");
    expect(parseAmount("1.500,505")).toBeNull();
    expect(parseAmount("-5000")).toBeNull();
    expect(parseAmount("abc")).toBeNull();
    expect(parseAmount("9".repeat(16))).toBe(`${"9".repeat(16)}.00`);
    expect(parseAmount("9".repeat(17))).toBeNull();
  });
  it("reads counts with Indonesian thousands separators only", () => {
    expect(parseCount("12500")).toBe(12500);
    expect(parseCount("12.500")).toBe(12500);
    expect(parseCount("1.234.567")).toBe(1234567);
    expect(parseCount("1,5")).toBeNull();
    expect(parseCount(" 0 ")).toBe(0);
    expect(parseCount("1.5")).toBeNull();
    expect(parseCount("12.50")).toBeNull();
    expect(parseCount("-3")).toBeNull();
    expect(parseCount("")).toBeNull();
    expect(parseCount("99999999999999999999")).toBeNull();
  });
});

describe("spend form", () => {
  it("requires platform, date and amount", () => {
    const result = spendSchema.safeParse({ ...emptySpend(TODAY), spend_date: "" });
    expect(issues(result)).toEqual({
      platform: "validation.required",
      spend_date: "validation.required",
      amount: "validation.required",
    });
  });
  it("checks amount, counts and campaign length", () => {
    const result = spendSchema.safeParse({
      ...emptySpend(TODAY, "google"),
      amount: "1.500,505",
      impressions: "lots",
      clicks: "1.5",
      campaign: "x".repeat(201),
    });
    expect(issues(result)).toEqual({
      amount: "crm.marketing.validation.amount",
      impressions: "crm.marketing.validation.count",
      clicks: "crm.marketing.validation.count",
      campaign: "validation.maxLength|200",
    });
  });
  it("starts on the filtered platform only when it is a real one", () => {
    expect(emptySpend(TODAY, "meta").platform).toBe("meta");
    expect(emptySpend(TODAY, "friendster").platform).toBe("");
    expect(emptySpend(TODAY).spend_date).toBe(TODAY);
  });
  it("builds the request body, leaving out blank optional fields", () => {
    const values = spendSchema.parse({
      ...emptySpend(TODAY, "instagram"),
      amount: "Rp 2.750.000",
      clicks: "1.204",
      campaign: "  Promo FCL Desember ",
    });
    expect(toSpendBody(values)).toEqual({
      platform: "instagram",
      spend_date: TODAY,
      amount: "2750000.00",
      clicks: 1204,
      campaign: "Promo FCL Desember",
    });
  });
});

describe("event form", () => {
  it("requires date, title and type", () => {
    const result = eventSchema.safeParse({ ...emptyEvent(TODAY), event_date: "", title: "  " });
    expect(issues(result)).toEqual({
      event_date: "validation.required",
      title: "validation.required",
      event_type: "validation.required",
    });
  });
  it("refuses an unknown type and a malformed budget", () => {
    const result = eventSchema.safeParse({
      ...emptyEvent(TODAY),
      title: "Pameran",
      event_type: "party",
      budget: "10jt",
    });
    expect(issues(result)).toEqual({
      event_type: "validation.required",
      budget: "crm.marketing.validation.amount",
    });
  });
  it("builds the request body, leaving out blank optional fields", () => {
    const base = { ...emptyEvent(TODAY), title: " Webinar ekspor ", event_type: "webinar" };
    expect(toEventBody(eventSchema.parse(base))).toEqual({
      event_date: TODAY,
      title: "Webinar ekspor",
      event_type: "webinar",
    });
    expect(
      toEventBody(
        eventSchema.parse({
          ...base,
          channel: "instagram_ads",
          budget: "15.000.000",
          description: "Slot sponsor",
        }),
      ),
    ).toEqual({
      event_date: TODAY,
      title: "Webinar ekspor",
      event_type: "webinar",
      channel: "instagram_ads",
      budget: "15000000.00",
      description: "Slot sponsor",
    });
  });
});

describe("page search params", () => {
  it("defaults to the spend tab and drops malformed filters", () => {
    expect(parseMarketingSearch({})).toEqual({
      tab: "spend",
      from: undefined,
      to: undefined,
      platform: undefined,
    });
    expect(
      parseMarketingSearch({ tab: "bogus", from: "2026-13", to: "yesterday", platform: "myspace" }),
    ).toEqual({ tab: "spend", from: undefined, to: undefined, platform: undefined });
  });
  it("keeps valid values", () => {
    expect(
      parseMarketingSearch({
        tab: "events",
        from: "2026-11-01",
        to: "2026-11-30",
        platform: "TikTok",
      }),
    ).toEqual({ tab: "events", from: "2026-11-01", to: "2026-11-30", platform: "tiktok" });
  });
});
