import { describe, expect, it } from "vitest";
import { formatWait, responseSeconds } from "./leads";
import { badgeHours, leadFigures, median, parseStatsWindow, windowStart } from "./stats";

const now = new Date("2026-12-01T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const after = (start: Date, minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe("statistics arithmetic", () => {
  it("takes the median of odd and even counts", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("accepts 7, 30 or 90 days (30 by default) and nothing else", () => {
    expect(parseStatsWindow(null)).toBe(30);
    expect(parseStatsWindow("7")).toBe(7);
    expect(parseStatsWindow("90")).toBe(90);
    for (const raw of ["13", "7.0", "-7", "1e1", "abc"]) expect(parseStatsWindow(raw)).toBeNull();
  });

  it("counts per UTC day, the median first response and the share answered within the hour", () => {
    const leads = [
      { startedAt: ago(24 * 60), firstResponseAt: after(ago(24 * 60), 30) },
      { startedAt: ago(48 * 60), firstResponseAt: after(ago(48 * 60), 120) },
      { startedAt: ago(72 * 60), firstResponseAt: null }, // waited for days: counts against the share
      { startedAt: ago(10), firstResponseAt: null }, // may still be answered in time: not counted
      { startedAt: ago(8 * 24 * 60), firstResponseAt: after(ago(8 * 24 * 60), 5) }, // outside 7 days
    ];
    const figures = leadFigures(leads, { now, days: 7 });
    expect(figures.received).toBe(4);
    expect(figures.perDay).toHaveLength(7);
    expect(figures.perDay[0].date).toBe(windowStart(now, 7).toISOString().slice(0, 10));
    expect(figures.perDay.at(-1)).toEqual({ date: "2026-12-01", count: 1 });
    expect(figures.answered).toBe(2);
    expect(figures.medianResponseSeconds).toBe(75 * 60);
    expect(figures.answeredWithinHourShare).toBeCloseTo(1 / 3);
    expect(leadFigures([], { now, days: 7 }).answeredWithinHourShare).toBeNull();
  });

  it("shows the badge from 5 answered leads, rounded up to the hour, 1 h at least", () => {
    expect(badgeHours([60, 60, 60, 60])).toBeNull();
    expect(badgeHours([60, 60, 60, 60, 60])).toBe(1);
    expect(badgeHours([3600, 5400, 5400, 5400, 9000])).toBe(2);
  });

  it("measures and words a response time", () => {
    expect(responseSeconds(ago(90), null)).toBeNull();
    expect(responseSeconds(ago(90), now)).toBe(5400);
    expect(responseSeconds(now, ago(1))).toBe(0);
    expect(formatWait(30)).toBe("1 min");
    expect(formatWait(3 * 3600 + 5 * 60)).toBe("3 h 5 min");
    expect(formatWait(2 * 86400 + 4 * 3600)).toBe("2 j 4 h");
  });
});
