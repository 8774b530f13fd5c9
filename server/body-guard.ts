/**
 * Request bodies are capped whatever their transfer encoding (docs/decisions/017). A declared
 * Content-Length over the cap is refused before anything is read; every other body, chunked ones
 * included, flows through a counter that stops reading and answers 413 as soon as the cap or the
 * number of multipart parts is passed. Remix reads the body from that counter, never from the socket.
 */
import type { Socket } from "node:net";
import { Transform } from "node:stream";
import type express from "express";

export type BodyLimit = { maxBytes: number; maxParts: number };

export class BodyTooLarge extends Error {}

type Options = {
  limitFor: (pathname: string, contentType: string | undefined) => BodyLimit;
  wantsJson: (request: Request) => boolean;
};

/** The guarded body of a request, for the Remix adapter. */
export function guardedBody(res: express.Response): Transform | undefined {
  return res.locals.guardedBody as Transform | undefined;
}

export function bodyGuard({ limitFor, wantsJson }: Options): express.RequestHandler {
  return (req, res, next) => {
    const declared = req.headers["content-length"];
    const chunked = req.headers["transfer-encoding"] !== undefined;
    if (!chunked && (declared === undefined || Number(declared) === 0)) return next();

    const limit = limitFor(req.path, req.headers["content-type"]);

    const parts = multipartBoundary(req.headers["content-type"]);
    const counter = parts ? new DelimiterCounter(parts) : null;
    let received = 0;
    const body = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.byteLength;
        // A multipart body of k delimiters holds k - 1 parts (the last delimiter closes it).
        if (received > limit.maxBytes) {
          done(new BodyTooLarge(`Request body too large: the limit is ${megabytes(limit.maxBytes)} MB`));
          return;
        }
        if (counter && counter.count(chunk) > limit.maxParts + 1) {
          done(new BodyTooLarge(`Too many parts: a multipart body holds at most ${limit.maxParts}`));
          return;
        }
        done(null, chunk);
      },
    });
    body.on("error", (error) => {
      if (!(error instanceof BodyTooLarge)) return;
      // Stop reading: nothing more of this body enters the process.
      req.unpipe(body);
      req.pause();
      refuseTooLarge(req, res, error.message, wantsJson);
    });
    req.pipe(body);
    res.locals.guardedBody = body;
    if (!chunked && Number(declared) > limit.maxBytes) {
      body.destroy(new BodyTooLarge(`Request body too large: the limit is ${megabytes(limit.maxBytes)} MB`));
      return;
    }
    next();
  };
}

const PAGE = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Envoi trop volumineux — Vitrine</title></head>
<body>
<main>
<h1>Envoi trop volumineux</h1>
<p>Votre envoi dépasse la taille acceptée : 1 Mo pour un formulaire, 10 Mo par fichier et 50 éléments au plus.</p>
<p>Revenez à la page précédente, réduisez la taille de l’envoi et réessayez.</p>
<p><a href="/">Retour à l’accueil</a></p>
</main>
</body>
</html>
`;

/**
 * 413 in the SPEC's JSON shape, or a short page for browsers. The connection closes after the
 * answer: the rest of the body is never read. When an answer has already gone out, the
 * connection is simply cut.
 */
function refuseTooLarge(
  req: express.Request,
  res: express.Response,
  message: string,
  wantsJson: (request: Request) => boolean,
) {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  closeAfterAnswer(req, res);
  const probe = answerProbe(req);
  res.status(413);
  res.setHeader("Cache-Control", "no-store");
  if (wantsJson(probe)) {
    res.type("application/json").send(JSON.stringify({ error: { code: "PAYLOAD_TOO_LARGE", message } }));
  } else {
    res.type("text/html; charset=utf-8").send(PAGE);
  }
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

const LINGER_MS = 10_000;

/**
 * Ends the connection after this answer without reading the rest of the request body. Node would
 * destroy the socket as soon as the answer is written, and closing a socket with unread bytes
 * sends a reset that can make the client lose the answer it has not read yet. So the server
 * half-closes instead (the answer, then end of stream), reads nothing more, and cuts the
 * connection once the client has had time to read it.
 */
export function closeAfterAnswer(req: express.Request, res: express.Response) {
  res.setHeader("Connection", "close");
  req.pause();
  const socket = req.socket as Socket & { destroySoon?: () => void };
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}

/**
 * A bodiless Request carrying what decides the form of an answer (Accept, Content-Type), for the
 * app's `wantsJson` when a refusal is answered before Remix sees the request.
 */
export function answerProbe(req: express.Request) {
  const headers = new Headers();
  for (const name of ["accept", "content-type"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return new Request("http://localhost/", { headers });
}

/** The boundary of a multipart Content-Type, or null. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\//i.test(contentType)) return null;
  for (const parameter of contentType.split(";").slice(1)) {
    const index = parameter.indexOf("=");
    if (index < 0 || parameter.slice(0, index).trim().toLowerCase() !== "boundary") continue;
    let value = parameter.slice(index + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    return value.length > 0 && value.length <= 200 ? value : null;
  }
  return null;
}

/** Counts occurrences of `--boundary` across chunk borders, in time linear in the body. */
export class DelimiterCounter {
  private readonly delimiter: Buffer;
  private carry = Buffer.alloc(0);
  private seen = 0;

  constructor(boundary: string) {
    this.delimiter = Buffer.from(`--${boundary}`, "latin1");
  }

  count(chunk: Buffer): number {
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let from = 0;
    for (;;) {
      const at = data.indexOf(this.delimiter, from);
      if (at < 0) break;
      this.seen += 1;
      from = at + this.delimiter.length;
    }
    // Keep just enough of the tail to find a delimiter split between this chunk and the next.
    const keep = Math.min(this.delimiter.length - 1, data.length - from);
    this.carry = Buffer.from(data.subarray(data.length - keep));
    return this.seen;
  }
}
