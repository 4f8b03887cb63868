/**
 * No source file under src grows past 300 lines: a longer component is several
 * (sections, hooks, pure helpers) waiting to be split. Generated files (the API
 * schema and enums) and translation resources are exempt.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = import.meta.dirname;
const MAX_LINES = 300;
const EXEMPT = new Set(["api/schema.d.ts", "api/enums.gen.ts"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Lines of a file as an editor counts them (a final newline ends the last line). */
export function lineCount(text: string): number {
  if (text === "") return 0;
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

describe("source files", () => {
  it(`are at most ${MAX_LINES} lines`, () => {
    const tooLong = sourceFiles(SRC)
      .map((path) => ({ file: relative(SRC, path).split("\\").join("/"), path }))
      .filter(({ file }) => !EXEMPT.has(file))
      .map(({ file, path }) => ({ file, lines: lineCount(readFileSync(path, "utf8")) }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(tooLong, `split these files:\n${tooLong.join("\n")}`).toEqual([]);
  });

  it("counts lines as an editor does", () => {
    expect(lineCount("")).toBe(0);
    expect(lineCount("a\nb\n")).toBe(2);
    expect(lineCount("a\nb")).toBe(2);
  });
});
