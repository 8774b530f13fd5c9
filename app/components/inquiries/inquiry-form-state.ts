import type { InquiryFormValues } from "~/domain/inquiries/validation";

/** What the contact form shows after a submission (the action's `inquiry` data). */
export type InquiryFormState =
  | { status: "sent" }
  | { status: "invalid"; errors: Record<string, string[]>; values: InquiryFormValues }
  | { status: "unavailable"; values: InquiryFormValues }
  | { status: "rate-limited"; retryAfter: number };

/** Reads the inquiry state out of any action data (the property page may return other things too). */
export function inquiryStateOf(actionData: unknown): InquiryFormState | null {
  if (actionData && typeof actionData === "object" && "inquiry" in actionData) {
    const state = (actionData as { inquiry: unknown }).inquiry;
    if (state && typeof state === "object" && "status" in state) return state as InquiryFormState;
  }
  return null;
}
