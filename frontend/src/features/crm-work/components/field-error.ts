import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/**
 * Client rules of these pages carry `crmWork.validation.*` keys; translate them here
 * and leave the rest (`validation.*` keys, server messages) to FormField.
 */
export function useCrmFieldError(): (message: string | undefined | null) => string | undefined {
  const { t, i18n } = useTranslation();
  return useCallback(
    (message: string | undefined | null) => {
      if (!message) return undefined;
      if (message.startsWith("crmWork.") && i18n.exists(message))
        return t(message as "crmWork.validation.required");
      return message;
    },
    [t, i18n],
  );
}
