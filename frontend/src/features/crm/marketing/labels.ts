import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { Channel } from "./types";

/** Ad platforms are brand names, the same in every language. */
const PLATFORM_NAMES: Record<string, string> = {
  tiktok: "TikTok",
  instagram: "Instagram",
  meta: "Meta",
  google: "Google",
};

export function platformName(platform: string): string {
  return PLATFORM_NAMES[platform] ?? platform;
}

/** Translated marketing event types; an unknown code is shown as is. */
export function useEventTypeLabel(): (type: string) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (type: string) => {
      const key = `crm.marketing.eventTypes.${type}`;
      return i18n.exists(key) ? t(key as "crm.marketing.eventTypes.other") : type;
    },
    [t, i18n],
  );
}

/** A channel's display name by code (the code itself when the list does not know it). */
export function channelName(channels: readonly Channel[] | undefined, code: string): string {
  return channels?.find((c) => c.code === code)?.name ?? code;
}
