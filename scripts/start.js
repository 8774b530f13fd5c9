#!/usr/bin/env node
// `npm start`: build when the sources are newer than the build, prepare the database, then serve.
//
// Signals: package.json runs this file with `exec`, so the SIGTERM a supervisor sends to `npm start`
// reaches this process instead of dying with an intermediate shell; here it is forwarded to whichever
// step is running (build, preparation or the server), and this process exits with the server's own
// exit code once the server has shut down gracefully (0).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

process.env.NODE_ENV ??= "production";

function newestMtime(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** The step running now, and the signal received, if any. */
let current = null;
let stopSignal = null;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    stopSignal ??= signal;
    if (current) current.kill(signal);
    else process.exit(0);
  });
}

/** Runs one step as a child process; resolves with its exit code (a signal's death counts as 1). */
function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: "inherit" });
    current = child;
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function step(args) {
  const code = await run(args);
  // A step interrupted by a stop request is not a failure: nothing was served yet.
  if (stopSignal) process.exit(0);
  if (code !== 0) process.exit(code);
}

const buildFile = path.resolve("build/index.js");
const sources = ["app", "remix.config.js", "package.json"];
const needsBuild = !fs.existsSync(buildFile) || Math.max(...sources.map(newestMtime)) > fs.statSync(buildFile).mtimeMs;
if (needsBuild) {
  console.log("[vitrine] building…");
  await step(["scripts/build.js"]);
}

await step(["--import", "tsx", "scripts/prepare.ts"]);

// WEB_CONCURRENCY > 1: one server process per core behind node:cluster (scripts/cluster.ts).
const entry = Number(process.env.WEB_CONCURRENCY ?? 1) > 1 ? "scripts/cluster.ts" : "server.ts";
process.exit(await run(["--import", "tsx", entry]));
