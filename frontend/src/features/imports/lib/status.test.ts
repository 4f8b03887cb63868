import { describe, expect, it } from "vitest";
import {
  canProcess,
  canRevert,
  editsMapping,
  fixesRows,
  isRunning,
  processAgain,
  progressPercent,
} from "./status";

describe("progressPercent", () => {
  it("is the whole percent of rows processed", () => {
    expect(progressPercent(0, 10)).toBe(0);
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(2, 3)).toBe(66);
    expect(progressPercent(10, 10)).toBe(100);
  });

  it("never leaves 0–100, and an empty import is 0", () => {
    expect(progressPercent(12, 10)).toBe(100);
    expect(progressPercent(-1, 10)).toBe(0);
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(5, 0)).toBe(0);
    expect(progressPercent(Number.NaN, 10)).toBe(0);
  });
});

describe("import status", () => {
  it("runs while queued or processing", () => {
    expect(isRunning("queued")).toBe(true);
    expect(isRunning("processing")).toBe(true);
    expect(isRunning("done")).toBe(false);
    expect(isRunning("staged")).toBe(false);
  });

  it("edits the mapping before and between runs only", () => {
    expect(editsMapping("staged")).toBe(true);
    expect(editsMapping("done")).toBe(true);
    expect(editsMapping("failed")).toBe(true);
    expect(editsMapping("processing")).toBe(false);
    expect(editsMapping("reverted")).toBe(false);
  });

  it("fixes error rows in place only when no run holds the import and it was not reverted", () => {
    expect(fixesRows("staged")).toBe(true);
    expect(fixesRows("done")).toBe(true);
    expect(fixesRows("failed")).toBe(true);
    expect(fixesRows("queued")).toBe(false);
    expect(fixesRows("processing")).toBe(false);
    expect(fixesRows("reverted")).toBe(false);
  });

  it("processes the first time, and again while rows are refused", () => {
    expect(canProcess({ status: "staged", error_count: 0 })).toBe(true);
    expect(processAgain({ status: "staged", error_count: 0 })).toBe(false);
    expect(canProcess({ status: "done", error_count: 2 })).toBe(true);
    expect(processAgain({ status: "done", error_count: 2 })).toBe(true);
    expect(canProcess({ status: "done", error_count: 0 })).toBe(false);
    expect(processAgain({ status: "failed", error_count: 0 })).toBe(true);
    expect(canProcess({ status: "reverted", error_count: 1 })).toBe(false);
    expect(canProcess({ status: "queued", error_count: 0 })).toBe(false);
  });

  it("reverts a finished run only", () => {
    expect(canRevert("done")).toBe(true);
    expect(canRevert("failed")).toBe(true);
    expect(canRevert("staged")).toBe(false);
    expect(canRevert("processing")).toBe(false);
    expect(canRevert("reverted")).toBe(false);
  });
});
