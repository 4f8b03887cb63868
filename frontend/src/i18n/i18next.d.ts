import "i18next";
import type crmId from "@/features/crm/i18n/id.json";
import type broadcastsId from "@/features/broadcasts/i18n/id.json";
import type ticketsId from "@/features/tickets/i18n/id.json";
import type arId from "@/features/ar/i18n/id.json";
import type kpiId from "@/features/kpi/i18n/id.json";
import type importsId from "@/features/imports/i18n/id.json";
import type whatsappId from "@/features/whatsapp/i18n/id.json";
import type waAnalyticsId from "@/features/wa-analytics/i18n/id.json";
import type meReportId from "@/features/me-report/i18n/id.json";
import type userEventsId from "@/features/user-events/i18n/id.json";
import type newsId from "@/features/news/i18n/id.json";
import type id from "./id.json";

/** Feature folders keep their own strings under one key each (`crm`, `tickets`, `broadcasts`, `ar`, `kpi`, `imports`, `whatsapp`, `waAnalytics`). */
type Translation = typeof id & {
  crm: typeof crmId;
  tickets: typeof ticketsId;
  broadcasts: typeof broadcastsId;
  ar: typeof arId;
  kpi: typeof kpiId;
  imports: typeof importsId;
  whatsapp: typeof whatsappId;
  waAnalytics: typeof waAnalyticsId;
  meReport: typeof meReportId;
  userEvents: typeof userEventsId;
  news: typeof newsId;
};

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Translation };
  }
}
