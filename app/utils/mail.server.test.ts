import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";

/**
 * The transport is chosen once per process from the (cached) environment, so each test loads a
 * fresh copy of the modules after setting SMTP_URL.
 */
async function loadMail(smtpUrl?: string) {
  if (smtpUrl) process.env.SMTP_URL = smtpUrl;
  else delete process.env.SMTP_URL;
  vi.resetModules();
  return import("./mail.server");
}

/** A minimal SMTP sink: greets, accepts any envelope, collects the DATA of each message. */
async function startSmtpSink() {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = net.createServer((socket) => {
    socket.setEncoding("utf8");
    let buffer = "";
    let inData = false;
    let envelope = { from: "", to: [] as string[] };
    socket.write("220 sink.test ESMTP\r\n");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          received.push({ ...envelope, data: buffer.slice(0, end).replace(/^\.\./gm, ".") });
          buffer = buffer.slice(end + 5);
          inData = false;
          envelope = { from: "", to: [] };
          socket.write("250 2.0.0 queued\r\n");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 sink.test\r\n");
        else if (verb === "MAIL") {
          envelope.from = line;
          socket.write("250 2.1.0 ok\r\n");
        } else if (verb === "RCPT") {
          envelope.to.push(line);
          socket.write("250 2.1.5 ok\r\n");
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") {
          socket.end("221 2.0.0 bye\r\n");
        } else if (verb === "RSET" || verb === "NOOP") socket.write("250 ok\r\n");
        else socket.write("502 5.5.2 not implemented\r\n");
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: bind one, then release it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

afterEach(() => {
  delete process.env.SMTP_URL;
});

describe("sendMail without SMTP_URL", () => {
  test("writes a real .eml file to the outbox that readOutbox reads back", async () => {
    const { sendMail, readOutbox } = await loadMail();
    const sent = await sendMail({
      to: "pro@vitrine.test",
      subject: "Nouvelle demande pour « Loft à Lyon »",
      text: "Bonjour Zoé,\n\nUne demande est arrivée : https://vitrine.test/pro/contacts/abc\n\n— Vitrine",
      replyTo: "support@vitrine.test",
    });

    expect(sent.messageId).toMatch(/^<[^<>@]+@[^<>@]+>$/);
    expect(sent.file).toBeDefined();
    const file = sent.file!;
    expect(path.dirname(file)).toBe(path.resolve(process.env.MAIL_OUTBOX_DIR!));
    expect(path.basename(file)).toMatch(/^\d{13}-[0-9a-f]{12}\.eml$/);

    const raw = fs.readFileSync(file, "utf8");
    expect(raw).toMatch(/^To: pro@vitrine\.test\r$/m);
    expect(raw).toMatch(/^Subject: /m);
    expect(raw).toMatch(/^Message-ID: /im);
    // No temp file left behind.
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith("."))).toEqual([]);

    const outbox = await readOutbox();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      file,
      to: "pro@vitrine.test",
      subject: "Nouvelle demande pour « Loft à Lyon »",
      text: "Bonjour Zoé,\n\nUne demande est arrivée : https://vitrine.test/pro/contacts/abc\n\n— Vitrine",
      replyTo: "support@vitrine.test",
    });
    expect(outbox[0].from).toContain("no-reply@vitrine.test");
  });

  test("keeps the text and HTML parts of a multipart message, oldest message first", async () => {
    const { sendMail, readOutbox } = await loadMail();
    const before = (await readOutbox()).length;
    await sendMail({ to: "a@vitrine.test", subject: "Premier", text: "un" });
    await sendMail({
      to: "b@vitrine.test",
      subject: "Plain ASCII subject",
      text: "Texte brut",
      html: "<p>Texte <strong>riche</strong></p>",
    });
    const outbox = (await readOutbox()).slice(before);
    expect(outbox.map((m) => m.subject)).toEqual(["Premier", "Plain ASCII subject"]);
    expect(outbox[1]).toMatchObject({
      to: "b@vitrine.test",
      text: "Texte brut",
      html: "<p>Texte <strong>riche</strong></p>",
    });
  });
});

describe("sendMail with SMTP_URL", () => {
  test("delivers the message to the SMTP server and writes no file", async () => {
    const sink = await startSmtpSink();
    try {
      const outboxDir = process.env.MAIL_OUTBOX_DIR!;
      const filesBefore = fs.existsSync(outboxDir) ? fs.readdirSync(outboxDir).length : 0;
      const { sendMail } = await loadMail(sink.url);
      const sent = await sendMail({ to: "pro@vitrine.test", subject: "Bonjour", text: "Un message livré." });

      expect(sent.file).toBeUndefined();
      expect(sent.messageId).toMatch(/^<.+>$/);
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0].to).toEqual(["RCPT TO:<pro@vitrine.test>"]);
      expect(sink.received[0].data).toMatch(/^Subject: Bonjour\r$/m);
      expect(sink.received[0].data).toContain(Buffer.from("Un message livré.").toString("base64"));
      const filesAfter = fs.existsSync(outboxDir) ? fs.readdirSync(outboxDir).length : 0;
      expect(filesAfter).toBe(filesBefore);
    } finally {
      await sink.close();
    }
  });

  test("rejects when the SMTP server cannot be reached", async () => {
    const port = await closedPort();
    const { sendMail } = await loadMail(`smtp://127.0.0.1:${port}`);
    await expect(sendMail({ to: "pro@vitrine.test", subject: "Perdu", text: "…" })).rejects.toThrow(/ECONNREFUSED/);
  });
});
