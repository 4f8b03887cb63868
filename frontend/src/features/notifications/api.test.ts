import { describe, expect, it } from "vitest";
import { badgeText, changesNotifications } from "./api";

describe("badgeText", () => {
  it("hides the badge when nothing is unread", () => {
    expect(badgeText(0)).toBeNull();
    expect(badgeText(-1)).toBeNull();
  });
  it("shows small counts and caps large ones", () => {
    expect(badgeText(1)).toBe("1");
    expect(badgeText(9)).toBe("9");
    expect(badgeText(10)).toBe("9+");
    expect(badgeText(250)).toBe("9+");
  });
});

describe("changesNotifications", () => {
  it("reloads on a new notification and after a reconnect only", () => {
    expect(changesNotifications({ type: "notification.created" })).toBe(true);
    expect(changesNotifications({ type: "resync" })).toBe(true);
    expect(changesNotifications({ type: "ticket.updated" })).toBe(false);
  });
});
