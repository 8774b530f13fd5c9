#!/usr/bin/env node
/**
 * `npm run db:migration -- <name> [--from <git-ref>]`: after a change to prisma/schema.prisma,
 * regenerates the PostgreSQL schema and writes one migration per provider — each the difference
 * between that provider's schema at <git-ref> (default HEAD) and now — then regenerates both
 * Prisma clients. See prisma/README.md.
 *
 * Prisma's diff goes through the driver adapter, so the PostgreSQL diff needs a server: the one
 * in TEST_DATABASE_URL, or a throw-away cluster started for the occasion.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PROVIDERS, writeDerivedSchema } from "./db-schema.js";
import { startThrowawayPostgres } from "./throwaway-postgres.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const args = process.argv.slice(2);
const fromIndex = args.indexOf("--from");
const from = fromIndex >= 0 ? args[fromIndex + 1] : "HEAD";
const name = args.find((arg, i) => !arg.startsWith("--") && (fromIndex < 0 || i !== fromIndex + 1));
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case> [--from <git-ref>]");
  process.exit(1);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folderName = `${stamp}_${name}`;
const prisma = (argv, env) =>
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", ...argv], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });

writeDerivedSchema();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-migration-"));
let postgres;
try {
  const serverUrl = process.env.TEST_DATABASE_URL ?? (postgres = await startThrowawayPostgres()).url;
  const urls = { sqlite: `file:${path.join(work, "diff.db")}`, postgresql: serverUrl };
  const written = [];
  for (const [provider, where] of Object.entries(PROVIDERS)) {
    const previous = path.join(work, `${provider}.prisma`);
    let fromArgs;
    try {
      fs.writeFileSync(previous, execFileSync("git", ["show", `${from}:${where.schema}`], { stdio: "pipe" }));
      fromArgs = ["--from-schema-datamodel", previous];
    } catch {
      if (fs.readdirSync(where.migrations).some((entry) => /^\d{14}_/.test(entry))) {
        throw new Error(`${where.schema} does not exist at ${from}: pass --from <a commit that has it>`);
      }
      fromArgs = ["--from-empty"];
    }
    const target = path.join(where.migrations, folderName, "migration.sql");
    const script = path.join(work, `${provider}.sql`);
    prisma(["migrate", "diff", ...fromArgs, "--to-schema-datamodel", where.schema, "--script", "-o", script], {
      DATABASE_URL: urls[provider],
    });
    const sql = fs.readFileSync(script, "utf8");
    const statements = sql.split("\n").filter((line) => line.trim() && !line.trim().startsWith("--"));
    if (statements.length === 0) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, sql);
    written.push(target);
  }
  if (written.length === 0) {
    console.log(`No difference between ${from} and the working tree's prisma/schema.prisma: nothing written.`);
  } else {
    console.log(`Wrote:\n${written.map((file) => `  ${file}`).join("\n")}`);
    console.log(
      "Add by hand to EACH file what Prisma cannot express (CHECK constraints, partial indexes), then review both.",
    );
  }
  for (const where of Object.values(PROVIDERS)) prisma(["generate", "--schema", where.schema], {});
  console.log("Both Prisma clients regenerated.");
} finally {
  postgres?.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
