/**
 * Vitrine's production server (docs/decisions/003): Express in front of Remix so loaders learn the
 * client address, with security headers, static files, uploads, request logs without personal data,
 * the job worker's lifecycle and a graceful shutdown.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import expressStaticGzip from "express-static-gzip";
import { answerProbe, bodyGuard, type BodyLimit } from "./server/body-guard";
import { originCheck } from "./server/origin-check";
import { createPageCache } from "./server/page-cache";
import { remixHandler } from "./server/remix-adapter";

installGlobals({ nativeFetch: true });

const BUILD_PATH = path.resolve("build/index.js");
/** How long in-flight requests may take to finish after SIGTERM, then how long the running job may. */
const SHUTDOWN_GRACE_MS = 15_000;

type AppBuild = ServerBuild & {
  entry: {
    module: ServerBuild["entry"]["module"] & {
      startBackgroundWork: () => Promise<void>;
      readPublicPageGeneration: () => Promise<number>;
      bumpPublicPageGeneration: () => Promise<void>;
      stopBackgroundWork: () => Promise<void>;
      loadEnv: () => {
        PORT: number;
        TRUST_PROXY: number;
        APP_URL: string;
        UPLOADS_DIR: string;
        NODE_ENV: string;
        LOG_LEVEL: string;
      };
      log: {
        info: (m: string, f?: object) => void;
        warn: (m: string, f?: object) => void;
        error: (m: string, f?: object) => void;
      };
      bodyLimitFor: (pathname: string, contentType: string | undefined) => BodyLimit;
      wantsJson: (request: Request) => boolean;
    };
  };
};

async function importBuild(): Promise<AppBuild> {
  const stamp = fs.statSync(BUILD_PATH).mtimeMs;
  return (await import(`${pathToFileURL(BUILD_PATH).href}?t=${stamp}`)) as AppBuild;
}

let build = await importBuild();
const { loadEnv, log, bodyLimitFor, wantsJson } = build.entry.module;

