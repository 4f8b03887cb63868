/**
 * API enum values are written once, in enums.gen.ts (generated from openapi.json).
 * This test fails when a source file under src/features, src/lib or src/components
 * spells two or more values of one generated enum in a single array literal (and they
 * are most of its strings): such a list is a hand-written copy that silently goes stale when the API adds a value.
 * Use the generated `<NAME>_VALUES` array (or `.filter` it) instead. A deliberate
 * subset ("the roles that may do X") may stay a literal when the compiler checks it:
 * `[...] as const satisfies readonly Role[]`, and it must leave some value out. The
 * same goes for union types ("open" | "done"): use the generated type.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ENUM_VALUES } from "./enums.gen.ts";

const SRC = join(import.meta.dirname, "..");
const ROOTS = ["features", "lib", "components"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const enumSets = Object.entries(ENUM_VALUES).map(
  ([name, values]) => [name, new Set<string>(values)] as const,
);

/** The type a literal is checked against with `satisfies` (through `as const`), if any. */
function satisfiedType(node: ts.Node, file: ts.SourceFile): string | null {
  let parent = node.parent;
  while (ts.isAsExpression(parent) || ts.isParenthesizedExpression(parent)) {
    parent = parent.parent;
  }
  return ts.isSatisfiesExpression(parent) ? parent.type.getText(file) : null;
}

/** The strings of an array literal, or of a union of string literal types. */
function listedStrings(node: ts.Node): string[] | null {
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.filter(ts.isStringLiteralLike).map((e) => e.text);
  }
  if (ts.isUnionTypeNode(node)) {
    return node.types.flatMap((type) =>
      ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal) ? [type.literal.text] : [],
    );
  }
  return null;
}

/** Every array literal or union type in `text` holding two or more values of one enum. */
export function handWrittenEnumLists(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const strings = listedStrings(node);
    if (strings) {
      // A literal checked against one enum's type is judged against that enum only.
      const checked = enumSets.find(([name]) => satisfiedType(node, file) === `readonly ${name}[]`);
      for (const [name, values] of checked ? [checked] : enumSets) {
        const hits = [...new Set(strings.filter((s) => values.has(s)))];
        // Two values among many other words ("whatsapp" and "email" in a list of lead
        // channels) are a coincidence, not a copy: most of the list must be the enum's.
        const ofEnum = strings.filter((s) => values.has(s)).length;
        if (hits.length < 2 || ofEnum * 2 <= strings.length) continue;
        if (checked && hits.length < values.size) continue;
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        found.push(`${fileName}:${line + 1}: ${name} values ${hits.join(", ")}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("API enum values", () => {
  it("are never copied by hand into an array literal", () => {
    const found = ROOTS.flatMap((root) => sourceFiles(join(SRC, root))).flatMap((path) =>
      handWrittenEnumLists(relative(SRC, path), readFileSync(path, "utf8")),
    );
    expect(found, `use the generated *_VALUES arrays instead:\n${found.join("\n")}`).toEqual([]);
  });

  it("catches a list or a union written by hand", () => {
    const found = (text: string) => handWrittenEnumLists("x.ts", text);
    expect(found('const s = ["open", "closed"] as const;')).toEqual([
      "x.ts:1: TicketStatus values open, closed",
    ]);
    expect(found('type S = "open" | "closed";')).toHaveLength(1);
    expect(found('const s = ["open"];')).toEqual([]);
    expect(found('const channels = ["website", "whatsapp", "email", "seo", "event"];')).toEqual([]);
    expect(
      found('const s = ["open", "closed"] as const satisfies readonly TicketStatus[];'),
    ).toEqual([]);
    // Every value is a copy, however it is typed.
    expect(
      found('const s = ["won", "lost"] as const satisfies readonly InquiryOutcome[];'),
    ).toHaveLength(1);
  });
});
