import { describe, expect, it } from "vitest";
import { ApiError } from "@/api/errors";
import { isSpreadsheetName, uploadRefusal } from "./upload";

describe("isSpreadsheetName", () => {
  it("takes xlsx, xls and csv whatever the case", () => {
    expect(isSpreadsheetName("faktur.xlsx")).toBe(true);
    expect(isSpreadsheetName("LAPORAN.CSV")).toBe(true);
    expect(isSpreadsheetName("old.xls")).toBe(true);
    expect(isSpreadsheetName("scan.pdf")).toBe(false);
    expect(isSpreadsheetName("csv")).toBe(false);
  });
});

describe("uploadRefusal", () => {
  it("reads 413 as too large", () => {
    expect(uploadRefusal(new ApiError(413, "payload_too_large", "too large"), "id")).toEqual({
      kind: "too_large",
    });
  });

  it("gives the 422 reason in the user's language", () => {
    const e = new ApiError(422, "validation_failed", "validation failed", {
      file: ["the file has no rows — berkas tidak berisi baris"],
    });
    expect(uploadRefusal(e, "id")).toEqual({
      kind: "refused",
      reason: "berkas tidak berisi baris",
    });
    expect(uploadRefusal(e, "en")).toEqual({ kind: "refused", reason: "the file has no rows" });
  });

  it("leaves anything else to the app's error messages", () => {
    const forbidden = new ApiError(403, "forbidden", "forbidden");
    expect(uploadRefusal(forbidden, "id")).toEqual({ kind: "other", error: forbidden });
    const bare = new ApiError(422, "validation_failed", "validation failed");
    expect(uploadRefusal(bare, "en").kind).toBe("other");
  });
});
