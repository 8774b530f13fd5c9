import { Form, useNavigation } from "@remix-run/react";
import {
  INQUIRY_ACTION_LABELS,
  INQUIRY_STATUS_BADGE,
  INQUIRY_STATUS_LABELS,
  nextStatuses,
  type InquiryStatus,
} from "~/domain/inquiries/status";

export function InquiryStatusBadge({ status }: { status: InquiryStatus }) {
  return <span className={`badge badge-${INQUIRY_STATUS_BADGE[status]}`}>{INQUIRY_STATUS_LABELS[status]}</span>;
}

/** One native form per allowed transition of seed 000's diagram; none once replied. */
export function InquiryStatusButtons({
  id,
  status,
  action,
  small,
}: {
  id: string;
  status: InquiryStatus;
  action: string;
  small?: boolean;
}) {
  const navigation = useNavigation();
  const targets = nextStatuses(status);
  if (!targets.length) return null;
  const pendingFor = (to: InquiryStatus) =>
    navigation.state === "submitting" &&
    navigation.formData?.get("id") === id &&
    navigation.formData?.get("status") === to;
  return (
    <>
      {targets.map((to) => (
        <Form key={to} method="post" action={action} className="inline-form">
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="id" value={id} />
          <button
            type="submit"
            name="status"
            value={to}
            className={`button-secondary${small ? " button-small" : ""}`}
            disabled={pendingFor(to)}
            aria-busy={pendingFor(to) || undefined}
          >
            {pendingFor(to) ? "Mise à jour…" : INQUIRY_ACTION_LABELS[to]}
          </button>
        </Form>
      ))}
    </>
  );
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

/** Same text on the server and in the browser (fixed time zone), so hydration matches. */
export function formatInquiryDate(iso: string) {
  return dateFormat.format(new Date(iso));
}

export function excerpt(text: string, length = 120) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1).trimEnd()}…` : flat;
}
