import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { rememberContacted } from "~/utils/contacted.server";
import type { InquiryFormState } from "~/components/inquiries/inquiry-form-state";
import type { DomainError } from "~/utils/errors";
import { pageRoute } from "~/utils/errors.server";
import { readBody, typedValues, wantsJson } from "~/utils/http.server";
import { log } from "~/utils/logger.server";
import { clientIp } from "~/utils/rate-limit.server";
import { inquiryJson, InquiryValidationError, RateLimitedError, submitInquiry } from "./inquiries.server";
import { formValuesOf } from "./validation";

/**
 * The action behind every contact form of a property: `POST /contact-requests` (JSON per SPEC, or a
 * native form) and the form on `/properties/:slug`. Both call `submitInquiry`; this only shapes the
 * answer. Forms get `{inquiry: InquiryFormState}` (French errors with the typed values, or `sent`)
 * with the matching HTTP status; JSON clients get the SPEC's bodies (through the page adapter).
 */
export const inquiryAction = pageRoute(
  async ({ request, context }: ActionFunctionArgs) => {
    const { inquiry, stored } = await submitInquiry(await readBody(request), { clientIp: clientIp(context) });
    if (stored) log.info("inquiry created", { inquiryId: inquiry.id, propertyId: inquiry.propertyId });
    if (wantsJson(request)) return json({ data: inquiryJson(inquiry) }, { status: 201 });
    // The browser remembers the listing, so that result pages can mark it "Déjà contacté".
    const remember = inquiry.propertyId ? await rememberContacted(request, inquiry.propertyId) : null;
    return formState({ status: "sent" }, 201, remember ? { "Set-Cookie": remember } : undefined);
  },
  { formError: inquiryFormError },
);

/** How the contact form shows a refusal: its own states, with what the visitor typed. */
function inquiryFormError(error: DomainError, request: Request) {
  if (error instanceof RateLimitedError) {
    return formState({ status: "rate-limited", retryAfter: error.retryAfter }, 429, error.headers);
  }
  if (error instanceof InquiryValidationError) {
    const errors: Record<string, string[]> = {};
    for (const { field, message } of error.details ?? []) (errors[field] ??= []).push(message);
    return formState({ status: "invalid", errors, values: error.values }, 400);
  }
  const values = formValuesOf(typedValues(request));
  if (error.code === "NOT_FOUND") return formState({ status: "unavailable", values }, 404);
  return formState({ status: "invalid", errors: { form: [error.message] }, values }, error.status);
}

function formState(state: InquiryFormState, status: number, headers?: HeadersInit) {
  return json({ inquiry: state }, { status, headers });
}

export type InquiryActionData = { inquiry: InquiryFormState };
