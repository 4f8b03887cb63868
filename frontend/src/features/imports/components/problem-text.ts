import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale } from "@/i18n";
import type { MappingProblem } from "../lib/mapping";
import { fieldLabel } from "../lib/text";
import type { ImportField } from "../types";

/** A mapping problem as a sentence, fields named in the user's language. */
export function useProblemText(fields: readonly ImportField[]) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return useCallback(
    (p: MappingProblem): string => {
      const spec = fields.find((f) => f.key === p.field);
      const field = spec ? fieldLabel(spec, locale) : p.field;
      if (p.kind === "duplicate")
        return t("imports.mapping.duplicate", { field, columns: p.columns.join(", ") });
      if (p.kind === "missing") return t("imports.mapping.missing", { field });
      return t("imports.mapping.unknown", { field, column: p.column });
    },
    [fields, locale, t],
  );
}
