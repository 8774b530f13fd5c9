/**
 * The vocabulary of a dealership's vehicles: statuses and their diagram, fuels, gearboxes, labels
 * and the public sorts. No validation here (that is ./rules.ts, with zod): the public pages import
 * this module, and it is all that reaches their browser bundle.
 */
export const VEHICLE_STATUSES = ["draft", "active", "sold"] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];
export const FUELS = ["essence", "diesel", "hybride", "electrique", "gpl"] as const;
export const TRANSMISSIONS = ["manuelle", "automatique"] as const;
export const MIN_YEAR = 1950;
export const maxVehicleYear = () => new Date().getFullYear() + 1;

// ---- Status diagram (same as a listing's): draft → active, active → sold, active → draft.

const NEXT: Record<VehicleStatus, readonly VehicleStatus[]> = {
  draft: ["active"],
  active: ["sold", "draft"],
  sold: [],
};

export function vehicleTransition(from: VehicleStatus, to: VehicleStatus): "same" | "allowed" | "invalid" {
  if (from === to) return "same";
  return NEXT[from].includes(to) ? "allowed" : "invalid";
}

export function nextVehicleStatuses(from: VehicleStatus): readonly VehicleStatus[] {
  return NEXT[from];
}

export const VEHICLE_STATUS_LABELS: Record<VehicleStatus, string> = {
  draft: "Brouillon",
  active: "Annonce active",
  sold: "Vendu",
};

export const VEHICLE_STATUS_ACTIONS: Record<VehicleStatus, string> = {
  active: "Publier le véhicule",
  sold: "Marquer comme vendu",
  draft: "Repasser en brouillon",
};

export const FUEL_LABELS: Record<string, string> = {
  essence: "Essence",
  diesel: "Diesel",
  hybride: "Hybride",
  electrique: "Électrique",
  gpl: "GPL",
};

export const TRANSMISSION_LABELS: Record<string, string> = { manuelle: "Manuelle", automatique: "Automatique" };

export const VEHICLE_FIELD_LABELS: Record<string, string> = {
  make: "Marque",
  model: "Modèle",
  year: "Année",
  price: "Prix (R)",
  mileage: "Kilométrage",
  fuel: "Carburant",
  transmission: "Boîte de vitesses",
  colour: "Couleur",
  province: "Province",
  city: "Ville",
  description: "Description",
};

/** Public sort orders of /vehicles. */
export const VEHICLE_SORTS = ["newest", "price-asc", "price-desc", "mileage"] as const;
export type VehicleSort = (typeof VEHICLE_SORTS)[number];
export const VEHICLE_SORT_LABELS: Record<VehicleSort, string> = {
  newest: "Les plus récents",
  "price-asc": "Prix croissant",
  "price-desc": "Prix décroissant",
  mileage: "Kilométrage le plus bas",
};
