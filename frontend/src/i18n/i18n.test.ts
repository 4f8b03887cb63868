import { describe, expect, it } from "vitest";
import crmEn from "@/features/crm/i18n/en.json";
import crmId from "@/features/crm/i18n/id.json";
import broadcastsEn from "@/features/broadcasts/i18n/en.json";
import broadcastsId from "@/features/broadcasts/i18n/id.json";
import ticketsEn from "@/features/tickets/i18n/en.json";
import ticketsId from "@/features/tickets/i18n/id.json";
import arEn from "@/features/ar/i18n/en.json";
import arId from "@/features/ar/i18n/id.json";
import kpiEn from "@/features/kpi/i18n/en.json";
import kpiId from "@/features/kpi/i18n/id.json";
import importsEn from "@/features/imports/i18n/en.json";
import importsId from "@/features/imports/i18n/id.json";
import whatsappEn from "@/features/whatsapp/i18n/en.json";
import whatsappId from "@/features/whatsapp/i18n/id.json";
import waAnalyticsEn from "@/features/wa-analytics/i18n/en.json";
import waAnalyticsId from "@/features/wa-analytics/i18n/id.json";
import userEventsEn from "@/features/user-events/i18n/en.json";
import userEventsId from "@/features/user-events/i18n/id.json";
import newsEn from "@/features/news/i18n/en.json";
import newsId from "@/features/news/i18n/id.json";
import baseEn from "./en.json";
import baseId from "./id.json";

const en = {
  ...baseEn,
  crm: crmEn,
  tickets: ticketsEn,
  broadcasts: broadcastsEn,
  ar: arEn,
  kpi: kpiEn,
  imports: importsEn,
  whatsapp: whatsappEn,
  waAnalytics: waAnalyticsEn,
  userEvents: userEventsEn,
  news: newsEn,
};
const id = {
  ...baseId,
  crm: crmId,
  tickets: ticketsId,
  broadcasts: broadcastsId,
  ar: arId,
  kpi: kpiId,
  imports: importsId,
  whatsapp: whatsappId,
  waAnalytics: waAnalyticsId,
  userEvents: userEventsId,
  news: newsId,
};

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("translations", () => {
  it("id and en have the same keys", () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });

  it("no translation is empty", () => {
    for (const dict of [id, en]) {
      const walk = (o: object): void => {
        for (const v of Object.values(o)) {
          if (typeof v === "string") expect(v.trim()).not.toBe("");
          else walk(v as object);
        }
      };
      walk(dict);
    }
  });
});
