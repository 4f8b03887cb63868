/**
 * Numbers and days are typed the Indonesian way whatever the browser's locale: every
 * numeric field is the shared NumberInput (read by lib/number-input: `1.500` is one
 * thousand five hundred) and every day the shared DayInput (dd/mm/yyyy). A native
 * `type="number"` (which reads `1.500` as 1.5 in an English browser and rounds) or
 * `type="date"` (mm/dd/yyyy in an English browser), or a hand-made numeric keypad
 * field, anywhere else fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = import.meta.dirname;

/** Where a native numeric/date field or a numeric keypad is the point. */
const OWNERS = new Map<string, RegExp>([
  ["components/form/number-input.tsx", /inputMode=/],
  ["components/form/day-input.tsx", /inputMode=|type="date"/],
]);
/** Fields that take digits but are not numbers to read (identifiers, a clock time, coordinates). */
const NOT_NUMBERS: Record<string, string> = {
  "features/crm/leads/lead-fields.tsx": "NPWP, an identifier",
  "features/news/components/news-dialog.tsx": "a clock time HH:mm",
  "features/crm/customers/edit-customer-dialog.tsx": "coordinates, typed with a dot",
  "features/auth/login-page.tsx": "an e-mail keypad",
};

const FORBIDDEN = /type=\{?["']number["']|type=\{?["']date["']|inputMode=/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** `file:line: text` of every native number/date field or numeric keypad outside the owners. */
export function offenders(file: string, text: string): string[] {
  if (file in NOT_NUMBERS) return [];
  const allowed = OWNERS.get(file);
  return text.split("\n").flatMap((line, i) => {
    const hits = [...line.matchAll(FORBIDDEN)].filter((m) => !allowed?.test(m[0]));
    return hits.length > 0 ? [`${file}:${i + 1}: ${line.trim()}`] : [];
  });
}

describe("numeric and date fields", () => {
  it("are the shared NumberInput and DayInput everywhere", () => {
    const found = sourceFiles(SRC).flatMap((path) =>
      offenders(relative(SRC, path).split("\\").join("/"), readFileSync(path, "utf8")),
    );
    expect(found, `use NumberInput / DayInput:\n${found.join("\n")}`).toEqual([]);
  });

  it("catches a native number or date field and a hand-made keypad", () => {
    const form = [
      `<Input type="number" {...register("weight")} />`,
      `<input type={"date"} />`,
      `<Input inputMode="decimal" />`,
      `<NumberInput {...register("weight")} />`,
    ].join("\n");
    expect(offenders("features/x/form.tsx", form)).toHaveLength(3);
    expect(offenders("components/form/number-input.tsx", `inputMode={"decimal"}`)).toEqual([]);
    expect(offenders("components/form/number-input.tsx", `type="number"`)).toHaveLength(1);
  });
});
