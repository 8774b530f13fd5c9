#!/usr/bin/env node
// `npm start`: build when the sources are newer than the build, prepare the database, then serve.
import { execFileSync, spawn } from "node:child_process";
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

const buildFile = path.resolve("build/index.js");
const sources = ["app", "remix.config.js", "package.json"];
const needsBuild = !fs.existsSync(buildFile) || Math.max(...sources.map(newestMtime)) > fs.statSync(buildFile).mtimeMs;
if (needsBuild) {
  console.log("[vitrine] building…");
  execFileSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], { stdio: "inherit" });
}

execFileSync(process.execPath, ["--import", "tsx", "scripts/prepare.ts"], { stdio: "inherit" });

// WEB_CONCURRENCY > 1: one server process per core behind node:cluster (scripts/cluster.ts).
const entry = Number(process.env.WEB_CONCURRENCY ?? 1) > 1 ? "scripts/cluster.ts" : "server.ts";
const server = spawn(process.execPath, ["--import", "tsx", entry], { stdio: "inherit" });
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
