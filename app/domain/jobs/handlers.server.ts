// Every job type the worker runs. Each module registers its handler with defineJob when loaded.
// package.json declares "sideEffects": false, so a bare `import "./module"` would be dropped from the
// build: the imported names below are what keep these modules (and their registrations) in it.
import { reminderJob } from "~/domain/followup/reminders.server";
import { replySendJob } from "~/domain/followup/replies.server";
import { inquiryAcknowledgeJob, inquiryNotifyJob } from "~/domain/inquiries/notify.server";
import { photoWidthsBackfillJob } from "~/domain/photos/width-backfill.server";
import { notifyDealershipJob, NOTIFY_JOB as VEHICLE_REQUEST_NOTIFY_JOB } from "~/domain/vehicles/notify.server";

export const JOB_TYPES = [
  inquiryNotifyJob.type,
  inquiryAcknowledgeJob.type,
  VEHICLE_REQUEST_NOTIFY_JOB,
  notifyDealershipJob.type,
  replySendJob.type,
  reminderJob.type,
  photoWidthsBackfillJob.type,
] as const;
