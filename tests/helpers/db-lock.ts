import { spawn } from "node:child_process";

/**
 * Another process holding the database's write lock (`BEGIN IMMEDIATE`) until the returned
 * function is called. Resolves once the lock is held.
 */
export async function holdWriteLock(databaseUrl: string): Promise<() => Promise<void>> {
  const script = `
    const db = new (require("better-sqlite3"))(process.argv[1]);
    db.exec("BEGIN IMMEDIATE");
    process.stdout.write("locked\\n");
    process.stdin.once("data", () => { db.exec("ROLLBACK"); db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ["-e", script, databaseUrl.replace(/^file:/, "")], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    child.stdout.once("data", resolve);
    child.once("exit", (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  return async () => {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.stdin.write("release\n");
    await exited;
  };
}
