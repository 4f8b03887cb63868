import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/** Translated names of pipeline stages and activity types; unknown codes fall back. */
export function useStageLabel(): (stage: string, fallback?: string) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (stage: string, fallback?: string) => {
      const key = `crm.stages.${stage}`;
      return i18n.exists(key) ? t(key as "crm.stages.new") : (fallback ?? stage);
    },
    [t, i18n],
  );
}

export function useActivityTypeLabel(): (type: string) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (type: string) => {
      const key = `crm.activityTypes.${type}`;
      return i18n.exists(key) ? t(key as "crm.activityTypes.call") : type;
    },
    [t, i18n],
  );
}
