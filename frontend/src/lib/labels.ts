import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/** Translated role name; unknown roles fall back to the server label or the code. */
export function useRoleLabel(): (role: string, serverLabel?: string) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (role: string, serverLabel?: string) => {
      const key = `roles.${role}`;
      return i18n.exists(key) ? t(key as "roles.super_admin") : (serverLabel ?? role);
    },
    [t, i18n],
  );
}
