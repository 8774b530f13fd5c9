import { sweepIdentityFiles } from "~/domain/identity/identity.server";
import { JOB_TYPES } from "~/domain/jobs/handlers.server";
import { jobHandler } from "~/domain/jobs/queue.server";
import { startWorker, stopWorker } from "~/domain/jobs/worker.server";
import { sweepPhotoFiles } from "~/domain/photos/photo-files.server";
import { scheduleWidthBackfill } from "~/domain/photos/width-backfill.server";
import { dbReady } from "./db.server";
import { log } from "./logger.server";
import { env } from "./env.server";

/** Called by the production server before it listens, and on SIGTERM (server.ts). */
export async function startBackgroundWork() {
  await dbReady;
  // What a crash left behind: work files, unpublished or hidden photos, unreferenced documents.
  try {
    await sweepPhotoFiles();
    await sweepIdentityFiles();
  } catch (error) {
    log.error("start-up sweep failed", { error: String(error) });
  }
  // Photos stored before the 400/800 px widths existed get them, in the background (a job).
  try {
    await scheduleWidthBackfill();
  } catch (error) {
    log.error("could not schedule the photo widths backfill", { error: String(error) });
  }
  const missing = JOB_TYPES.filter((type) => !jobHandler(type));
  if (missing.length) throw new Error(`No handler registered for job types: ${missing.join(", ")}`);
  // Claims are safe from any number of workers; JOB_WORKER=0 keeps this process out of it.
  if (env().JOB_WORKER) startWorker();
}

export async function stopBackgroundWork() {
  await stopWorker();
}
