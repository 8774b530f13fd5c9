/**
 * The buyer's selection on /vehicles lives in the URL (`?selected=100,101`), so it survives paging,
 * filtering and sorting without JavaScript, cookies or a session. Pure functions: the loader
 * parses, the links rewrite.
 */
import { MAX_VEHICLES } from "./validation";

/** Positive integer ids, de-duplicated, in order, at most MAX_VEHICLES; anything else is dropped. */
export function parseSelection(raw: string | null): number[] {
  if (!raw) return [];
  const ids: number[] = [];
  for (const part of raw.slice(0, 200).split(",")) {
    const trimmed = part.trim();
    if (!/^[1-9]\d{0,15}$/.test(trimmed)) continue;
    const id = Number(trimmed);
    if (Number.isSafeInteger(id) && !ids.includes(id)) ids.push(id);
    if (ids.length === MAX_VEHICLES) break;
  }
  return ids;
}

/** The same search with other parameters; `null` removes one. The page number resets unless given. */
export function searchWith(search: string, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(search);
  if (!("page" in changes)) params.delete("page");
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") params.delete(key);
    else params.set(key, value);
  }
  // Commas need no escaping in a query: `?selected=100,101` stays readable.
  const out = params.toString().replace(/%2C/gi, ",");
  return out ? `?${out}` : "";
}

export function toggleSelection(selection: number[], id: number): number[] {
  if (selection.includes(id)) return selection.filter((v) => v !== id);
  return selection.length >= MAX_VEHICLES ? selection : [...selection, id];
}

export function selectionParam(selection: number[]): string | null {
  return selection.length ? selection.join(",") : null;
}
