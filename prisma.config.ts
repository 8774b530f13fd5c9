import path from "node:path";
import { existsSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// The CLI only checks that these engine paths exist; with engine "js" it never runs them,
// and this machine cannot download the Rust engines (docs/decisions/001).
const placeholder = path.resolve("node_modules/prisma/package.json");
if (existsSync(placeholder)) {
  process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;
}
process.env.DATABASE_URL ??= "file:./data/vitrine.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! });
  },
});
