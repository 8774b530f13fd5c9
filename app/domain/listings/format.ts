/** Display helpers shared by listing pages (no server code). */
import { formatEurosFr, formatNumberFr } from "~/utils/format-fr";

export const PROPERTY_TYPE_LABELS: Record<string, string> = {
  appartement: "Appartement",
  maison: "Maison",
  terrain: "Terrain",
  commerce: "Commerce",
  bureau: "Bureau",
};

export const TRANSACTION_LABELS: Record<string, string> = { vente: "Vente", location: "Location" };

export const PROPERTY_STATUS_LABELS: Record<string, string> = {
  draft: "Brouillon",
  active: "Annonce active",
  sold: "Vendu",
};

export function formatPrice(price: number | null | undefined, transactionType?: string) {
  if (price == null) return "Prix sur demande";
  return transactionType === "location" ? `${formatEurosFr(price)} / mois` : formatEurosFr(price);
}

/** Badge class of each status (app.css: badge-draft / badge-active / badge-sold). */
export const PROPERTY_STATUS_BADGE: Record<string, string> = {
  draft: "badge-draft",
  active: "badge-active",
  sold: "badge-sold",
};

/** The button that moves a listing to a status (seed 002's diagram). */
export const STATUS_ACTION_LABELS: Record<string, string> = {
  active: "Publier l’annonce",
  sold: "Marquer comme vendu",
  draft: "Repasser en brouillon",
};

/** French labels of every listing field (form labels, error summary). */
export const PROPERTY_FIELD_LABELS: Record<string, string> = {
  title: "Titre",
  description: "Description",
  type: "Type de bien",
  transactionType: "Transaction",
  price: "Prix (€)",
  surface: "Surface (m²)",
  rooms: "Pièces",
  bedrooms: "Chambres",
  bathrooms: "Salles de bain",
  floor: "Étage",
  totalFloors: "Nombre d’étages",
  buildingYear: "Année de construction",
  energyRating: "DPE (classe énergie)",
  gesRating: "GES (émissions)",
  address: "Adresse",
  city: "Ville",
  postalCode: "Code postal",
  department: "Département",
  region: "Région",
  latitude: "Latitude",
  longitude: "Longitude",
  photos: "Photos",
  status: "Statut",
};

export function formatArea(surface: number | null | undefined) {
  if (surface == null) return null;
  return `${formatNumberFr(surface, 1)} m²`;
}

/** Public URL of a listing photo stored under UPLOADS_DIR. */
export { uploadUrl as photoUrl } from "~/domain/media/photo-widths";

/** "3 pièces", "1 pièce" */
export function plural(count: number, one: string, many: string) {
  return `${formatNumberFr(count)} ${count > 1 ? many : one}`;
}

/** "5 200 €/m²" for a sale, "18 €/m²/mois" for a rental; null without price or surface. */
export function formatPricePerArea(
  price: number | null | undefined,
  surface: number | null | undefined,
  transactionType?: string,
) {
  if (price == null || !surface) return null;
  const perArea = formatEurosFr(Math.round(price / surface));
  return transactionType === "location" ? `${perArea}/m²/mois` : `${perArea}/m²`;
}

let longDate: Intl.DateTimeFormat | undefined;

/**
 * "3 novembre 2026", in Paris. Loaders call it and send the text: a page that formatted dates while
 * hydrating would load ICU's data in the browser (app/utils/format-fr.ts), hence created on first use.
 */
export function formatDate(value: string | Date) {
  longDate ??= new Intl.DateTimeFormat("fr-FR", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Paris",
  });
  return longDate.format(new Date(value));
}

/**
 * Where a listing is, each place named once: "12 rue X, 75011 Paris, Île-de-France" — never
 * "Paris, Paris" when the department or region repeats the city.
 */
export function placeLine(place: {
  address?: string | null;
  postalCode: string;
  city: string;
  department?: string | null;
  region?: string | null;
}) {
  const seen = new Set<string>();
  const key = (value: string) =>
    value
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .trim();
  seen.add(key(place.city));
  const parts = [place.address, `${place.postalCode} ${place.city}`];
  for (const area of [place.department, place.region]) {
    if (area && !seen.has(key(area))) {
      seen.add(key(area));
      parts.push(area);
    }
  }
  return parts.filter(Boolean).join(", ");
}
