import { PassThrough } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { errorBody, wantsJson } from "~/utils/http.server";
import { NonceProvider } from "~/utils/nonce";
import { ErrorIdProvider } from "~/components/ui/error-id";
import { isDatabaseBusy } from "~/utils/db.server";
import {
  BUSY_RETRY_AFTER_SECONDS,
  databaseBusyError,
  internalErrorBody,
  reportedErrorId,
  reportError,
} from "~/utils/errors.server";
import { log } from "~/utils/logger.server";

export { startBackgroundWork, stopBackgroundWork } from "~/utils/background.server";
export { bumpPublicPageGeneration, readPublicPageGeneration } from "~/utils/page-generation.server";

const ABORT_DELAY = 5_000;

/** `databaseBusy` is set by handleError: in production Remix hands handleRequest sanitised errors. */
type Context = AppLoadContext & { cspNonce?: string; databaseBusy?: boolean };

/**
 * Remix calls this for every error a loader or action throws; we log it once, with its cause, under
 * an id kept on the load context: the 500 answered later quotes that id (see jsonResponse). A
 * database that stayed busy is load, not a bug: flagged on the context for a 503, logged without a
 * stack.
 */
export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) || error instanceof Response) return;
  if (isDatabaseBusy(error)) {
    if (context) (context as Context).databaseBusy = true;
    log.warn("database busy", { method: request.method, path: new URL(request.url).pathname });
    return;
  }
  reportError(error, request, context);
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: Context,
) {
  forwardLeafHeaders(request, responseHeaders, remixContext);
  const errors = Object.values(remixContext.staticHandlerContext.errors ?? {});
  if (loadContext?.databaseBusy || errors.some(isDatabaseBusy)) {
    loadContext.databaseBusy = true;
    responseStatusCode = 503;
    responseHeaders.set("Retry-After", BUSY_RETRY_AFTER_SECONDS);
  }
  if (wantsJson(request)) {
    return jsonResponse(request, responseStatusCode, responseHeaders, remixContext, loadContext);
  }
  const nonce = loadContext?.cspNonce ?? "";
  const callback = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <ErrorIdProvider value={reportedErrorId(loadContext) ?? null}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </ErrorIdProvider>
      </NonceProvider>,
      {
        nonce,
        [callback]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) log.error("render error", { error: String(error) });
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * A route without a `headers` export still gets its own action's or loader's headers on the
 * document response (Retry-After on a 429, Set-Cookie, …).
 */
function forwardLeafHeaders(request: Request, responseHeaders: Headers, remixContext: EntryContext) {
  const context = remixContext.staticHandlerContext;
  const leafId = context.matches[context.matches.length - 1]?.route.id;
  if (!leafId || (remixContext.routeModules[leafId] as { headers?: unknown } | undefined)?.headers) return;
  const isMutation = request.method !== "GET" && request.method !== "HEAD";
  const own = (isMutation ? context.actionHeaders?.[leafId] : undefined) ?? context.loaderHeaders?.[leafId];
  if (!own) return;
  own.forEach((value, key) => {
    if (key === "content-type" || key === "content-length") return;
    if (key === "set-cookie") {
      for (const cookie of own.getSetCookie()) responseHeaders.append("Set-Cookie", cookie);
    } else if (!responseHeaders.has(key)) {
      responseHeaders.set(key, value);
    }
  });
}

/**
 * The JSON face of a page route (docs/decisions/002): the deepest route's action data (for a
 * mutation) or loader data, or the error it threw, with the status Remix computed.
 */
function jsonResponse(
  request: Request,
  status: number,
  headers: Headers,
  remixContext: EntryContext,
  loadContext: Context,
) {
  const context = remixContext.staticHandlerContext;
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.delete("Content-Length");

  // A 204 mutation (DELETE) has answered, even if a loader revalidated afterwards and threw.
  if (status === 204) return new Response(null, { status, headers });

  if (context.errors) {
    // A refusal thrown with a Retry-After (429) keeps it: Remix only hands its headers to the
    // boundary route's `headers`, and the leaf that threw it may sit below that boundary.
    for (const thrown of [
      ...Object.values(context.actionHeaders ?? {}),
      ...Object.values(context.loaderHeaders ?? {}),
    ]) {
      const retry = thrown.get("Retry-After");
      if (retry && !headers.has("Retry-After")) headers.set("Retry-After", retry);
    }
    const error = Object.values(context.errors)[0];
    if (isRouteErrorResponse(error)) {
      const body =
        error.data && typeof error.data === "object" && "error" in error.data
          ? error.data
          : errorBody(
              error.status === 404 ? "NOT_FOUND" : error.status === 405 ? "METHOD_NOT_ALLOWED" : "INTERNAL",
              error.status === 404 ? "Not found" : error.statusText || "Error",
            );
      return new Response(JSON.stringify(body), { status: error.status, headers });
    }
    if (loadContext?.databaseBusy) {
      const busy = databaseBusyError();
      return new Response(JSON.stringify(errorBody(busy.code, busy.message)), { status: 503, headers });
    }
    // In production Remix hands us a sanitised stand-in ("Unexpected Server Error"); the real error
    // was logged by handleError, whose id is on the load context.
    const errorId = reportedErrorId(loadContext) ?? reportError(error, request, loadContext);
    return new Response(JSON.stringify(internalErrorBody(errorId)), { status: 500, headers });
  }

  const leaf = context.matches[context.matches.length - 1];
  const leafId = leaf?.route.id;
  const isMutation = request.method !== "GET" && request.method !== "HEAD";
  const data =
    isMutation && context.actionData && leafId && leafId in context.actionData
      ? context.actionData[leafId]
      : leafId
        ? context.loaderData[leafId]
        : null;
  return new Response(JSON.stringify(data ?? null), { status, headers });
}

/** Used by server.ts before it listens: a malformed setting stops the start with a clear message. */
export { env as loadEnv } from "~/utils/env.server";
/** Used by server.ts to cap request bodies before Remix reads them, and to answer in the right format. */
export { bodyLimitFor } from "~/utils/body-limits.server";
export { wantsJson } from "~/utils/http.server";
export { log } from "~/utils/logger.server";
