import { PROPERTY_STATUS_BADGE, PROPERTY_STATUS_LABELS } from "~/domain/listings/format";

export function PropertyStatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge ${PROPERTY_STATUS_BADGE[status] ?? "badge-draft"}`}>
      {PROPERTY_STATUS_LABELS[status] ?? status}
    </span>
  );
}

const RATING_TITLES = { energy: "DPE", ges: "GES" } as const;

/** An A–G energy (DPE) or emissions (GES) class as a coloured, labelled badge: "DPE : C". */
export function RatingBadge({ kind, value }: { kind: "energy" | "ges"; value: string | null }) {
  const label = RATING_TITLES[kind];
  if (!value) return <span className="muted">{label} non renseigné</span>;
  return (
    <span className={`rating rating-${value}`} role="img" aria-label={`${label} : ${value}`}>
      {value}
    </span>
  );
}