let config: ReturnType<typeof loadEnv>;
try {
  config = loadEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const isDev = config.NODE_ENV === "development";
let stopping = false;

const app = express();
app.disable("x-powered-by");
// TRUST_PROXY=N: the client is the N-th address from the right of X-Forwarded-For (Express's
// numeric "trust proxy"); whatever a client writes further left is ignored. Unset: the socket.
app.set("trust proxy", config.TRUST_PROXY > 0 ? config.TRUST_PROXY : false);
const hsts = new URL(config.APP_URL).protocol === "https:";

// ---- Security headers with a per-response CSP nonce.
app.use((req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      `connect-src 'self'${isDev ? " ws:" : ""}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  // Behind a TLS-terminating proxy the socket is plain HTTP: APP_URL says what the public sees.
  if (hsts) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
});

// ---- A response sent before its request body was read whole (a refused upload, a full disk) closes
// the connection: the rest of the body is never read, and the client is not left waiting to send it.
app.use((req, res, next) => {
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
    const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
    if (hasBody && !req.complete && !res.headersSent) res.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
});

// ---- An address holding a NUL character (%00) is refused: no page or search has a use for it, and
// PostgreSQL cannot compare or store text containing one.
app.use((req, res, next) => {
  if (!/%00/.test(req.originalUrl)) return next();
  res.status(400).setHeader("Cache-Control", "no-store");
  const message = "The address holds a NUL character (%00)";
  if (wantsJson(answerProbe(req))) {
    res.type("application/json").send(JSON.stringify({ error: { code: "VALIDATION_ERROR", message } }));
  } else {
    res.type("text/plain").send("Adresse invalide : elle contient un caractère nul (%00).");
  }
});

// ---- Request log: method, path (no query string: it may hold an e-mail), status, duration.
app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    if (config.LOG_LEVEL !== "info") return;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    log.info("request", { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) });
  });
  next();
});

// ---- Anonymous visitors' pages from the shared page cache (docs/decisions/043): hits are answered
// before compression (they are stored compressed), misses are captured after it.
const pageCache = createPageCache({
  generation: {
    read: () => build.entry.module.readPublicPageGeneration(),
    bump: () => build.entry.module.bumpPublicPageGeneration(),
  },
  buildVersion: build.assets.version,
  onError: (message, error) => log.error(message, { error: error instanceof Error ? error.message : String(error) }),
});
if (!isDev) app.use(pageCache.serve);
app.use(compression());
if (!isDev) app.use(pageCache.capture);

// ---- Bodies are counted as they arrive and cut at their cap, chunked ones included (docs/decisions/017).
app.use(bodyGuard({ limitFor: bodyLimitFor, wantsJson }));

// ---- Every unsafe method from another origin is refused, session cookie or not (docs/decisions/004).
app.use(originCheck({ sessionCookie: "vitrine_session" }));

// ---- Every change through /pro or /admin invalidates the cached public pages, on every instance.
if (!isDev) app.use(pageCache.invalidateOnChange);

// ---- Liveness for load balancers and the test harness.
app.get("/healthz", (_req, res) => {
  res.type("text/plain").send(stopping ? "stopping" : "ok");
});

// ---- Static files: fingerprinted build assets forever, sent as compressed at build time when the
// client accepts it (docs/decisions/050); the rest of public/ for an hour.
app.use(
  "/build",
  expressStaticGzip("public/build", {
    enableBrotli: true,
    orderPreference: ["br", "gzip"],
    index: false,
    serveStatic: { immutable: true, maxAge: "1y", index: false },
  }),
);
// Only a request naming one of public/'s own entries goes to the file system: for any other path,
// serve-static's failed stat, and the error it builds for it, were 13 % of the process serving the
// inbox's JSON (docs/performance.md, "Hot reads").
const servePublic = express.static("public", { maxAge: "1h", index: false, dotfiles: "deny" });
const publicEntries = new Set(fs.readdirSync("public").filter((name) => name !== "build"));
app.use((req, res, next) => (publicEntries.has(req.path.split("/")[1]) ? servePublic(req, res, next) : next()));

// ---- Uploaded photos: only files inside UPLOADS_DIR, by their real path, never a symlink out.
const uploadsRoot = path.resolve(config.UPLOADS_DIR);
const UPLOAD_TYPES: Record<string, string> = { ".webp": "image/webp", ".jpg": "image/jpeg", ".png": "image/png" };
app.get("/uploads/*", async (req, res) => {
  const notFound = () => res.status(404).type("text/plain").send("Not found");
  const raw = req.path.slice("/uploads/".length);
  if (/%2f|%5c|%00/i.test(req.originalUrl) || raw.includes("\\")) return notFound();
  let relative: string;
  try {
    relative = decodeURIComponent(raw);
  } catch {
    return notFound();
  }
  if (relative.split("/").some((part) => part === ".." || part === "." || part === "" || part.startsWith("."))) {
    return notFound();
  }
  const type = UPLOAD_TYPES[path.extname(relative).toLowerCase()];
  if (!type) return notFound();
  try {
    const root = await fs.promises.realpath(uploadsRoot);
    const real = await fs.promises.realpath(path.join(root, relative));
    if (!real.startsWith(root + path.sep)) return notFound();
    const stat = await fs.promises.stat(real);
    if (!stat.isFile()) return notFound();
    res.setHeader("Content-Type", type);
    res.setHeader("Content-Length", String(stat.size));
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    if (req.method === "HEAD") return res.end();
    fs.createReadStream(real)
      .on("error", () => res.destroy())
      .pipe(res);
  } catch {
    notFound();
  }
});

// ---- Everything else is Remix. Pro and admin answers, and those showing a buyer's details or
// answering a mutation, are never stored by browsers or proxies.
const PERSONAL_PATHS = /^\/(?:pro|admin|confirmation)(?:\/|$)/;

app.all(
  "*",
  remixHandler({
    build: isDev ? async () => (build = await importBuild()) : build,
    mode: config.NODE_ENV,
    getLoadContext: (req, res) => ({ clientIp: req.ip ?? "unknown", cspNonce: res.locals.cspNonce }),
    noStore: (req) => !["GET", "HEAD"].includes(req.method) || PERSONAL_PATHS.test(req.path),
  }),
);

// Leftovers of a crash are settled, and the job worker started, before the first request.
await build.entry.module.startBackgroundWork();
const server = app.listen(config.PORT, () => {
  log.info("listening", { url: `http://localhost:${config.PORT}` });
  if (isDev) broadcastDevReady(build);
});
server.keepAliveTimeout = 65_000;

/**
 * SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (an upload in progress
 * completes), then stop the job worker after its current job, and exit 0. Requests still running
 * after the grace period have their connections closed; the running job gets its own grace period
 * (jobs are idempotent: one cut short is retried once its lock expires). Either way this is an
 * orderly stop, not a crash: the exit code is 0.
 */
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal });
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections go as soon as they are idle: now, and as each in-flight request ends.
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  const grace = setTimeout(() => {
    log.warn("shutdown: grace period over, closing the connections still open", { graceMs: SHUTDOWN_GRACE_MS });
    server.closeAllConnections();
  }, SHUTDOWN_GRACE_MS);
  await closed;
  clearInterval(idleSweep);
  clearTimeout(grace);

  let workerGrace: NodeJS.Timeout | undefined;
  const workerStopped = await Promise.race([
    build.entry.module.stopBackgroundWork().then(
      () => true,
      (error: unknown) => {
        log.error("shutdown: the job worker failed to stop", { error: String(error) });
        return true;
      },
    ),
    new Promise<false>((resolve) => (workerGrace = setTimeout(() => resolve(false), SHUTDOWN_GRACE_MS))),
  ]);
  clearTimeout(workerGrace);
  if (!workerStopped) log.warn("shutdown: the running job did not finish in time; it will be retried");
  log.info("stopped", { signal });
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
