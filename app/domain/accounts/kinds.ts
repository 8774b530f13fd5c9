/** Kinds of professional accounts, with their French labels (shared by the server and the page). */
export const PRO_KINDS = [
  { value: "agency", label: "Agence immobilière" },
  { value: "developer", label: "Promoteur immobilier" },
  { value: "dealership", label: "Concession automobile" },
] as const;
