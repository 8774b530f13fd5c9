/**
 * Start-up preparation, run by `npm start` before the server: validates the environment, applies
 * pending migrations with `prisma migrate deploy`, and seeds the demo data into an empty database —
 * both once per database, under a lock, however many instances start together (startup-lock.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { providerOf } from "../app/utils/db-provider";
import { env, EnvError, parseEnv } from "../app/utils/env.server";
import { prepareDatabaseOnce } from "./startup-lock";

try {
  parseEnv(process.env);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const config = env();
if (providerOf(config.DATABASE_URL) === "sqlite") {
  const dbFile = config.DATABASE_URL.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
}
for (const dir of [config.UPLOADS_DIR, config.PRIVATE_DIR, config.MAIL_OUTBOX_DIR])
  fs.mkdirSync(dir, { recursive: true });

await prepareDatabaseOnce(config.DATABASE_URL, async () => {
  if (config.SEED !== "demo") return;
  const { databaseIsEmpty, seedDemo } = await import("../prisma/seed");
  if (!(await databaseIsEmpty())) return;
  const started = Date.now();
  await seedDemo();
  console.log(`[vitrine] demo data seeded in ${Date.now() - started} ms (password for every account: vitrine-demo)`);
});
process.exit(0);
