/**
 * `WEB_CONCURRENCY=N npm start` (N > 1): N server processes on one port through node:cluster, so
 * one machine's cores all serve (docs/decisions/025). Every process shares the database, so
 * sessions, rate limits and cache generations are common to all; the job worker runs in the first
 * process only (claims would be safe in each, one poller per machine is enough). A process that
 * dies is replaced; SIGTERM/SIGINT stop every process gracefully, then this one.
 */
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import path from "node:path";

const requested = Number(process.env.WEB_CONCURRENCY ?? 1);
const count = Number.isInteger(requested) && requested > 0 ? requested : 1;
if (count > os.availableParallelism()) {
  console.warn(`[vitrine] WEB_CONCURRENCY=${count} is more than this machine's ${os.availableParallelism()} cores`);
}

cluster.setupPrimary({ exec: path.resolve("server.ts"), execArgv: ["--import", "tsx"] });

let stopping = false;
const byWorker = new Map<Worker, number>();

function fork(index: number) {
  const worker = cluster.fork({ WORKER_INDEX: String(index), JOB_WORKER: index === 0 ? "1" : "0" });
  byWorker.set(worker, index);
}

cluster.on("exit", (worker, code, signal) => {
  const index = byWorker.get(worker) ?? 0;
  byWorker.delete(worker);
  if (stopping) {
    if (byWorker.size === 0) process.exit(0);
    return;
  }
  console.error(`[vitrine] server process ${index} exited (${signal ?? code}): starting another`);
  setTimeout(() => fork(index), 1000);
});

for (let index = 0; index < count; index++) fork(index);
console.log(`[vitrine] ${count} server processes`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    if (byWorker.size === 0) process.exit(0);
    for (const worker of byWorker.keys()) worker.process.kill(signal);
  });
}
