import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "./env.server";

/**
 * Outgoing mail. With `SMTP_URL` set, messages go to that SMTP server; without it (development,
 * tests, a fresh clone) each message is written as a real `.eml` file into `MAIL_OUTBOX_DIR`, which
 * any mail client opens and `readOutbox()` reads back.
 *
 * Callers send from a job (see `app/domain/jobs`), so a failure here is retried with backoff instead
 * of failing the request that caused it.
 */

export type MailInput = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /**
   * A stable Message-ID (`<…@…>`) for a message that may be sent again after a crash. In the outbox
   * it names the file, so sending it twice writes it once; SMTP receivers recognise the repeat.
   */
  messageId?: string;
};

export type SentMail = { messageId: string; file?: string };

type Transport =
  | { kind: "smtp"; mailer: ReturnType<typeof nodemailer.createTransport> }
  | { kind: "outbox"; mailer: ReturnType<typeof nodemailer.createTransport>; dir: string };

let transport: Transport | undefined;

/** Created on first use, once per process: the environment does not change while it runs. */
function getTransport(): Transport {
  if (transport) return transport;
  const config = env();
  if (config.SMTP_URL) {
    transport = {
      kind: "smtp",
      mailer: nodemailer.createTransport({
        url: config.SMTP_URL,
        // Fail within seconds rather than minutes: the job retries later anyway.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }),
    };
  } else {
    transport = {
      kind: "outbox",
      // The stream transport composes the exact bytes an SMTP server would receive.
      mailer: nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" }),
      dir: path.resolve(config.MAIL_OUTBOX_DIR),
    };
  }
  return transport;
}

export async function sendMail(input: MailInput): Promise<SentMail> {
  const current = getTransport();
  const message = {
    from: env().MAIL_FROM,
    to: input.to,
    subject: input.subject,
    text: input.text,
    ...(input.html !== undefined ? { html: input.html } : {}),
    ...(input.replyTo !== undefined ? { replyTo: input.replyTo } : {}),
    ...(input.messageId !== undefined ? { messageId: input.messageId } : {}),
    // Base64 bodies keep accents intact and make the outbox trivial to read back.
    textEncoding: "base64" as const,
  };
  const info = await current.mailer.sendMail(message);
  if (current.kind === "smtp") return { messageId: info.messageId };

  const raw = (info as { message?: unknown }).message;
  if (!Buffer.isBuffer(raw)) throw new Error("stream transport returned no message buffer");
  const name = input.messageId
    ? `${input.messageId.replace(/[^\w.@-]/g, "_")}.eml`
    : `${Date.now()}-${randomBytes(6).toString("hex")}.eml`;
  const file = await writeOnce(current.dir, name, raw);
  return { messageId: info.messageId, file };
}

/**
 * Temp name then link: a reader never sees half a message, a crash never leaves one, and a message
 * whose file already exists (the same Message-ID sent again) is not written a second time.
 */
async function writeOnce(dir: string, name: string, bytes: Buffer): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  const temp = path.join(dir, `.${name}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    // Messages hold e-mail addresses: readable by the app's user only.
    await fs.writeFile(temp, bytes, { mode: 0o600 });
    await fs.link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await fs.rm(temp, { force: true });
  }
  return file;
}

// ---- Reading the outbox back (tests and development).

export type OutboxMail = {
  file: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  messageId: string;
};

/**
 * The `.eml` files in `MAIL_OUTBOX_DIR`, oldest first, parsed just enough for tests and development:
 * headers (with RFC 2047 encoded words), and the text and HTML parts (base64, quoted-printable or
 * plain). Not a general MIME parser.
 */
export async function readOutbox(): Promise<OutboxMail[]> {
  return readOutboxDir(env().MAIL_OUTBOX_DIR);
}

/** `readOutbox` for any folder (tests read the outbox of the server they started). */
export async function readOutboxDir(outboxDir: string): Promise<OutboxMail[]> {
  const dir = path.resolve(outboxDir);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const files = await Promise.all(
    names
      .filter((n) => n.endsWith(".eml") && !n.startsWith("."))
      .map(async (name) => ({ name, written: (await fs.stat(path.join(dir, name))).mtimeMs })),
  );
  // Oldest first: by the time each file was written, then by name.
  files.sort((a, b) => a.written - b.written || a.name.localeCompare(b.name));
  const mails: OutboxMail[] = [];
  for (const { name } of files) {
    const file = path.join(dir, name);
    mails.push({ file, ...parseEml(await fs.readFile(file, "utf8")) });
  }
  return mails;
}

type Part = { headers: Map<string, string>; body: string };

function splitPart(source: string): Part {
  const at = source.indexOf("\n\n");
  const head = at === -1 ? source : source.slice(0, at);
  const body = at === -1 ? "" : source.slice(at + 2);
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace.
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  let text: string;
  if (encoding === "base64") text = Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  else if (encoding === "quoted-printable") text = decodeQuotedPrintable(part.body);
  else text = part.body;
  return text.replace(/\r\n/g, "\n").replace(/\n$/, "");
}

function decodeQuotedPrintable(body: string): string {
  const soft = body.replace(/=\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === "=" ? soft.slice(i + 1, i + 3) : "";
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BQ]\?[^?]*\?=)\s+(?==\?)/gi, "$1")
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_m, _charset: string, kind: string, data: string) => {
      if (kind.toUpperCase() === "B") return Buffer.from(data, "base64").toString("utf8");
      return decodeQuotedPrintable(data.replace(/_/g, " "));
    });
}

function boundaryOf(contentType: string): string | undefined {
  return /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
}

/** Depth-first text/plain and text/html parts of a (possibly multipart) entity. */
function collectTextParts(part: Part, out: { text?: string; html?: string }) {
  const contentType = part.headers.get("content-type") ?? "text/plain";
  const boundary = /^multipart\//i.test(contentType) ? boundaryOf(contentType) : undefined;
  if (boundary) {
    const sections = part.body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith("--")) break;
      collectTextParts(splitPart(section.replace(/^\n/, "")), out);
    }
    return;
  }
  if (/^text\/html/i.test(contentType)) out.html ??= decodeBody(part);
  else if (/^text\/plain/i.test(contentType)) out.text ??= decodeBody(part);
}

function parseEml(source: string): Omit<OutboxMail, "file"> {
  const message = splitPart(source.replace(/\r\n/g, "\n"));
  const parts: { text?: string; html?: string } = {};
  collectTextParts(message, parts);
  const header = (name: string) => decodeWords(message.headers.get(name) ?? "");
  const replyTo = message.headers.get("reply-to");
  return {
    from: header("from"),
    to: header("to"),
    subject: header("subject"),
    text: parts.text ?? "",
    ...(parts.html !== undefined ? { html: parts.html } : {}),
    ...(replyTo !== undefined ? { replyTo: decodeWords(replyTo) } : {}),
    messageId: message.headers.get("message-id") ?? "",
  };
}
