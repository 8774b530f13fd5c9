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

/**
 * The leads of one UTC day and one assignee (null: the unassigned pool) whose clock started in a
 * window, counted by the database (`./stats.server`).
 */
export type LeadBucket = {
  day: string;
  assigneeId: string | null;
  received: number;
  answered: number;
  /** Answered within the hour. */
  withinHour: number;
  /** Answered, or waiting for an hour or more: the leads the share within the hour is taken over. */
  eligible: number;
};

export type LeadFigures = {
  received: number;
  perDay: { date: string; count: number }[];
  answered: number;
  medianResponseSeconds: number | null;
  /** Among leads answered or waiting for an hour or more: the share answered within the hour (0–1). */
  answeredWithinHourShare: number | null;
};

/**
 * Leads received per day (every day of the window, empty ones included), answered, the median first
 * response and the share answered within 1 h, from the buckets of the leads concerned and the
 * median of their response times in milliseconds.
 */
export function figuresOf(
  buckets: LeadBucket[],
  medianMs: number | null,
  { now, days }: { now: Date; days: number },
): LeadFigures {
  const start = windowStart(now, days);
  const perDay = new Map<string, number>();
  for (let i = 0; i < days; i++) {
    const day = new Date(start);
    day.setUTCDate(start.getUTCDate() + i);
    perDay.set(dayKey(day), 0);
  }
  let received = 0;
  let answered = 0;
  let withinHour = 0;
  let eligible = 0;
  for (const bucket of buckets) {
    perDay.set(bucket.day, (perDay.get(bucket.day) ?? 0) + bucket.received);
    received += bucket.received;
    answered += bucket.answered;
    withinHour += bucket.withinHour;
    eligible += bucket.eligible;
  }
  return {
    received,
    perDay: [...perDay].map(([date, count]) => ({ date, count })),
    answered,
    medianResponseSeconds: medianMs === null ? null : Math.round(medianMs / 1000),
    answeredWithinHourShare: eligible ? withinHour / eligible : null,
  };
}

/**
 * "Répond généralement en moins de N h": N is the median first response of the answered leads
 * rounded up to the hour (1 h at least), shown from `BADGE_MIN_ANSWERED` answered leads on.
 */
export function badgeHours(answered: number, medianMs: number | null): number | null {
  if (answered < BADGE_MIN_ANSWERED || medianMs === null) return null;
  return Math.max(1, Math.ceil(medianMs / 1000 / HOUR));
}
