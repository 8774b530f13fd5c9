/**
 * Creating a multi-vehicle contact request (seed 004). The JSON endpoint and the HTML form both
 * call `submitVehicleContactRequest`; they only differ in how they shape the answer.
 */
import { firstReminder } from "~/domain/followup/reminders.server";
import { enqueueJobs } from "~/domain/jobs/queue.server";
import { pickAssignee } from "~/domain/teams/assignment.server";
import type { Prisma } from "~/generated/prisma/client";
import { emailBlindIndex, encryptOptionalPII, encryptPII, randomToken, sha256 } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { createLimiter } from "~/utils/rate-limit.server";
import { provincesWithCities, vehicleRefs } from "./catalog.server";
import { notifyJob } from "./notify.server";
import {
  parseContactRequest,
  resolveReferences,
  SUCCESS_MESSAGES,
  type ContactMethod,
  type ValidationError,
} from "./validation";

export const PER_IP_PER_HOUR = 5;
export const PER_EMAIL_PER_DAY = 10;
const DAY_MS = 24 * 3600 * 1000;
export const RATE_LIMIT_MESSAGE = "Too many contact requests. Please try again later.";

/**
 * Only created requests count (docs/decisions/0xx-vehicle-requests): the per-IP point is taken
 * first, atomically (parallel submissions cannot all pass, in one process or several), and given
 * back when nothing is created; the per-address limit counts the rows with the same blind
 * index created in the last 24 hours, inside the creating transaction, so it survives restarts
 * and never sees the address in clear.
 */
const perIp = createLimiter({ keyPrefix: "vehicle-request-ip", points: PER_IP_PER_HOUR, durationSeconds: 3600 });

export type SubmitResult =
  | {
      kind: "created";
      id: number;
      method: ContactMethod;
      message: string;
      nextUrl: string;
      /** The secret for the submitting browser's cookie (reused when it already had one). */
      viewerToken: string;
    }
  | { kind: "invalid"; errors: ValidationError[] }
  | { kind: "rate_limited"; retryAfter: number; message: string };

class EmailLimitReached extends Error {
  constructor(readonly retryAfter: number) {
    super("per-address limit reached");
  }
}

export async function submitVehicleContactRequest(
  body: Record<string, unknown>,
  options: { ip: string; viewerToken?: string | null; now?: Date },
): Promise<SubmitResult> {
  const ipState = await perIp.consume(options.ip);
  if (!ipState.ok) return { kind: "rate_limited", retryAfter: ipState.retryAfter, message: RATE_LIMIT_MESSAGE };
  let created = false;
  try {
    const result = await createVehicleContactRequest(body, options);
    created = result.kind === "created";
    return result;
  } finally {
    if (!created) await perIp.refund(options.ip);
  }
}

