/**
 * Start-up preparation, run by `npm start` before the server: validates the environment, applies
 * migrations with `prisma migrate deploy`, and seeds the demo data into an empty database.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { env, EnvError, parseEnv } from "../app/utils/env.server";

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
const dbFile = config.DATABASE_URL.replace(/^file:/, "");
fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
for (const dir of [config.UPLOADS_DIR, config.PRIVATE_DIR, config.MAIL_OUTBOX_DIR])
  fs.mkdirSync(dir, { recursive: true });

execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
  stdio: ["ignore", "ignore", "inherit"],
  env: process.env,
});

if (config.SEED === "demo") {
  const { databaseIsEmpty, seedDemo } = await import("../prisma/seed");
  if (await databaseIsEmpty()) {
    const started = Date.now();
    await seedDemo();
    console.log(`[vitrine] demo data seeded in ${Date.now() - started} ms (password for every account: vitrine-demo)`);
  }
}
process.exit(0);
