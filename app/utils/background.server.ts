import { dbReady } from "./db.server";
import "~/domain/jobs/handlers.server";
import { startWorker, stopWorker } from "~/domain/jobs/worker.server";

/** Called by the production server once it listens, and on SIGTERM (server.ts). */
export async function startBackgroundWork() {
  await dbReady;
  startWorker();
}

export async function stopBackgroundWork() {
  await stopWorker();
}
