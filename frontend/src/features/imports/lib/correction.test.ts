import { describe, expect, it } from "vitest";
import { ApiError } from "@/api/errors";
import { cellInputs, changedCells, correctedCells, fixRefusal } from "./correction";

// A row as staged: invoice number, customer, a bad date, a number cell, an empty note.
const cells = ["E2E-1", "C-001", "13/25/2026", 500000, null];

describe("cellInputs", () => {
  it("prefills one input per header column, numbers as they are", () => {
    expect(cellInputs(cells, 5)).toEqual(["E2E-1", "C-001", "13/25/2026", "500000", ""]);
  });

  it("pads a short row and cuts a long one to the header", () => {
    expect(cellInputs(["a"], 3)).toEqual(["a", "", ""]);
    expect(cellInputs(cells, 2)).toEqual(["E2E-1", "C-001"]);
  });
});

describe("correctedCells", () => {
  it("sends back untouched cells as they were: a number stays a number", () => {
    const inputs = cellInputs(cells, 5);
    expect(correctedCells(cells, inputs)).toEqual(["E2E-1", "C-001", "13/25/2026", 500000, null]);
  });

  it("sends what was typed as text, Indonesian formats included", () => {
    const inputs = ["E2E-1", "C-001", "28/02/2026", "1.500.000", "catatan"];
    expect(correctedCells(cells, inputs)).toEqual([
      "E2E-1",
      "C-001",
      "28/02/2026",
      "1.500.000",
      "catatan",
    ]);
  });

  it("sends null for an emptied input (blank counts as empty)", () => {
    expect(correctedCells(cells, ["E2E-1", "", "28/02/2026", "  ", ""])).toEqual([
      "E2E-1",
      null,
      "28/02/2026",
      null,
      null,
    ]);
  });

  it("has one cell per input, also past the row's own cells", () => {
    expect(correctedCells(["a"], ["a", "", "b"])).toEqual(["a", null, "b"]);
  });

  it("sends an edited number as the text typed", () => {
    expect(correctedCells([500000], ["500000,50"])).toEqual(["500000,50"]);
  });
});

describe("changedCells", () => {
  it("tells whether any input was edited", () => {
    expect(changedCells(cells, cellInputs(cells, 5))).toBe(false);
    expect(changedCells(cells, ["E2E-1", "C-001", "28/02/2026", "500000", ""])).toBe(true);
    expect(changedCells(["a"], ["a", ""])).toBe(false);
    expect(changedCells(["a"], ["a", "x"])).toBe(true);
  });
});

describe("fixRefusal", () => {
  it("reads 404 as a row that can no longer change", () => {
    expect(fixRefusal(new ApiError(404, "not_found", "not found"))).toEqual({ kind: "gone" });
  });

  it("gives the 422 reasons, or the message when there are none", () => {
    const tooMany = new ApiError(422, "validation_failed", "validation failed", {
      cells: ["at most 6 cells: the header's columns"],
    });
    expect(fixRefusal(tooMany)).toEqual({
      kind: "refused",
      reasons: ["at most 6 cells: the header's columns"],
    });
    expect(fixRefusal(new ApiError(422, "validation_failed", "bad body"))).toEqual({
      kind: "refused",
      reasons: ["bad body"],
    });
  });

  it("leaves anything else to the app's error messages", () => {
    const forbidden = new ApiError(403, "forbidden", "forbidden");
    expect(fixRefusal(forbidden)).toEqual({ kind: "other", error: forbidden });
    const boom = new Error("boom");
    expect(fixRefusal(boom)).toEqual({ kind: "other", error: boom });
  });
});
