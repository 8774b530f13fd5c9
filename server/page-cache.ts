/**
 * The shared page cache for anonymous visitors (docs/decisions/043).
 *
 * Public catalogue pages are stored once per URL (query normalized), compressed once (brotli and
 * gzip, see ./precompressed.ts), and served to every anonymous visitor with a fresh CSP nonce.
 * An entry is only served while the public-page generation it was rendered at is still current;
 * that counter is raised before and after every change made through /pro or /admin, on any
 * instance, so no visitor sees a page older than the last save. Requests that carry a cookie or
 * credentials, or ask for JSON, never touch the cache: anything personal (the session, the
 * "contacté" marker, the vehicle selection's viewer cookie, flash messages) travels in a cookie.
 */
import { createHash } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { renderSpliced, splicePage, type SplicedPage } from "./precompressed";

export type GenerationSource = {
  read: () => Promise<number>;
  bump: () => Promise<void>;
};

type Entry = {
  page: SplicedPage;
  contentType: string;
  generation: number;
  size: number;
};

const CACHEABLE_PATHS = [
  /^\/$/,
  /^\/properties$/,
  /^\/properties\/[^/]+$/,
  /^\/programmes$/,
  /^\/programmes\/[^/]+$/,
  /^\/vehicles$/,
  /^\/vehicles\/\d+$/,
  /^\/sitemap\.xml$/,
];
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;
const MAX_URL_LENGTH = 2048;
/** Shared caches (a CDN) may keep a page a few seconds and serve it stale while they refresh it. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=5, stale-while-revalidate=30";
const VARY = "Accept-Encoding, Cookie, Authorization";

/**
 * Reads the generation so that every caller gets a value read after it called: callers that arrive
 * while a read is in flight wait for the next one (a read that started earlier may predate a bump
 * that committed before they arrived), and all of them share it.
 */
export class GenerationReader {
  private inflight: Promise<number> | null = null;
  private next: Promise<number> | null = null;

  constructor(private readonly source: () => Promise<number>) {}

  read(): Promise<number> {
    if (!this.inflight) {
      this.inflight = this.source().finally(() => {
        this.inflight = null;
      });
      return this.inflight;
    }
    this.next ??= this.inflight
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.read();
      });
    return this.next;
  }
}

/** Least-recently-used entries, bounded by total bytes. */
class EntryStore {
  private entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: Entry) {
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.size;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.size;
    }
  }

  delete(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.size;
  }

  get size() {
    return this.entries.size;
  }
}

/** The cache key of a request, or null when the request must not use the cache. */
export function cacheKey(req: Pick<Request, "method" | "path" | "originalUrl" | "headers">): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (req.originalUrl.length > MAX_URL_LENGTH) return null;
  if (!CACHEABLE_PATHS.some((pattern) => pattern.test(req.path))) return null;
  if (req.headers.cookie || req.headers.authorization) return null;
  if ((req.headers.accept ?? "").includes("application/json")) return null;
  const queryAt = req.originalUrl.indexOf("?");
  const params = new URLSearchParams(queryAt === -1 ? "" : req.originalUrl.slice(queryAt + 1));
  if (params.has("_data")) return null;
  const pairs = [...params].sort(([ak, av], [bk, bv]) =>
    ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1,
  );
  const query = new URLSearchParams(pairs).toString();
  return `${req.headers.host ?? ""}${req.path}${query ? `?${query}` : ""}`;
}

/** The best encoding the client accepts among brotli, gzip and none. */
export function negotiateEncoding(header: string | undefined): "br" | "gzip" | "identity" {
  const accepted = new Set<string>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const refused = params.some((p) => /^\s*q=0(?:\.0{0,3})?\s*$/.test(p));
    if (name && !refused) accepted.add(name);
  }
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip") || accepted.has("*")) return "gzip";
  return "identity";
}

function etagFor(key: string, generation: number, buildVersion: string) {
  const digest = createHash("sha1").update(`${buildVersion}\n${generation}\n${key}`).digest("base64url");
  return `W/"${digest.slice(0, 20)}"`;
}

function matchesEtag(header: string | undefined, etag: string) {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed === etag || `W/${trimmed}` === etag;
  });
}

/**
 * Remembers which keys were asked for recently: a page is stored the second time it is asked for
 * within a generation, so one-off URLs (a rare filter combination, a crawler walking every page)
 * never pay for compression and never push popular pages out.
 */
class Doorkeeper {
  private seen = new Map<string, number>();
  constructor(private readonly capacity: number) {}

  /** True when `key` was already seen at this generation; records it either way. */
  admit(key: string, generation: number): boolean {
    const previous = this.seen.get(key);
    this.seen.delete(key);
    this.seen.set(key, generation);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.keys().next().value as string);
    return previous === generation;
  }
}

