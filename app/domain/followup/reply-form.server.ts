import type { LeadAccess } from "~/domain/teams/permissions";
import { DomainError } from "~/utils/errors";
import { fieldErrors } from "~/utils/http.server";
import type { LeadRef } from "./leads";
import { replyToLead } from "./replies.server";

export type ReplyFormResult =
  { kind: "sent" } | { kind: "invalid"; errors: Record<string, string[]>; message: string } | { kind: "not-found" };

/**
 * The reply form of a lead's page: the same domain function as the JSON endpoint, its outcome in
 * terms a page can show (field errors and what was typed).
 */
export async function submitReplyForm({
  lead,
  access,
  message: raw,
}: {
  lead: LeadRef;
  /** The member replying (an agent: only on a lead assigned to them). */
  access: LeadAccess;
  /** The form's `message` field as posted. */
  message: unknown;
}): Promise<ReplyFormResult> {
  const message = typeof raw === "string" ? raw : "";
  try {
    await replyToLead({ lead, access, body: async () => ({ message }) });
    return { kind: "sent" };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "NOT_FOUND") return { kind: "not-found" };
    if (error.code === "VALIDATION_ERROR") {
      return { kind: "invalid", errors: fieldErrors(error.details ?? []), message };
    }
    throw error;
  }
}
