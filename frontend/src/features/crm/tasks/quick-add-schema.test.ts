import { describe, expect, it } from "vitest";
import { fromLocalInput } from "../lib/dates";
import { quickAddSchema } from "./quick-add-schema";

describe("quick-add task rules", () => {
  it("parses a title and a local due time into POST /tasks' body", () => {
    const parsed = quickAddSchema.parse({ title: "  Telepon PT Maju  ", due: "2026-12-07T09:00" });
    expect(parsed).toEqual({
      title: "Telepon PT Maju",
      due_at: fromLocalInput("2026-12-07T09:00"),
    });
  });

  it("needs both a title and a due time", () => {
    const result = quickAddSchema.safeParse({ title: " ", due: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(["due", "title"]);
  });
});
