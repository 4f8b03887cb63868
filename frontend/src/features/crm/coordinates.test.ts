import { describe, expect, it } from "vitest";
import { parseCoordinates } from "./coordinates";

describe("customer coordinates", () => {
  it("sends nothing when both are empty", () => {
    expect(parseCoordinates("", " ")).toEqual({ ok: true, value: null });
  });

  it("parses a pair, a decimal comma included", () => {
    expect(parseCoordinates("-6.2", "106,8166")).toEqual({
      ok: true,
      value: { latitude: -6.2, longitude: 106.8166 },
    });
  });

  it("flags a missing half or an out-of-range value", () => {
    expect(parseCoordinates("-6.2", "")).toEqual({
      ok: false,
      errors: { longitude: "crm.customer.invalidLongitude" },
    });
    expect(parseCoordinates("91", "200")).toEqual({
      ok: false,
      errors: {
        latitude: "crm.customer.invalidLatitude",
        longitude: "crm.customer.invalidLongitude",
      },
    });
    expect(parseCoordinates("abc", "106")).toMatchObject({ ok: false });
  });
});
