/**
 * Follow-up statuses of a property inquiry (seed 000's diagram) and their French names.
 * No server code: the inbox pages import the labels and transitions too.
 *
 * The API and the application say `new_request`; the database stores `new`. THIS IS THE ONE PLACE
 * that states the mapping: `enum ContactStatus { new_request @map("new") … }` in
 * prisma/schema.prisma makes the Prisma client write "new" and read it back as `new_request`
 * (verified on SQLite with the WebAssembly client engine, and guarded by status.test.ts). Code
 * never writes "new" itself; raw SQL, if ever needed, uses `DB_VALUE_OF`.
 */
export const INQUIRY_STATUSES = ["new_request", "read", "replied"] as const;

export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** The value stored in the `ContactRequest.status` column for each API status. */
export const DB_VALUE_OF: Record<InquiryStatus, string> = { new_request: "new", read: "read", replied: "replied" };

export const INQUIRY_STATUS_LABELS: Record<InquiryStatus, string> = {
  new_request: "Nouvelle demande",
  read: "Lu par le pro",
  replied: "Répondu",
};

/** CSS class suffix of each status badge (`badge badge-new|read|replied`). */
export const INQUIRY_STATUS_BADGE: Record<InquiryStatus, string> = {
  new_request: "new",
  read: "read",
  replied: "replied",
};

/** The button label that moves an inquiry to a status. */
export const INQUIRY_ACTION_LABELS: Record<InquiryStatus, string> = {
  new_request: "Marquer comme nouvelle",
  read: "Marquer comme lu",
  replied: "Marquer comme répondu",
};

const TRANSITIONS: Record<InquiryStatus, readonly InquiryStatus[]> = {
  new_request: ["read", "replied"],
  read: ["replied"],
  replied: [],
};

export function isInquiryStatus(value: unknown): value is InquiryStatus {
  return typeof value === "string" && (INQUIRY_STATUSES as readonly string[]).includes(value);
}

/** The statuses a pro can move an inquiry to from `from` (buttons to show). */
export function nextStatuses(from: InquiryStatus): readonly InquiryStatus[] {
  return TRANSITIONS[from];
}

/** `same` is a no-op, `allowed` a move of the diagram, `forbidden` anything else (409). */
export function transitionKind(from: InquiryStatus, to: InquiryStatus): "same" | "allowed" | "forbidden" {
  if (from === to) return "same";
  return TRANSITIONS[from].includes(to) ? "allowed" : "forbidden";
}

/** The French message an inbox page shows when a status button's change is refused. */
export function statusChangeRefusal(code: string): string {
  if (code === "NOT_FOUND") return "Cette demande n’existe pas.";
  if (code === "INVALID_TRANSITION") return "Ce changement de statut n’est pas possible.";
  return "Statut inconnu.";
}
