/** Kinds of professional accounts, with their French labels (shared by the server and the page). */
export const PRO_KINDS = [
  { value: "agency", label: "Agence immobilière" },
  { value: "developer", label: "Promoteur immobilier" },
  { value: "dealership", label: "Concession automobile" },
] as const;

export type ProKind = (typeof PRO_KINDS)[number]["value"];

/**
 * What each kind of pro manages: the pro navigation and the dashboard show only these, so nothing
 * leads a pro to a page that is useless for its kind (docs/decisions/030).
 */
export const PRO_SECTIONS = {
  agency: ["properties", "contacts", "favorites", "settings"],
  developer: ["programmes", "contacts", "favorites", "settings"],
  dealership: ["vehicles", "contacts", "settings"],
} as const satisfies Record<ProKind, readonly string[]>;

export type ProSection = "properties" | "programmes" | "vehicles" | "contacts" | "favorites" | "settings";

export const SECTION_LABELS: Record<ProSection, string> = {
  properties: "Mes annonces",
  programmes: "Mes programmes",
  vehicles: "Mes véhicules",
  contacts: "Demandes",
  favorites: "Favoris",
  settings: "Paramètres",
};

export function sectionsOf(kind: ProKind | null | undefined): readonly ProSection[] {
  return kind ? PRO_SECTIONS[kind] : [];
}
