/**
 * French wording for the pages. The JSON API keeps the contract's English messages; the form
 * shows the same errors (same codes, same fields) in the UI's language.
 */
import { COMMENTS_MAX, MAX_VEHICLES, type ContactMethod, type ErrorCode, type FieldName } from "./validation";
import { formatNumberFr } from "~/utils/format-fr";

export const FIELD_LABELS: Record<FieldName, string> = {
  fullName: "Nom complet",
  email: "Adresse e-mail",
  phone: "Téléphone",
  province: "Province",
  city: "Ville",
  preferredContactMethod: "Moyen de contact préféré",
  additionalComments: "Commentaires",
  selectedVehicles: "Véhicules sélectionnés",
};

const FRENCH: Record<Exclude<ErrorCode, "REQUIRED">, string> = {
  INVALID_FULL_NAME: "Indiquez votre nom (2 à 255 caractères : lettres, espaces, apostrophes et traits d’union).",
  INVALID_EMAIL: "Indiquez une adresse e-mail valide.",
  INVALID_PHONE: "Le numéro doit commencer par l’indicatif du pays (par exemple +27).",
  INVALID_PROVINCE: "Choisissez une province de la liste.",
  INVALID_CITY: "Choisissez une ville de la province sélectionnée.",
  INVALID_CONTACT_METHOD: "Choisissez e-mail, téléphone ou WhatsApp.",
  COMMENTS_TOO_LONG: `Vos commentaires ne doivent pas dépasser ${COMMENTS_MAX} caractères.`,
  INVALID_COMMENTS: "Vos commentaires doivent être du texte.",
  NO_VEHICLES_SELECTED: "Sélectionnez au moins un véhicule.",
  TOO_MANY_VEHICLES: `Vous pouvez sélectionner ${MAX_VEHICLES} véhicules au maximum.`,
  INVALID_VEHICLE_ID: "Un des véhicules sélectionnés est invalide.",
  VEHICLE_NOT_FOUND: "Un des véhicules sélectionnés n’existe pas ou n’est plus disponible.",
  DUPLICATE_VEHICLE: "Un véhicule est sélectionné plusieurs fois.",
};

export function frenchMessage(_field: FieldName, code: ErrorCode): string {
  // The error summary already names the field.
  if (code === "REQUIRED") return "Ce champ est obligatoire.";
  return FRENCH[code];
}

export const METHOD_LABELS: Record<ContactMethod, string> = {
  email: "E-mail",
  phone: "Téléphone",
  whatsapp: "WhatsApp",
};

/** The confirmation page's thank-you, in the chosen method's words. */
export const THANK_YOU: Record<ContactMethod, string> = {
  email: "Merci pour votre intérêt. Nous vous contacterons très bientôt.",
  phone: "Merci pour votre intérêt. Nous vous contacterons très bientôt par téléphone.",
  whatsapp: "Merci pour votre intérêt. Nous vous contacterons très bientôt via WhatsApp.",
};

export const LEAD_STATUS_LABELS = {
  new_request: "Nouvelle demande",
  read: "Lu par le pro",
  replied: "Répondu",
} as const;

export function formatRand(amount: number): string {
  return `R ${formatNumberFr(amount).replace(/\u202f/g, " ")}`;
}

export function formatKm(km: number): string {
  return `${formatNumberFr(km).replace(/\u202f/g, " ")} km`;
}

/** "30 minutes", "1 heure", "3 secondes": how long a buyer stays anonymous. */
export function formatWindow(seconds: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;
  if (seconds >= 3600 && seconds % 3600 === 0) return plural(seconds / 3600, "heure");
  if (seconds >= 60 && seconds % 60 === 0) return plural(seconds / 60, "minute");
  return plural(seconds, "seconde");
}
