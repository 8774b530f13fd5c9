/** Display helpers for programme and lot pages (no server code). */
import { formatNumberFr } from "~/utils/format-fr";
export { formatPrice } from "~/domain/listings/format";

export const LOT_STATUS_LABELS: Record<string, string> = {
  disponible: "Disponible",
  reserve: "Réservé",
  vendu: "Vendu",
};

const BADGE_OF_STATUS: Record<string, string> = {
  disponible: "badge-active",
  reserve: "badge-read",
  vendu: "badge-sold",
};

export function lotStatusBadge(status: string) {
  return BADGE_OF_STATUS[status] ?? "badge-draft";
}

export function formatSurface(surface: number) {
  return `${formatNumberFr(surface, 1)} m²`;
}
