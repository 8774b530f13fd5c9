/**
 * The two kinds of lead a pro answers — a property (or programme) inquiry and a dealership's
 * vehicle lead — seen through one small vocabulary, so replies, clocks, reminders and statistics
 * are written once. No server code: pages import the clock helpers too.
 */
export type LeadKind = "inquiry" | "vehicle";

export type LeadRef = { kind: LeadKind; id: string };

/** The key reminders are stored under: `inquiry:<id>` or `vehicle:<id>`. */
export function leadKey(ref: LeadRef): string {
  return `${ref.kind}:${ref.id}`;
}

export function parseLeadKey(key: string): LeadRef | null {
  const at = key.indexOf(":");
  const kind = key.slice(0, at);
  const id = key.slice(at + 1);
  if ((kind !== "inquiry" && kind !== "vehicle") || !id) return null;
  return { kind, id };
}

/** The page of a lead in the pro's space. */
export function leadPath(ref: LeadRef): string {
  return ref.kind === "inquiry" ? `/pro/contacts/${ref.id}` : `/pro/contacts/vehicles/${ref.id}`;
}

/**
 * Seconds from the moment the clock started (an inquiry's arrival; the end of a vehicle buyer's
 * anonymity window) to the first response, or null while unanswered. Never negative.
 */
export function responseSeconds(startedAt: Date, firstResponseAt: Date | null): number | null {
  if (!firstResponseAt) return null;
  return Math.max(0, Math.round((firstResponseAt.getTime() - startedAt.getTime()) / 1000));
}

/** The two JSON fields every lead carries (SPEC "Response time"). */
export function responseClock(startedAt: Date, firstResponseAt: Date | null) {
  return {
    firstResponseAt: firstResponseAt?.toISOString() ?? null,
    responseSeconds: responseSeconds(startedAt, firstResponseAt),
  };
}

/** "12 min", "3 h 5 min", "2 j 4 h": how long a lead waited, for people. */
export function formatWait(seconds: number): string {
  const minutes = Math.max(0, Math.floor(seconds / 60));
  if (minutes < 60) return `${Math.max(1, minutes)} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
  const days = Math.floor(hours / 24);
  return `${days} j${hours % 24 ? ` ${hours % 24} h` : ""}`;
}
