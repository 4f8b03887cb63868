import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/api/errors";

/**
 * Turns any error into a message for people: known `code`s are translated, a 429
 * mentions Retry-After, unknown codes fall back to the server's own message.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return t("errors.generic");
      if (error.code === "rate_limited") {
        return error.retryAfter !== null
          ? t("errors.rateLimited", { seconds: error.retryAfter })
          : t("errors.rateLimitedNoTime");
      }
      const key = `errors.codes.${error.code}`;
      return i18n.exists(key) ? t(key as "errors.generic") : error.message || t("errors.generic");
    },
    [t, i18n],
  );
}
