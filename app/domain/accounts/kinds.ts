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
  agency: ["properties", "contacts", "favorites", "team", "settings"],
  developer: ["programmes", "contacts", "favorites", "team", "settings"],
  dealership: ["vehicles", "contacts", "team", "settings"],
} as const satisfies Record<ProKind, readonly string[]>;

export type ProSection = "properties" | "programmes" | "vehicles" | "contacts" | "favorites" | "team" | "settings";

export const SECTION_LABELS: Record<ProSection, string> = {
  properties: "Mes annonces",
  programmes: "Mes programmes",
  vehicles: "Mes véhicules",
  contacts: "Demandes",
  favorites: "Favoris",
  team: "Équipe",
  settings: "Paramètres",
};

/** The sections of a kind of pro; the team page only for members who manage the team (the owner). */
export function sectionsOf(kind: ProKind | null | undefined, options: { managesTeam?: boolean } = {}): ProSection[] {
  return (kind ? PRO_SECTIONS[kind] : []).filter((section) => section !== "team" || options.managesTeam === true);
}
