import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { makeTempEnv } from "./temp-env";

export type TestServer = {
  baseUrl: string;
  env: Record<string, string>;
  logs: () => string;
  /** The server process's id (for reading its memory figures in /proc). */
  pid: () => number;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  restart: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts the real production server (the built app behind server.ts) on its own database and
 * folders. `seed: "demo"` gives it a copy of the demo data, prepared once per run by the same
 * script as `npm start` (tests/setup/global-setup.ts).
 */
export async function startServer(
  options: {
    seed?: "demo" | "none";
    env?: Record<string, string>;
    /** Another instance of the same deployment: its database, folders and secrets, another port. */
    nextTo?: TestServer;
  } = {},
): Promise<TestServer> {
  if (!fs.existsSync("build/index.js")) throw new Error("Run `npm run build` before the integration tests");
  const port = await freePort();
  const vars = options.nextTo
    ? { ...options.nextTo.env, ...options.env, PORT: String(port) }
    : makeTempEnv(
        { PORT: String(port), SEED: options.seed ?? "none", ...options.env },
        { demo: options.seed === "demo" },
      ).vars;
  const env = { ...process.env, ...vars } as NodeJS.ProcessEnv & Record<string, string>;
  let output = "";
  let child: ChildProcess;
  const baseUrl = `http://localhost:${port}`;

  async function boot() {
    child = spawn(process.execPath, ["--import", "tsx", "server.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    // Generous: a loaded CI machine can take long to start a process.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
      const up = await fetch(`${baseUrl}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`server did not start:\n${output}`);
  }

  async function stop(signal: NodeJS.Signals = "SIGTERM") {
    if (child.exitCode !== null) return child.exitCode;
    return new Promise<number | null>((resolve) => {
      child.once("exit", (code) => resolve(code));
      child.kill(signal);
    });
  }

  await boot();
  return {
    baseUrl,
    env,
    logs: () => output,
    pid: () => child.pid!,
    stop,
    restart: async () => {
      await stop();
      await boot();
    },
  };
}
