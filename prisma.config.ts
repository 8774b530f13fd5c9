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

/**
 * Prisma Migrate's WebAssembly schema engine reads PostgreSQL's catalogue, whose identifiers are of
 * type `name`, which @prisma/adapter-pg 6.19 does not map (prisma/prisma#27403). For the CLI only,
 * report such columns as text: a `name` is a short string.
 */
class MigratePrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    // The method lives on the base class shared by the adapter and its transactions.
    let proto: object | null = Object.getPrototypeOf(adapter);
    while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) proto = Object.getPrototypeOf(proto);
    const target = proto as { performIO: (...args: unknown[]) => Promise<{ fields: { dataTypeID: number }[] }> } | null;
    if (target && !(target.performIO as { patched?: boolean }).patched) {
      const original = target.performIO;
      const patched = async function (this: unknown, ...args: unknown[]) {
        const result = await original.apply(this, args);
        for (const field of result.fields) if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
        return result;
      };
      Object.assign(patched, { patched: true });
      target.performIO = patched;
    }
    return adapter;
  }
}
const NAME_OID = 19;
const TEXT_OID = 25;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  async adapter() {
    return postgres ? new MigratePrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
});
