import fs from "node:fs";
import path from "node:path";

/**
 * Reads the e2e server's mail outbox (tests/e2e/serve.js writes where it is): the `.eml` files
 * addressed to someone, with their text bodies decoded.
 */
function outboxDir(): string {
  const { mailDir } = JSON.parse(fs.readFileSync(path.resolve(".tmp/e2e-env.json"), "utf8")) as { mailDir: string };
  return mailDir;
}

function decodedText(raw: string): string {
  const source = raw.replace(/\r\n/g, "\n");
  const parts = [...source.matchAll(/Content-Transfer-Encoding: base64\n(?:[^\n]+\n)*\n([A-Za-z0-9+/=\n]+)/g)];
  return parts.map((m) => Buffer.from(m[1].replace(/\s+/g, ""), "base64").toString("utf8")).join("\n");
}

export function mailsTo(address: string): string[] {
  const dir = outboxDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".eml") && !name.startsWith("."))
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name), "utf8"))
    .filter((raw) => new RegExp(`^To: .*${address.replace(/[.+]/g, "\\$&")}`, "im").test(raw))
    .map(decodedText);
}

/** The path and query of the first link to `pathname` in the newest e-mail to `address`. */
export function linkIn(address: string, pathname: string): string | null {
  const mails = mailsTo(address).filter((text) => text.includes(pathname));
  const last = mails[mails.length - 1];
  const match = last ? new RegExp(`https?://\\S+${pathname.replace("?", "\\?")}\\S+`).exec(last) : null;
  if (!match) return null;
  const url = new URL(match[0]);
  return url.pathname + url.search;
}
