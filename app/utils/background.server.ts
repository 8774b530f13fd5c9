import { JOB_TYPES } from "~/domain/jobs/handlers.server";
import { jobHandler } from "~/domain/jobs/queue.server";
import { startWorker, stopWorker } from "~/domain/jobs/worker.server";
import { dbReady } from "./db.server";
import { env } from "./env.server";

/** Called by the production server once it listens, and on SIGTERM (server.ts). */
export async function startBackgroundWork() {
  await dbReady;
  const missing = JOB_TYPES.filter((type) => !jobHandler(type));
  if (missing.length) throw new Error(`No handler registered for job types: ${missing.join(", ")}`);
  // Claims are safe from any number of workers; JOB_WORKER=0 keeps this process out of it.
  if (env().JOB_WORKER) startWorker();
}

export async function stopBackgroundWork() {
  await stopWorker();
}
