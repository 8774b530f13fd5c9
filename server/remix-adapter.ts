/**
 * Express → Remix, as @remix-run/express does, with two differences: the body Remix reads is the
 * guarded one (server/body-guard.ts), and responses carrying personal data are never stored by
 * a browser or a proxy (`Cache-Control: no-store`, docs/decisions/017).
 */
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import type express from "express";
import { BodyTooLarge, closeAfterAnswer, guardedBody } from "./body-guard";

type Options = {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext;
  /** Whether the answer to this request must carry `Cache-Control: no-store`. */
  noStore: (req: express.Request) => boolean;
};

export function remixHandler({ build, mode, getLoadContext, noStore }: Options): express.RequestHandler {
  const handle = createRequestHandler(build, mode);
  return async (req, res, next) => {
    try {
      const request = remixRequest(req, res);
      const response = await handle(request, getLoadContext(req, res));
      if (res.headersSent) {
        // The body guard has already answered 413; what Remix made of the cut body is dropped.
        await response.body?.cancel().catch(() => undefined);
        return;
      }
      // A body the route did not read to its end is not drained: the connection closes instead.
      if (!req.complete) closeAfterAnswer(req, res);
      await sendResponse(res, response, noStore(req));
    } catch (error) {
      if (res.headersSent) return;
      next(error);
    }
  };
}

function remixRequest(req: express.Request, res: express.Response): Request {
  const [, hostPort] = (req.get("x-forwarded-host") ?? req.get("host") ?? "").split(":");
  const port = Number.parseInt(hostPort ?? "", 10);
  const url = new URL(
    `${req.protocol}://${req.hostname}${Number.isSafeInteger(port) ? `:${port}` : ""}${req.originalUrl}`,
  );
  let controller: AbortController | null = new AbortController();
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method,
    headers: remixHeaders(req.headers),
    signal: controller.signal,
  };
  const body = guardedBody(res);
  if (body) {
    // A body cut at its cap aborts the request: routes stop, and nothing is logged as our failure.
    body.once("error", (error) => {
      if (error instanceof BodyTooLarge) controller?.abort();
    });
    if (req.method !== "GET" && req.method !== "HEAD") {
      init.body = createReadableStreamFromReadable(body);
      init.duplex = "half";
    } else {
      body.resume();
    }
  }
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, init);
}

function remixHeaders(incoming: express.Request["headers"]) {
  const headers = new Headers();
  for (const [key, values] of Object.entries(incoming)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value);
  }
  return headers;
}

async function sendResponse(res: express.Response, response: Response, noStore: boolean) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) {
    if (noStore && key === "cache-control") continue;
    // A route's own header replaces the server's default (a document's stricter CSP, say).
    if (key === "set-cookie") res.append(key, value);
    else res.setHeader(key, value);
  }
  if (noStore) res.setHeader("Cache-Control", "no-store");
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
