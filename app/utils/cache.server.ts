/**
 * The application cache: @epic-web/cachified over a small in-process LRU map. Everything goes
 * through `cached` and `invalidate`, so the store can later move to Redis or similar (several app
 * instances) without touching the callers.
 */
import { cachified, totalTtl, type Cache, type CacheEntry } from "@epic-web/cachified";

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

/**
 * The cached value for `key`, computed by `getFreshValue` when missing or expired. `ttl` in ms;
 * `swr` lets a stale value be served while a fresh one is computed in the background.
 */
export function cached<T>(options: { key: string; ttl: number; swr?: number; getFreshValue: () => Promise<T> | T }) {
  return cachified<T>({
    key: options.key,
    cache: store,
    ttl: options.ttl,
    staleWhileRevalidate: options.swr ?? 0,
    getFreshValue: options.getFreshValue,
  });
}

/** Forgets every key that starts with `prefix` (call it after a write that changes those values). */
export function invalidate(prefix: string) {
  store.deletePrefix(prefix);
}

/** Tests only. */
export function clearCache() {
  store.clear();
}
