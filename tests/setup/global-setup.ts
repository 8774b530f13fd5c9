import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Migrates one template database; every test file then works on its own copy of it. */
export default function setup() {
  const dir = path.resolve(".tmp");
  fs.mkdirSync(dir, { recursive: true });
  const template = path.join(dir, "template.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(template + suffix, { force: true });
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: "pipe",
  });
  process.env.VITRINE_TEMPLATE_DB = template;
}
