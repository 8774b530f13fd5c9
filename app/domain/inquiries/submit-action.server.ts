import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { rememberContacted } from "~/utils/contacted.server";
import { clientIp } from "~/utils/rate-limit.server";
import { apiError, DomainError, readBody, toResponse, wantsJson } from "~/utils/http.server";
import { log } from "~/utils/logger.server";
import type { InquiryFormState } from "~/components/inquiries/inquiry-form-state";
import { inquiryJson, InquiryValidationError, RateLimitedError, submitInquiry } from "./inquiries.server";
import { formValuesOf } from "./validation";

/**
 * The action behind every contact form of a property: `POST /contact-requests` (JSON per SPEC, or a
 * native form) and the form on `/properties/:slug`. Both call `submitInquiry`; this only shapes the
 * answer. Forms get `{inquiry: InquiryFormState}` (French errors with the typed values, or `sent`)
 * with the matching HTTP status; JSON clients get the SPEC's bodies.
 */
export async function inquiryAction({ request, context }: ActionFunctionArgs) {
  const asJson = wantsJson(request);
  let raw: Record<string, unknown> = {};
  try {
    raw = await readBody(request);
    const { inquiry, stored } = await submitInquiry(raw, { clientIp: clientIp(context) });
    if (stored) log.info("inquiry created", { inquiryId: inquiry.id, propertyId: inquiry.propertyId });
    if (asJson) return json({ data: inquiryJson(inquiry) }, { status: 201 });
    // The browser remembers the listing, so that result pages can mark it "Déjà contacté".
    const remember = inquiry.propertyId ? await rememberContacted(request, inquiry.propertyId) : null;
    return formState({ status: "sent" }, 201, remember ? { "Set-Cookie": remember } : undefined);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const retryHeaders: HeadersInit | undefined =
      error instanceof RateLimitedError ? { "Retry-After": String(error.retryAfter) } : undefined;
    if (asJson) {
      return apiError(error.code, error.message, { details: error.details, headers: retryHeaders });
    }
    if (error instanceof RateLimitedError) {
      return formState({ status: "rate-limited", retryAfter: error.retryAfter }, 429, retryHeaders);
    }
    if (error instanceof InquiryValidationError) {
      const errors: Record<string, string[]> = {};
      for (const { field, message } of error.details ?? []) (errors[field] ??= []).push(message);
      return formState({ status: "invalid", errors, values: error.values }, 400);
    }
    if (error.code === "NOT_FOUND") {
      return formState({ status: "unavailable", values: formValuesOf(raw) }, 404);
    }
    if (error.code === "VALIDATION_ERROR") {
      return formState({ status: "invalid", errors: { form: [error.message] }, values: formValuesOf(raw) }, 400);
    }
    return toResponse(error);
  }
}

function formState(state: InquiryFormState, status: number, headers?: HeadersInit) {
  return json({ inquiry: state }, { status, headers });
}

export type InquiryActionData = { inquiry: InquiryFormState };
