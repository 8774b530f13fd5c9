/**
 * A throw-away PostgreSQL cluster for tests, the bench and schema diffs: installs Debian's
 * `postgresql` with apt when its binaries are absent, creates a cluster in a temporary folder
 * owned by the `postgres` user (initdb refuses to run as root), starts it on a free loopback port
 * and removes everything on `stop()`.
 *
 *   const pg = await startThrowawayPostgres();   // { url, stop }
 */
import { execFileSync, execSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export function ensurePostgresInstalled() {
  if (fs.existsSync(path.join(BIN, "initdb"))) return;
  console.log("[postgres] PostgreSQL not found: installing Debian's postgresql package…");
  const sudo = process.getuid?.() === 0 ? "" : "sudo ";
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql`, {
    stdio: "inherit",
  });
}

export async function startThrowawayPostgres({ quiet = false } = {}) {
  ensurePostgresInstalled();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-pg-"));
  const data = path.join(dir, "data");
  // As root the cluster belongs to `postgres`; otherwise to the current user.
  const run = (cmd, args) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(BIN, cmd), ...args], { stdio: "pipe" })
      : execFileSync(path.join(BIN, cmd), args, { stdio: "pipe" });
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  fs.chmodSync(dir, 0o755);
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const port = await freePort();
  // Tests throw the cluster away: durability settings buy nothing and cost seconds.
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=300",
    "-c shared_buffers=128MB",
  ].join(" ");
  run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "start"]);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  if (!quiet) console.log(`[postgres] throw-away cluster on port ${port}`);
  let stopped = false;
  return {
    url,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** `postgresql://…/postgres` with another database name. */
export function databaseUrl(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
