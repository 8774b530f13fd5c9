#!/usr/bin/env node
// `npm run dev`: prepares the database like `npm start`, then runs Remix's watcher with the Express
// server, which re-imports the build after each change.
import { execFileSync, spawn } from "node:child_process";

process.env.NODE_ENV = "development";
execFileSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], { stdio: "inherit" });
execFileSync(process.execPath, ["--import", "tsx", "scripts/prepare.ts"], { stdio: "inherit" });
const child = spawn(
  process.execPath,
  ["node_modules/@remix-run/dev/dist/cli.js", "dev", "--manual", "-c", `${process.execPath} --import tsx server.ts`],
  { stdio: "inherit" },
);
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
