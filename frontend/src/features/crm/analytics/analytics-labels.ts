import { useMemo } from "react";
import { useTranslation } from "react-i18next";

export interface AnalyticsLabels {
  /** Lead channel (`instagram_ads` → Instagram Ads); falls back to the server's name. */
  channel: (code: string, serverName?: string) => string;
  /** Source group (organic, ads, referral, event, other). */
  source: (group: string) => string;
  /** Ads platform (tiktok, instagram, meta, google). */
  platform: (platform: string) => string;
  /** Funnel step (lead, contacted, qualified, won). */
  step: (step: string) => string;
}

/** Translated names of the codes the analytics endpoints return; unknown codes fall back. */
export function useAnalyticsLabels(): AnalyticsLabels {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const lookup =
      (prefix: string) =>
      (code: string, fallback?: string): string => {
        const key = `${prefix}.${code}`;
        return i18n.exists(key) ? t(key as "crm.analytics.title") : (fallback ?? code);
      };
    return {
      channel: lookup("crm.channels"),
      source: lookup("crm.analytics.sourceGroups"),
      platform: lookup("crm.analytics.platforms"),
      step: lookup("crm.analytics.steps"),
    };
  }, [t, i18n]);
}
