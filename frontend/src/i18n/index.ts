import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { AppLocale } from "@/lib/format";
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
import meReportEn from "@/features/me-report/i18n/en.json";
import meReportId from "@/features/me-report/i18n/id.json";
import userEventsEn from "@/features/user-events/i18n/en.json";
import userEventsId from "@/features/user-events/i18n/id.json";
import newsEn from "@/features/news/i18n/en.json";
import newsId from "@/features/news/i18n/id.json";
import en from "./en.json";
import id from "./id.json";

export const LANGUAGES: readonly AppLocale[] = ["id", "en"];
const STORAGE_KEY = "cc.lang";

export function isLanguage(value: unknown): value is AppLocale {
  return value === "id" || value === "en";
}

function initialLanguage(): AppLocale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage unavailable
  }
  return "id";
}

void i18n.use(initReactI18next).init({
  resources: {
    id: {
      translation: {
        ...id,
        crm: crmId,
        tickets: ticketsId,
        broadcasts: broadcastsId,
        ar: arId,
        kpi: kpiId,
        imports: importsId,
        whatsapp: whatsappId,
        waAnalytics: waAnalyticsId,
        meReport: meReportId,
        userEvents: userEventsId,
        news: newsId,
      },
    },
    en: {
      translation: {
        ...en,
        crm: crmEn,
        tickets: ticketsEn,
        broadcasts: broadcastsEn,
        ar: arEn,
        kpi: kpiEn,
        imports: importsEn,
        whatsapp: whatsappEn,
        waAnalytics: waAnalyticsEn,
        meReport: meReportEn,
        userEvents: userEventsEn,
        news: newsEn,
      },
    },
  },
  lng: initialLanguage(),
  fallbackLng: "id",
  supportedLngs: ["id", "en"],
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // ignore
  }
}
applyLanguage(i18n.language);
i18n.on("languageChanged", applyLanguage);

/** Current UI language as an app locale (for the formatters). */
export function currentLocale(): AppLocale {
  return isLanguage(i18n.language) ? i18n.language : "id";
}

export default i18n;
