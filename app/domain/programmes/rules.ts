/**
 * The rules of a developer's programmes and lots (SPEC "Developers manage their programmes and
 * lots"): validation shared by the forms and the JSON API, and the programme status diagram.
 * Pure module: no server code.
 */
import { z } from "zod";

export const PROGRAMME_STATUSES = ["draft", "active", "archived"] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
export const LOT_TYPES = ["studio", "T1", "T2", "T3", "T4", "T5", "maison"] as const;
export const LOT_STATUSES = ["disponible", "reserve", "vendu"] as const;

/** "" (or only spaces) means "no value". */
const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const trimmed = (value: unknown) => blank(typeof value === "string" ? value.trim() : value);
/** Optional text: "" or null clears it. */
const clearable = (value: unknown) =>
  value === null ? null : typeof value === "string" ? value.trim() || null : value;

/** Form strings become numbers ("250 000" → 250000, "12,5" → 12.5); anything else passes through. */
function toNumber(value: unknown) {
  const v = blank(value);
  if (typeof v !== "string") return v;
  const cleaned = v.replace(/[\s€]/g, "").replace(",", ".");
  if (!/^\d{1,12}(?:\.\d{1,4})?$/.test(cleaned)) return v;
  return Number(cleaned);
}

/** Checkbox ("on"), "true"/"false", "1"/"0" or a JSON boolean. */
function toBoolean(value: unknown) {
  if (typeof value === "boolean") return value;
  if (value === "on" || value === "true" || value === "1") return true;
  if (value === "false" || value === "0" || value === "") return false;
  return value;
}

const programmeRequired = {
  name: z.preprocess(
    trimmed,
    z
      .string({ error: "Indiquez le nom du programme." })
      .min(2, { error: "Le nom doit contenir entre 2 et 120 caractères." })
      .max(120, { error: "Le nom doit contenir entre 2 et 120 caractères." }),
  ),
  ville: z.preprocess(
    trimmed,
    z.string({ error: "Indiquez la ville." }).max(100, { error: "La ville ne doit pas dépasser 100 caractères." }),
  ),
  postalCode: z.preprocess(
    trimmed,
    z
      .string({ error: "Indiquez le code postal." })
      .regex(/^\d{5}$/, { error: "Le code postal doit comporter 5 chiffres." }),
  ),
  description: z.preprocess(
    trimmed,
    z
      .string({ error: "Décrivez le programme." })
      .max(5000, { error: "La description ne doit pas dépasser 5 000 caractères." }),
  ),
};

const programmeOptional = {
  address: z.preprocess(
    clearable,
    z
      .string({ error: "L’adresse doit être du texte." })
      .max(200, { error: "L’adresse ne doit pas dépasser 200 caractères." })
      .nullable(),
  ),
  deliveryDate: z.preprocess(
    (v) => (typeof v === "string" ? clearable(v.toUpperCase()) : clearable(v)),
    z
      .string({ error: "La livraison s’écrit année-trimestre, par exemple 2027-T4." })
      .regex(/^20\d\d-T[1-4]$/, { error: "La livraison s’écrit année-trimestre, par exemple 2027-T4." })
      .nullable(),
  ),
  status: z.enum(PROGRAMME_STATUSES, { error: "Statut inconnu : draft, active ou archived." }),
};

const optional = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };

/** Creation: name, ville, postalCode and description required. Unknown keys (prixMin, prixMax, slug, proId) are dropped. */
export const CreateProgrammeSchema = z.object({ ...programmeRequired, ...optional(programmeOptional) });
/** Update: only the fields given are written. */
export const UpdateProgrammeSchema = z.object({ ...optional(programmeRequired), ...optional(programmeOptional) });
export type CreateProgrammeInput = z.infer<typeof CreateProgrammeSchema>;
export type UpdateProgrammeInput = z.infer<typeof UpdateProgrammeSchema>;

const lotRequired = {
  reference: z.preprocess(
    trimmed,
    z
      .string({ error: "Indiquez la référence du lot." })
      .max(30, { error: "La référence ne doit pas dépasser 30 caractères." }),
  ),
  type: z.preprocess(trimmed, z.enum(LOT_TYPES, { error: "Choisissez le type : studio, T1 à T5 ou maison." })),
  surface: z.preprocess(
    toNumber,
    z
      .number({ error: "La surface doit être un nombre de m² supérieur à 0." })
      .gt(0, { error: "La surface doit être un nombre de m² supérieur à 0." })
      .max(10_000, { error: "La surface ne doit pas dépasser 10 000 m²." }),
  ),
  price: z.preprocess(
    toNumber,
    z
      .number({ error: "Le prix doit être un nombre entier d’euros supérieur à 0." })
      .int({ error: "Le prix doit être un nombre entier d’euros supérieur à 0." })
      .gt(0, { error: "Le prix doit être un nombre entier d’euros supérieur à 0." })
      .max(100_000_000, { error: "Le prix ne doit pas dépasser 100 000 000 €." }),
  ),
};

const lotOptional = {
  status: z.preprocess(trimmed, z.enum(LOT_STATUSES, { error: "Statut inconnu : disponible, reserve ou vendu." })),
  isComplete: z.preprocess(toBoolean, z.boolean({ error: "isComplete doit être vrai ou faux." })),
};

export const CreateLotSchema = z.object({ ...lotRequired, ...optional(lotOptional) });
export const UpdateLotSchema = z.object({ ...optional(lotRequired), ...optional(lotOptional) });
export type CreateLotInput = z.infer<typeof CreateLotSchema>;
export type UpdateLotInput = z.infer<typeof UpdateLotSchema>;

// ---- Status diagram: draft → active, active → archived, archived → active, active → draft.

const NEXT: Record<ProgrammeStatus, readonly ProgrammeStatus[]> = {
  draft: ["active"],
  active: ["archived", "draft"],
  archived: ["active"],
};

export function programmeTransition(from: ProgrammeStatus, to: ProgrammeStatus): "same" | "allowed" | "invalid" {
  if (from === to) return "same";
  return NEXT[from].includes(to) ? "allowed" : "invalid";
}

export function nextProgrammeStatuses(from: ProgrammeStatus): readonly ProgrammeStatus[] {
  return NEXT[from];
}

export const PROGRAMME_STATUS_LABELS: Record<ProgrammeStatus, string> = {
  draft: "Brouillon",
  active: "Programme en ligne",
  archived: "Archivé",
};

export const PROGRAMME_STATUS_ACTIONS: Record<ProgrammeStatus, string> = {
  active: "Publier le programme",
  archived: "Archiver",
  draft: "Repasser en brouillon",
};

export const PROGRAMME_FIELD_LABELS: Record<string, string> = {
  name: "Nom du programme",
  ville: "Ville",
  postalCode: "Code postal",
  address: "Adresse",
  deliveryDate: "Livraison (année-trimestre)",
  description: "Description",
};

export const LOT_FIELD_LABELS: Record<string, string> = {
  reference: "Référence",
  type: "Type",
  surface: "Surface (m²)",
  price: "Prix (€)",
  status: "Statut",
  isComplete: "Dossier complet",
};
