import { useTranslation } from "react-i18next";
import type { Labels } from "@/lib/enums";

/** One `<option>` per value of an enum (or a subset of it), named by its labels map. */
export function EnumOptions<T extends string>({
  values,
  labels,
}: {
  values: readonly T[];
  labels: Labels<T>;
}) {
  const { t } = useTranslation();
  return values.map((value) => (
    <option key={value} value={value}>
      {t(labels[value])}
    </option>
  ));
}
