import { describe, expect, it } from "vitest";
import { fitMapping, mappingProblems, sameMapping } from "./mapping";

const FIELDS = [
  { key: "invoice_number", required: true },
  { key: "customer_code", required: false },
  { key: "invoice_date", required: true },
  { key: "amount", required: true },
  { key: "description", required: false },
];

describe("mappingProblems", () => {
  it("accepts every required field once and ignored columns", () => {
    expect(
      mappingProblems(FIELDS, ["invoice_number", null, "invoice_date", "amount", null]),
    ).toEqual([]);
  });

  it("lists a field mapped twice with its columns (1-based)", () => {
    expect(mappingProblems(FIELDS, ["invoice_number", "amount", "invoice_date", "amount"])).toEqual(
      [{ kind: "duplicate", field: "amount", columns: [2, 4] }],
    );
  });

  it("lists every required field left out, and fields the module does not have", () => {
    expect(mappingProblems(FIELDS, ["invoice_number", "npwp", null])).toEqual([
      { kind: "unknown", field: "npwp", column: 2 },
      { kind: "missing", field: "invoice_date" },
      { kind: "missing", field: "amount" },
    ]);
  });

  it("treats an empty key as ignored", () => {
    expect(mappingProblems([{ key: "a", required: false }], ["", null])).toEqual([]);
  });
});

describe("fitMapping", () => {
  it("pads with ignored columns and cuts extra entries", () => {
    expect(fitMapping(["a"], 3)).toEqual(["a", null, null]);
    expect(fitMapping(["a", "b", "c"], 2)).toEqual(["a", "b"]);
  });
});

describe("sameMapping", () => {
  it("compares column by column", () => {
    expect(sameMapping(["a", null], ["a", null])).toBe(true);
    expect(sameMapping(["a", null], ["a", "b"])).toBe(false);
    expect(sameMapping(["a"], ["a", null])).toBe(false);
  });
});
