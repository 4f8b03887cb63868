import { describe, expect, it } from "vitest";
import en from "./en.json";
import id from "./id.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("translations", () => {
  it("id and en have the same keys", () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });

  it("no translation is empty", () => {
    for (const dict of [id, en]) {
      const walk = (o: object): void => {
        for (const v of Object.values(o)) {
          if (typeof v === "string") expect(v.trim()).not.toBe("");
          else walk(v as object);
        }
      };
      walk(dict);
    }
  });
});
