/** Display helpers shared by listing pages (no server code). */
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

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

export function formatPrice(price: number | null | undefined, transactionType?: string) {
  if (price == null) return "Prix sur demande";
  return transactionType === "location" ? `${euros.format(price)} / mois` : euros.format(price);
}
