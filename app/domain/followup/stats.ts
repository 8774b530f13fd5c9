/**
 * The arithmetic of lead statistics, apart from the queries so it can be tested on known figures.
 * No server code.
 */
export const STATS_WINDOWS = [7, 30, 90] as const;
export type StatsWindow = (typeof STATS_WINDOWS)[number];

export const HOUR = 3600;
/** The listing badge needs at least this many answered leads in the last 90 days (SPEC). */
export const BADGE_MIN_ANSWERED = 5;

export function parseStatsWindow(raw: string | null): StatsWindow | null {
  if (raw === null || raw === "") return 30;
  const value = Number(raw);
  return (STATS_WINDOWS as readonly number[]).includes(value) && /^\d+$/.test(raw) ? (value as StatsWindow) : null;
}

/** The median of a list of numbers (mean of the two middle ones for an even count), or null. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The UTC calendar day of a date, `YYYY-MM-DD`. */
export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of the first day of a window of `days` days ending today. */
export function windowStart(now: Date, days: number): Date {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  start.setUTCDate(start.getUTCDate() - (days - 1));
  return start;
}

export type ClockedLead = { startedAt: Date; firstResponseAt: Date | null };

export type LeadFigures = {
  received: number;
  perDay: { date: string; count: number }[];
  answered: number;
  medianResponseSeconds: number | null;
  /** Among leads answered or waiting for an hour or more: the share answered within the hour (0–1). */
  answeredWithinHourShare: number | null;
};

/** Leads received per day, median first response and share answered within 1 h over a window. */
export function leadFigures(leads: ClockedLead[], { now, days }: { now: Date; days: number }): LeadFigures {
  const start = windowStart(now, days);
  const perDay = new Map<string, number>();
  for (let i = 0; i < days; i++) {
    const day = new Date(start);
    day.setUTCDate(start.getUTCDate() + i);
    perDay.set(dayKey(day), 0);
  }
  const responses: number[] = [];
  let eligible = 0;
  let withinHour = 0;
  let received = 0;
  for (const lead of leads) {
    if (lead.startedAt < start || lead.startedAt > now) continue;
    received++;
    const key = dayKey(lead.startedAt);
    perDay.set(key, (perDay.get(key) ?? 0) + 1);
    const seconds = lead.firstResponseAt
      ? Math.max(0, (lead.firstResponseAt.getTime() - lead.startedAt.getTime()) / 1000)
      : null;
    if (seconds !== null) responses.push(seconds);
    // A lead younger than an hour and still unanswered may yet be answered in time: not counted.
    const waitedHour = (now.getTime() - lead.startedAt.getTime()) / 1000 >= HOUR;
    if (seconds !== null || waitedHour) {
      eligible++;
      if (seconds !== null && seconds <= HOUR) withinHour++;
    }
  }
  const mid = median(responses);
  return {
    received,
    perDay: [...perDay].map(([date, count]) => ({ date, count })),
    answered: responses.length,
    medianResponseSeconds: mid === null ? null : Math.round(mid),
    answeredWithinHourShare: eligible ? withinHour / eligible : null,
  };
}

/**
 * "Répond généralement en moins de N h": N is the median first response of the answered leads
 * rounded up to the hour (1 h at least), shown from `BADGE_MIN_ANSWERED` answered leads on.
 */
export function badgeHours(responseSeconds: number[]): number | null {
  if (responseSeconds.length < BADGE_MIN_ANSWERED) return null;
  const mid = median(responseSeconds)!;
  return Math.max(1, Math.ceil(mid / HOUR));
}
