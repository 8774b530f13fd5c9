import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Migrates one template database; every test file then works on its own copy of it. */
export default function setup() {
  // A folder per run, so two runs in one checkout never share or delete each other's template.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-template-"));
  const template = path.join(dir, "template.db");
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: "pipe",
  });
  process.env.VITRINE_TEMPLATE_DB = template;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