async function createVehicleContactRequest(
  body: Record<string, unknown>,
  options: { ip: string; viewerToken?: string | null; now?: Date },
): Promise<SubmitResult> {
  const parsed = parseContactRequest(body);
  const [provinces, vehicles] = await Promise.all([
    provincesWithCities(),
    vehicleRefs(parsed.values.vehicleIds.map((v) => v.id)),
  ]);
  const result = resolveReferences(parsed, provinces, vehicles);
  if (!result.ok) return { kind: "invalid", errors: result.errors };
  const valid = result.request;

  const now = options.now ?? new Date();
  const anonymityExpiresAt = new Date(now.getTime() + env().ANONYMITY_WINDOW_SECONDS * 1000);
  const emailHash = emailBlindIndex(valid.email);
  const viewerToken = options.viewerToken && options.viewerToken.length >= 32 ? options.viewerToken : randomToken();
  const dealerships = [...new Set(valid.vehicles.map((v) => v.proId))];
  const checkEmailLimit = !env().RATE_LIMIT_DISABLED;

  let id: number;
  try {
    // The write comes first, the per-address count after it (the limit throws, which rolls the row
    // back). On SQLite a transaction that reads first and writes next cannot take the write lock once
    // another instance has committed since its read (SQLITE_BUSY_SNAPSHOT, "database is locked",
    // never retried): with the write first, a busy lock is waited for (db.server.ts) and the count
    // then runs under the write lock, so it sees every other process's rows.
    id = await db.$transaction(async (tx) => {
      const created = await tx.vehicleContactRequest.create({
        data: {
          fullNameEnc: encryptPII(valid.fullName),
          emailEnc: encryptPII(valid.email),
          emailHash,
          phoneEnc: encryptPII(valid.phone),
          province: valid.province,
          city: valid.city,
          preferredContactMethod: valid.preferredContactMethod,
          additionalCommentsEnc: encryptOptionalPII(valid.additionalComments),
          viewerTokenHash: sha256(viewerToken),
          createdAt: now,
          anonymityExpiresAt,
          // Copied from the database rows, never from what the client sent.
          vehicles: {
            create: valid.vehicles.map((v) => ({
              vehicleId: v.id,
              proId: v.proId,
              make: v.make,
              model: v.model,
              year: v.year,
              price: v.price,
            })),
          },
          // Each dealership's response clock starts when the anonymity window ends.
          leads: { create: dealerships.map((proId) => ({ proId, createdAt: now, receivedAt: anonymityExpiresAt })) },
        },
        select: { id: true, leads: { select: { id: true } } },
      });
      if (checkEmailLimit) {
        const recent = await tx.vehicleContactRequest.findMany({
          where: { emailHash, createdAt: { gt: new Date(now.getTime() - DAY_MS) }, id: { not: created.id } },
          orderBy: { createdAt: "asc" },
          select: { createdAt: true },
          take: PER_EMAIL_PER_DAY,
        });
        if (recent.length >= PER_EMAIL_PER_DAY) {
          const freeAt = recent[0].createdAt.getTime() + DAY_MS;
          throw new EmailLimitReached(Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)));
        }
      }
      await assignLeads(tx, created.id, valid.vehicles);
      // The dealerships' notification and each lead's first reminder, in one statement.
      const reminders = [];
      for (const lead of created.leads) {
        reminders.push(
          await firstReminder(tx, { lead: { kind: "vehicle", id: lead.id }, startedAt: anonymityExpiresAt }),
        );
      }
      await enqueueJobs(tx, [
        { type: notifyJob.type, payload: { requestId: created.id }, runAt: anonymityExpiresAt },
        ...reminders,
      ]);
      return created.id;
    });
  } catch (error) {
    if (error instanceof EmailLimitReached) {
      return { kind: "rate_limited", retryAfter: error.retryAfter, message: RATE_LIMIT_MESSAGE };
    }
    throw error;
  }

  return {
    kind: "created",
    id,
    method: valid.preferredContactMethod,
    message: SUCCESS_MESSAGES[valid.preferredContactMethod],
    nextUrl: `/confirmation?id=${id}`,
    viewerToken,
  };
}

/**
 * Gives each of the request's leads (one per dealership) to the member responsible for the first of
 * its selected vehicles that has one, else to the next agent or manager in turn (SPEC "Teams"). Runs
 * after the request's insert, under the write lock (see above).
 */
async function assignLeads(tx: Prisma.TransactionClient, requestId: number, selected: { id: number; proId: string }[]) {
  const leads = await tx.vehicleLead.findMany({ where: { requestId }, select: { id: true, proId: true } });
  const responsible = await tx.vehicle.findMany({
    where: { id: { in: selected.map((v) => v.id) }, responsibleMemberId: { not: null } },
    select: { id: true, responsibleMemberId: true },
  });
  for (const lead of leads) {
    const first = selected
      .filter((v) => v.proId === lead.proId)
      .map((v) => responsible.find((r) => r.id === v.id))
      .find((r) => r !== undefined);
    const assignee = await pickAssignee(tx, { proId: lead.proId, responsibleMemberId: first?.responsibleMemberId });
    if (assignee) await tx.vehicleLead.update({ where: { id: lead.id }, data: { assigneeId: assignee.id } });
  }
}
