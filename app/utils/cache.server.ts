/**
 * The application cache: @epic-web/cachified over a small in-process LRU map, kept coherent across
 * app instances by a generation per namespace in the database (docs/decisions/024). The namespace
 * is a key's text before its first ":" ("listings", "programmes"). `invalidate` bumps the
 * namespace's generation in the same database the write went to; `cached` reads the current
 * generation (one primary-key lookup) and keys its entry by it, so once a save has returned, no
 * instance serves a value computed before it: an older generation's entries are simply never asked
 * for again. Everything goes through `cached` and `invalidate`.
 */
import { cachified, totalTtl, type Cache, type CacheEntry } from "@epic-web/cachified";
import { Prisma } from "~/generated/prisma/client";
import { db } from "./db.server";
import { hotRows } from "./hot-read.server";

const MAX_ENTRIES = 500;

/** A Map kept in least-recently-used order; entries also expire after their cachified ttl + swr. */
class LruStore implements Cache {
  name = "memory-lru";
  private entries = new Map<string, { entry: CacheEntry; expiresAt: number }>();

  get(key: string) {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert: Map iteration order is insertion order, so the first key is the least recent.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.entry;
  }

  set(key: string, entry: CacheEntry) {
    const ttl = totalTtl(entry?.metadata);
    const expiresAt = ttl === Infinity ? Infinity : (entry.metadata.createdTime ?? Date.now()) + ttl;
    this.entries.delete(key);
    this.entries.set(key, { entry, expiresAt });
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string) {
    this.entries.delete(key);
  }

  deletePrefix(prefix: string) {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  clear() {
    this.entries.clear();
  }
}

declare global {
  // One store per process, also across dev rebuilds.
  var __vitrineCache: LruStore | undefined;
}

const store = (globalThis.__vitrineCache ??= new LruStore());

function namespaceOf(keyOrPrefix: string): string {
  const colon = keyOrPrefix.indexOf(":");
  return colon === -1 ? keyOrPrefix : keyOrPrefix.slice(0, colon);
}

/**
 * The current generation of a cache namespace (0 before its first change). Every page cache hit
 * reads it, so it is a hot read (./hot-read.server.ts): through Prisma, the client's fixed cost was
 * many times the read itself (docs/performance.md, "Page cache hits").
 */
export async function generationOf(namespace: string): Promise<number> {
  const [row] = await hotRows<{ generation: number | bigint | string }>(Prisma.sql`
    SELECT "generation" FROM "CacheGeneration" WHERE "namespace" = ${namespace}`);
  return row ? Number(row.generation) : 0;
}

/**
 * The cached value for `key`, computed by `getFreshValue` when missing or expired. `ttl` in ms;
 * `swr` lets a stale value be served while a fresh one is computed in the background.
 */
export async function cached<T>(options: {
  key: string;
  ttl: number;
  swr?: number;
  getFreshValue: () => Promise<T> | T;
}): Promise<T> {
  const generation = await generationOf(namespaceOf(options.key));
  return cachified<T>({
    key: `${options.key}#${generation}`,
    cache: store,
    ttl: options.ttl,
    staleWhileRevalidate: options.swr ?? 0,
    getFreshValue: options.getFreshValue,
  });
}

/**
 * Call after a write that changes cached values, once it is committed: every instance's entries of
 * the prefix's namespace are outdated from now on. The statement is the same on both databases.
 */
export async function invalidate(prefix: string): Promise<void> {
  await bumpGeneration(namespaceOf(prefix));
  store.deletePrefix(prefix);
}

/** Raises a namespace's generation on every instance. The statement is the same on both databases. */
export async function bumpGeneration(namespace: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "CacheGeneration" ("namespace", "generation") VALUES (${namespace}, 1)
    ON CONFLICT ("namespace") DO UPDATE SET "generation" = "CacheGeneration"."generation" + 1`;
}

/** Tests only. */
export function clearCache() {
  store.clear();
}
