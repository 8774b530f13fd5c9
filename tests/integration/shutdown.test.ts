/**
 * Graceful shutdown through the same path a supervisor uses: `npm start` receives SIGTERM, the
 * signal reaches the server through every layer, the upload in progress completes, and everything
 * exits with code 0 — no server left running without a parent.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { Client } from "../helpers/client";
import { freePort } from "../helpers/server";
import { makeTempEnv } from "../helpers/temp-env";

let npm: ChildProcess | undefined;
afterAll(() => {
  if (npm && npm.exitCode === null) npm.kill("SIGKILL");
});

/** Every descendant of `pid`, from /proc (children of each thread). */
function descendants(pid: number): number[] {
  let direct: number[] = [];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const text = fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (text) direct = direct.concat(text.split(/\s+/).map(Number));
    }
  } catch {
    return [];
  }
  return direct.flatMap((child) => [child, ...descendants(child)]);
}

function commandLine(pid: number) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until<T>(what: string, probe: () => Promise<T | false> | T | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const reachable = (url: string) =>
  fetch(url).then(
    () => true,
    () => false,
  );

describe("SIGTERM sent to npm start", () => {
  it("reaches the server, lets the upload in progress complete, and exits 0", { timeout: 90_000 }, async () => {
    const port = await freePort();
    const { vars } = makeTempEnv({ PORT: String(port), SEED: "none", LOG_LEVEL: "info" });
    const baseUrl = `http://localhost:${port}`;
    let output = "";
    npm = spawn("npm", ["start", "--silent"], {
      env: { ...process.env, ...vars, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    npm.stdout!.on("data", (d) => (output += d));
    npm.stderr!.on("data", (d) => (output += d));
    // "close", not "exit": it comes once the output pipes are drained, so the last lines are in `output`.
    const exited = new Promise<number | null>((resolve) => npm!.once("close", (code) => resolve(code)));
    await until("the server to answer", () => reachable(`${baseUrl}/healthz`));
    const serverPid = descendants(npm.pid!).find((pid) => commandLine(pid).includes("server.ts"));
    expect(serverPid, output).toBeDefined();

    // A new pro, whose identity document is the upload cut in half by the signal.
    const pro = new Client(baseUrl);
    const registered = await pro.form("/register", {
      companyName: "Agence du Port",
      name: "Camille Martin",
      email: `shutdown-${Date.now()}@example.fr`,
      password: "un-mot-de-passe-solide",
      kind: "agency",
    });
    expect(registered.status).toBe(302);
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    const boundary = "----vitrine-shutdown";
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="cni.png"\r\n` +
          "Content-Type: image/png\r\n\r\n",
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const half = Math.floor(body.length / 2);

    const response = new Promise<{ status: number; location?: string }>((resolve, reject) => {
      const request = http.request(`${baseUrl}/pro/identity`, {
        method: "POST",
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": String(body.length),
          cookie: [...pro.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
          origin: baseUrl,
          // The server's "100 Continue" proves it has received the request before the signal.
          expect: "100-continue",
        },
      });
      request.on("error", reject);
      request.on("response", (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
      });
      request.on("continue", async () => {
        request.write(body.subarray(0, half));
        npm!.kill("SIGTERM");
        // Once the server refuses new connections, it is shutting down with our upload half sent.
        await until("the server to stop accepting connections", async () => !(await reachable(`${baseUrl}/healthz`)));
        request.end(body.subarray(half));
      });
    });

    expect(await response).toEqual({ status: 302, location: "/pro/identity?sent=1" });
    expect(await exited).toBe(0);
    await until("the server process to be gone", () => !isAlive(serverPid!));
    expect(output).toContain('"msg":"stopped"');

    // The upload was stored whole.
    const db = new Database(vars.DATABASE_URL.replace(/^file:/, ""), { readonly: true });
    const row = db.prepare("SELECT identityStatus, identityDocPath FROM Pro").get() as {
      identityStatus: string;
      identityDocPath: string;
    };
    db.close();
    expect(row.identityStatus).toBe("pending");
    expect(fs.readFileSync(path.join(vars.PRIVATE_DIR, row.identityDocPath))).toEqual(png);
  });
});

describe("SIGTERM sent to npm start with WEB_CONCURRENCY=2", () => {
  it("stops the primary and every server process, and exits 0", { timeout: 90_000 }, async () => {
    const port = await freePort();
    const { vars } = makeTempEnv({ PORT: String(port), SEED: "none", LOG_LEVEL: "info", WEB_CONCURRENCY: "2" });
    const baseUrl = `http://localhost:${port}`;
    let output = "";
    npm = spawn("npm", ["start", "--silent"], {
      env: { ...process.env, ...vars, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    npm.stdout!.on("data", (d) => (output += d));
    npm.stderr!.on("data", (d) => (output += d));
    // "close", not "exit": it comes once the output pipes are drained, so the last lines are in `output`.
    const exited = new Promise<number | null>((resolve) => npm!.once("close", (code) => resolve(code)));

    // Both server processes are up: the primary (scripts/cluster.ts) and its two workers (server.ts).
    const servers = await until("two server processes", () => {
      const pids = descendants(npm!.pid!).filter((pid) => /\bserver\.ts\b/.test(commandLine(pid)));
      return pids.length === 2 && pids;
    });
    const primary = descendants(npm.pid!).find((pid) => commandLine(pid).includes("scripts/cluster.ts"));
    expect(primary, output).toBeDefined();
    // Both have finished starting (a process stopped during its start-up just exits: it serves nothing yet).
    await until("both server processes to listen", () => (output.match(/"msg":"listening"/g) ?? []).length === 2);
    await until("the servers to answer", () => reachable(`${baseUrl}/healthz`));
    // Several connections at once are served (one port, two processes).
    const statuses = await Promise.all(Array.from({ length: 8 }, () => fetch(`${baseUrl}/`).then((r) => r.status)));
    expect(statuses).toEqual(Array(8).fill(200));
    const everything = [primary!, ...servers, ...descendants(npm.pid!)];

    npm.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of everything) await until(`process ${pid} (${commandLine(pid)}) to be gone`, () => !isAlive(pid));
    expect(output.match(/"msg":"stopped"/g) ?? [], output).toHaveLength(2);
    expect(await reachable(`${baseUrl}/healthz`)).toBe(false);
  });
});
