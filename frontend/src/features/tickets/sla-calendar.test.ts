import { describe, expect, it } from "vitest";
import {
  formatHolidayDate,
  holidayKind,
  parseYear,
  sortHolidays,
  weekHours,
  weekdayLabel,
} from "./sla-calendar";

describe("SLA calendar helpers", () => {
  it("reads the year search param", () => {
    expect(parseYear("2027")).toBe(2027);
    expect(parseYear(undefined)).toBeNull();
    expect(parseYear("1999")).toBeNull();
    expect(parseYear("2101")).toBeNull();
    expect(parseYear("20x7")).toBeNull();
  });

  it("labels ISO weekdays Monday to Sunday", () => {
    expect(weekdayLabel(1, "en")).toBe("Monday");
    expect(weekdayLabel(7, "en")).toBe("Sunday");
    expect(weekdayLabel(1, "id")).toBe("Senin");
    expect(weekdayLabel(5, "id")).toBe("Jumat");
  });

  it("formats a holiday with its weekday, without shifting the day", () => {
    expect(formatHolidayDate("2027-03-12", "en")).toBe("Friday, March 12, 2027");
    expect(formatHolidayDate("2027-03-12", "id")).toBe("Jumat, 12 Maret 2027");
    expect(formatHolidayDate("bogus", "id")).toBe("bogus");
  });

  it("lists the whole week with closed days as null", () => {
    const week = weekHours([
      { isodow: 2, opens_at: "08:00", closes_at: "17:00" },
      { isodow: 1, opens_at: "09:00", closes_at: "16:00" },
    ]);
    expect(week.map((d) => d.isodow)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(week[0]?.hours).toBe("09:00–16:00");
    expect(week[1]?.hours).toBe("08:00–17:00");
    expect(week[6]?.hours).toBeNull();
  });

  it("sorts holidays by day and narrows kinds", () => {
    const input = [{ day: "2027-05-01" }, { day: "2027-01-01" }, { day: "2027-03-10" }];
    expect(sortHolidays(input).map((h) => h.day)).toEqual([
      "2027-01-01",
      "2027-03-10",
      "2027-05-01",
    ]);
    expect(input[0]?.day).toBe("2027-05-01");
    expect(holidayKind("collective_leave")).toBe("collective_leave");
    expect(holidayKind("other")).toBe("national");
  });
});
