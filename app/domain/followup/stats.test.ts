import { describe, expect, it } from "vitest";
import { formatWait, responseSeconds } from "./leads";
import { badgeHours, figuresOf, parseStatsWindow, windowStart, type LeadBucket } from "./stats";

const now = new Date("2026-12-01T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("statistics arithmetic", () => {
  it("accepts 7, 30 or 90 days (30 by default) and nothing else", () => {
    expect(parseStatsWindow(null)).toBe(30);
    expect(parseStatsWindow("7")).toBe(7);
    expect(parseStatsWindow("90")).toBe(90);
    for (const raw of ["13", "7.0", "-7", "1e1", "abc"]) expect(parseStatsWindow(raw)).toBeNull();
  });

  it("adds the database's buckets up per UTC day, over every day of the window, and rounds the median", () => {
    const bucket = (day: string, assigneeId: string | null, counts: Partial<LeadBucket> = {}): LeadBucket => ({
      day,
      assigneeId,
      received: 1,
      answered: 0,
      withinHour: 0,
      eligible: 0,
      ...counts,
    });
    const buckets = [
      bucket("2026-11-30", "a", { received: 2, answered: 2, withinHour: 1, eligible: 2 }),
      bucket("2026-11-30", null, { received: 1, eligible: 1 }), // waited for days: counts against the share
      bucket("2026-12-01", "a", { received: 3, answered: 1, withinHour: 1, eligible: 2 }),
    ];
    const figures = figuresOf(buckets, 4_500_499, { now, days: 7 });
    expect(figures.received).toBe(6);
    expect(figures.perDay).toHaveLength(7);
    expect(figures.perDay[0]).toEqual({ date: windowStart(now, 7).toISOString().slice(0, 10), count: 0 });
    expect(figures.perDay.slice(-2)).toEqual([
      { date: "2026-11-30", count: 3 },
      { date: "2026-12-01", count: 3 },
    ]);
    expect(figures.answered).toBe(3);
    expect(figures.medianResponseSeconds).toBe(4500);
    expect(figures.answeredWithinHourShare).toBe(2 / 5);
    expect(figuresOf([], null, { now, days: 7 })).toMatchObject({
      received: 0,
      answered: 0,
      medianResponseSeconds: null,
      answeredWithinHourShare: null,
    });
  });

  it("shows the badge from 5 answered leads, rounded up to the hour, 1 h at least", () => {
    expect(badgeHours(4, 60_000)).toBeNull();
    expect(badgeHours(5, 60_000)).toBe(1);
    expect(badgeHours(5, 3_600_000)).toBe(1);
    expect(badgeHours(5, 3_600_001)).toBe(2);
    expect(badgeHours(0, null)).toBeNull();
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
