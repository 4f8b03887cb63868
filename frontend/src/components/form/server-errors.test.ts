import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/api/errors";
import { applyServerErrors } from "./server-errors";

describe("applyServerErrors", () => {
  it("attaches 422 details to known fields", () => {
    const setError = vi.fn();
    const err = new ApiError(422, "validation_failed", "invalid", {
      email: ["is already taken"],
      password: ["too short", "too common"],
      tenant: ["unknown"],
    });
    const out = applyServerErrors(err, ["email", "password", "full_name"], setError);
    expect(setError).toHaveBeenCalledWith("email", { type: "server", message: "is already taken" });
    expect(setError).toHaveBeenCalledWith("password", {
      type: "server",
      message: "too short too common",
    });
    expect(out).toEqual({ attached: true, unattached: ["tenant: unknown"] });
  });

  it("ignores errors that are not API errors", () => {
    const setError = vi.fn();
    expect(applyServerErrors(new Error("x"), ["email"], setError)).toEqual({
      attached: false,
      unattached: [],
    });
    expect(setError).not.toHaveBeenCalled();
  });
});
