/**
 * Helpers over the generated API enums (src/api/enums.gen.ts): narrowing a server
 * string to an enum value, and translating a value through its labels map.
 */
import type { ParseKeys } from "i18next";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/** An i18n key of the app's translation resources. */
export type LabelKey = ParseKeys;

/** The i18n key of every value of an enum: a new value is a type error until labelled. */
export type Labels<T extends string> = Readonly<Record<T, LabelKey>>;

/** Narrows a server string to one of `values` (a generated `*_VALUES` array or a subset). */
export const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === "string" && (values as readonly string[]).includes(value);

/** True when `value` is a key of a map keyed by an enum (a labels or variants map). */
export const isKeyOf = <T extends string>(
  map: Readonly<Record<T, unknown>>,
  value: unknown,
): value is T => typeof value === "string" && Object.hasOwn(map, value);

/**
 * The translated name of an enum value; a value the UI does not know yet (the server
 * is newer) falls back to `fallback`, then to the value itself.
 */
export function useEnumLabel<T extends string>(
  labels: Labels<T>,
): (value: string, fallback?: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (value: string, fallback?: string) =>
      isKeyOf(labels, value) ? t(labels[value]) : (fallback ?? value),
    [t, labels],
  );
}
