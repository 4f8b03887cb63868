import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { TYPES, known } from "./lib";

/** The translated name of a ticket type (unknown types as sent). */
export function useTypeLabel() {
  const { t } = useTranslation();
  return useCallback(
    (type: string) => (known(TYPES, type) ? t(`tickets.type.${type}`) : type),
    [t],
  );
}