export function createPageCache(options: {
  generation: GenerationSource;
  buildVersion: string;
  maxBytes?: number;
  onError: (message: string, error: unknown) => void;
}) {
  const store = new EntryStore(options.maxBytes ?? 64 * 1024 * 1024);
  const reader = new GenerationReader(options.generation.read);
  const doorkeeper = new Doorkeeper(10_000);

  /** Before compression: answers hits (and revalidations) from the cache; marks misses. */
  async function serve(req: Request, res: Response, next: NextFunction) {
    const key = cacheKey(req);
    if (!key) return next();
    let generation: number;
    try {
      generation = await reader.read();
    } catch (error) {
      options.onError("page cache: generation unavailable", error);
      return next();
    }
    const etag = etagFor(key, generation, options.buildVersion);
    const entry = store.get(key);
    if (!entry || entry.generation !== generation) {
      res.locals.pageCache = { key, generation, etag, store: doorkeeper.admit(key, generation) };
      return next();
    }
    res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
    res.setHeader("Vary", VARY);
    res.setHeader("ETag", etag);
    res.setHeader("X-Cache", "HIT");
    if (matchesEtag(req.headers["if-none-match"], etag)) {
      // The browser keeps the body it has, with the nonce of its own CSP: a new one must not replace it.
      res.removeHeader("Content-Security-Policy");
      return res.status(304).end();
    }
    const encoding = negotiateEncoding(req.headers["accept-encoding"]);
    const servedEncoding = encoding === "br" && !entry.page.brotli ? "gzip" : encoding;
    const body = renderSpliced(entry.page, res.locals.cspNonce ?? "", servedEncoding);
    res.status(200);
    res.setHeader("Content-Type", entry.contentType);
    if (servedEncoding !== "identity") res.setHeader("Content-Encoding", servedEncoding);
    res.setHeader("Content-Length", String(body.length));
    res.end(req.method === "HEAD" ? undefined : body);
  }

  /** After compression: records a cacheable miss's uncompressed body, then stores it. */
  function capture(req: Request, res: Response, next: NextFunction) {
    const marker = res.locals.pageCache as
      { key: string; generation: number; etag: string; store: boolean } | undefined;
    if (!marker) return next();
    let cacheable = false;
    const chunks: Buffer[] = [];
    let size = 0;

    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
      const status = typeof args[0] === "number" ? args[0] : res.statusCode;
      const type = String(res.getHeader("Content-Type") ?? "");
      const control = String(res.getHeader("Cache-Control") ?? "");
      cacheable =
        marker.store &&
        req.method === "GET" &&
        status === 200 &&
        /^(?:text\/html|application\/xml)/.test(type) &&
        !res.getHeader("Set-Cookie") &&
        !/no-store|private/.test(control) &&
        !res.getHeader("Content-Encoding");
      if (status === 200 && !/no-store|private/.test(control) && !res.getHeader("Set-Cookie")) {
        res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
        res.setHeader("Vary", VARY);
        res.setHeader("ETag", marker.etag);
        res.setHeader("X-Cache", "MISS");
      }
      return writeHead.apply(this, args) as Response;
    } as Response["writeHead"];

    const collect = (chunk: unknown, encoding?: unknown) => {
      if (!cacheable || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
          : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > MAX_ENTRY_BYTES) {
        cacheable = false;
        chunks.length = 0;
        return;
      }
      chunks.push(Buffer.from(buffer));
    };

    const write = res.write;
    res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
      const result = (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
      collect(chunk, rest[0]);
      return result;
    } as Response["write"];

    const end = res.end;
    res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
      const result = (end as (...a: unknown[]) => Response).call(this, chunk, ...rest);
      collect(chunk, rest[0]);
      if (cacheable && res.statusCode === 200) void store_(marker, String(res.getHeader("Content-Type")), chunks);
      return result;
    } as Response["end"];

    async function store_(mark: typeof marker, contentType: string, parts: Buffer[]) {
      try {
        // A change committed while this page rendered makes it unusable; do not store it.
        const html = Buffer.concat(parts);
        const page = await splicePage(html, res.locals.cspNonce ?? "");
        if ((await options.generation.read()) !== mark!.generation) return;
        store.set(mark!.key, { page, contentType, generation: mark!.generation, size: html.length * 2 });
      } catch (error) {
        options.onError("page cache: could not store a page", error);
      }
    }

    next();
  }

  /**
   * Around every change made through /pro or /admin: the generation is raised before the change
   * (pages rendered during it are never stored as current) and again before its response leaves,
   * so the next request on any instance cannot be answered from a page rendered before the change.
   */
  async function invalidateOnChange(req: Request, res: Response, next: NextFunction) {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    if (!/^\/(?:pro|admin)(?:\/|$)/.test(req.path)) return next();
    try {
      await options.generation.bump();
    } catch (error) {
      options.onError("page cache: could not raise the generation", error);
    }
    const held: unknown[][] = [];
    const write = res.write;
    const end = res.end;
    res.write = function (this: Response, ...args: unknown[]) {
      held.push(args.filter((a) => typeof a !== "function"));
      const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
      callback?.();
      return true;
    } as Response["write"];
    res.end = function (this: Response, ...args: unknown[]) {
      options.generation
        .bump()
        .catch((error) => options.onError("page cache: could not raise the generation", error))
        .finally(() => {
          res.write = write;
          res.end = end;
          for (const chunk of held) (write as (...a: unknown[]) => boolean).apply(res, chunk);
          (end as (...a: unknown[]) => Response).apply(res, args);
        });
      return this;
    } as Response["end"];
    next();
  }

  return { serve, capture, invalidateOnChange, size: () => store.size };
}
