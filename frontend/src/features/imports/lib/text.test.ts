import { describe, expect, it } from "vitest";
import { cellText, messageIn, problemText } from "./text";

describe("cellText", () => {
  it("shows cells as written", () => {
    expect(cellText("Rp 2.750.000,50")).toBe("Rp 2.750.000,50");
    expect(cellText(1500000)).toBe("1500000");
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
  });
});

describe("problemText", () => {
  const problem = {
    field: "invoice_date",
    message_id: "bulan 25 tidak ada",
    message_en: "no month 25",
  };
  it("speaks the user's language", () => {
    expect(problemText(problem, "id")).toBe("bulan 25 tidak ada");
    expect(problemText(problem, "en")).toBe("no month 25");
  });
  it("falls back to the other language when one is empty", () => {
    expect(problemText({ ...problem, message_en: " " }, "en")).toBe("bulan 25 tidak ada");
  });
});

describe("messageIn", () => {
  const both = "the file is empty — berkas kosong";
  it("picks the half in the user's language", () => {
    expect(messageIn(both, "id")).toBe("berkas kosong");
    expect(messageIn(both, "en")).toBe("the file is empty");
  });
  it("keeps any other message whole", () => {
    expect(messageIn("is required", "id")).toBe("is required");
    expect(messageIn("a — b — c", "en")).toBe("a — b — c");
  });
});
