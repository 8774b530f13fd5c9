import path from "node:path";
import { existsSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The CLI only checks that these engine paths exist; with engine "js" it never runs them,
// and this machine cannot download the Rust engines (docs/decisions/001).
const placeholder = path.resolve("node_modules/prisma/package.json");
if (existsSync(placeholder)) {
  process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;
}
process.env.DATABASE_URL ??= "file:./data/vitrine.db";
const url = process.env.DATABASE_URL;

// DATABASE_URL picks the provider: each has its own schema (PostgreSQL's is generated from the
// SQLite source, prisma/README.md) and its own migration history.
const postgres = /^postgres(?:ql)?:\/\//.test(url);
const folder = postgres ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  async adapter() {
    return postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
});
