import { describe, expect, it } from "vitest";
import type { News } from "../types";
import { formValues, newsSchema, toBody } from "./news-schema";

const base = formValues(null);

function errors(values: Partial<typeof base>): string[] {
  const result = newsSchema.safeParse({ ...base, ...values });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
}

describe("news form", () => {
  it("requires a title and a body within their limits", () => {
    expect(errors({ title: " ", body: "" })).toEqual([
      "title:validation.required",
      "body:validation.required",
    ]);
    expect(errors({ title: "t".repeat(201), body: "b" })).toEqual([
      "title:validation.maxLength|200",
    ]);
    expect(errors({ title: "t", body: "b".repeat(20_001) })).toEqual([
      "body:news.validation.bodyMax",
    ]);
    expect(errors({ title: "t", body: "b" })).toEqual([]);
  });

  it("a scheduled post needs a valid day and time in the future", () => {
    expect(errors({ title: "t", body: "b", state: "scheduled", day: "", time: "8" })).toEqual([
      "day:news.validation.day",
      "time:news.validation.time",
    ]);
    expect(
      errors({ title: "t", body: "b", state: "scheduled", day: "2020-01-01", time: "08:00" }),
    ).toEqual(["day:news.validation.future"]);
    expect(
      errors({ title: "t", body: "b", state: "scheduled", day: "2098-01-01", time: "08:00" }),
    ).toEqual([]);
  });

  it("builds the request body for each publication", () => {
    const now = new Date("2026-12-01T01:00:00Z");
    const values = { ...base, title: " Judul ", body: "Isi", audience_roles: ["cs_agent"] };
    expect(toBody({ ...values, state: "draft" }, null, now)).toEqual({
      title: "Judul",
      body: "Isi",
      pinned: false,
      audience_roles: ["cs_agent"],
      published_at: null,
    });
    expect(toBody(values, null, now).published_at).toBe("2026-12-01T01:00:00.000Z");
    const published = { state: "published", published_at: "2026-11-01T00:00:00Z" } as News;
    expect(toBody(values, published, now).published_at).toBe("2026-11-01T00:00:00Z");
    expect(
      toBody({ ...values, state: "scheduled", day: "2026-12-24", time: "09:30" }, null, now)
        .published_at,
    ).toBe("2026-12-24T09:30:00+07:00");
  });
});
