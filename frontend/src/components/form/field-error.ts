import type { TFunction } from "i18next";

/** Keys of the feature folders' strings (`crm.*`, `tickets.*`, `broadcasts.*`, `ar.*`, `kpi.*`). */
const FEATURE_KEY = /^(crm|tickets|broadcasts|ar|kpi)\.[\w.]+$/;

/**
 * Client-side rules carry i18n keys as messages (`validation.minLength|8`, or a feature's
 * own key such as `crm.validation.rupiah`); server `details` messages are shown verbatim.
 */
export function translateFieldError(message: string, t: TFunction): string {
  if (FEATURE_KEY.test(message))
    return t(message as "validation.required", { defaultValue: message });
  if (!message.startsWith("validation.")) return message;
  const [key = "", arg] = message.split("|");
  switch (key) {
    case "validation.minLength":
      return t("validation.minLength", { min: arg });
    case "validation.maxLength":
      return t("validation.maxLength", { max: arg });
    case "validation.required":
    case "validation.email":
    case "validation.passwordMismatch":
    case "validation.scopesRequired":
      return t(key);
    default:
      return message;
  }
}

/** Message helpers for zod schemas. */
export const v = {
  required: "validation.required",
  email: "validation.email",
  min: (n: number) => `validation.minLength|${n}`,
  max: (n: number) => `validation.maxLength|${n}`,
  mismatch: "validation.passwordMismatch",
  scopes: "validation.scopesRequired",
} as const;
