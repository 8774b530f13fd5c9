#!/usr/bin/env node
/**
 * Small PostgreSQL chores for the tests and the bench, as a command so synchronous callers can run
 * it with execFileSync:
 *   node scripts/pg-admin.js create <server-url> <database> [<template>]
 *   node scripts/pg-admin.js drop <server-url> <database-name-prefix>
 */
import pg from "pg";

const [command, serverUrl, name, template] = process.argv.slice(2);
const identifier = (value) => {
  if (!/^[a-z0-9_]+$/.test(value ?? "")) throw new Error(`invalid database name: ${value}`);
  return `"${value}"`;
};

const client = new pg.Client({ connectionString: serverUrl });
await client.connect();
try {
  if (command === "create") {
    await client.query(
      `CREATE DATABASE ${identifier(name)}${template ? ` TEMPLATE ${identifier(template)}` : ""} LC_COLLATE 'C' LC_CTYPE 'C'${template ? "" : " TEMPLATE template0"}`,
    );
  } else if (command === "drop") {
    identifier(name);
    const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${name}%`]);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS ${identifier(row.datname)} WITH (FORCE)`);
  } else {
    throw new Error(`unknown command ${command}`);
  }
} finally {
  await client.end();
}
