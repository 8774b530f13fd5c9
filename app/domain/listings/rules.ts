/**
 * The rules of a listing (seed 002): field validation shared by the form and the JSON API, the
 * status diagram, and the public search filters. Pure module: no server code.
 */
import { z } from "zod";
import { MAX_PHOTOS } from "~/domain/photos/rules";
import { parseDecimal } from "~/utils/input";
import { MAX_SEARCH_PAGE, SEARCH_SORTS } from "./search-options";
import { formatNumberFr } from "~/utils/format-fr";

export const PROPERTY_TYPES = ["appartement", "maison", "terrain", "commerce", "bureau"] as const;
export const TRANSACTION_TYPES = ["vente", "location"] as const;
export const PROPERTY_STATUSES = ["draft", "active", "sold"] as const;
export const RATINGS = ["A", "B", "C", "D", "E", "F", "G"] as const;
export const MAX_PHOTOS_PER_PROPERTY = MAX_PHOTOS;

export type PropertyStatus = (typeof PROPERTY_STATUSES)[number];

// ---- Input normalisation: forms send strings, JSON sends numbers or null.

/** "" (or only spaces) means "no value": null, which clears an optional field. */
function blankToNull(value: unknown) {
  if (typeof value === "string" && value.trim() === "") return null;
  return value;
}

/** Form strings become numbers ("250 000" → 250000, "12,5" → 12.5); other values pass through. */
function toNumber(value: unknown) {
  const blank = blankToNull(value);
  if (typeof blank !== "string") return blank;
  // Linear and length-checked (issue: a long digit string then a letter once froze the server).
  return parseDecimal(blank) ?? blank;
}

function integer(min: number, max: number, message: string) {
  return z.preprocess(
    toNumber,
    z
      .number({ error: message })
      .int({ error: message })
      .min(min, { error: message })
      .max(max, { error: message })
      .nullable(),
  );
}

function decimal(min: number, max: number, message: string) {
  return z.preprocess(
    toNumber,
    z.number({ error: message }).min(min, { error: message }).max(max, { error: message }).nullable(),
  );
}

function optionalText(max: number, message: string) {
  return z.preprocess(
    (v) => (typeof v === "string" ? blankToNull(v.trim()) : v),
    z.string({ error: message }).max(max, { error: message }).nullable(),
  );
}

function rating(label: string) {
  return z.preprocess(
    (v) => (typeof v === "string" ? blankToNull(v.trim().toUpperCase()) : v),
    z.enum(RATINGS, { error: `${label} : choisissez une lettre de A à G.` }).nullable(),
  );
}

const maxBuildingYear = () => new Date().getFullYear() + 5;

/** Fields a pro must give when creating, that can never be emptied afterwards. */
const requiredFields = {
  title: z
    .string({ error: "Indiquez le titre de l’annonce." })
    .trim()
    .min(5, { error: "Le titre doit contenir entre 5 et 140 caractères." })
    .max(140, { error: "Le titre doit contenir entre 5 et 140 caractères." }),
  type: z.enum(PROPERTY_TYPES, { error: "Choisissez le type de bien." }),
  transactionType: z.enum(TRANSACTION_TYPES, { error: "Choisissez vente ou location." }),
  city: z
    .string({ error: "Indiquez la ville." })
    .trim()
    .min(1, { error: "Indiquez la ville." })
    .max(100, { error: "La ville ne doit pas dépasser 100 caractères." }),
  postalCode: z
    .string({ error: "Indiquez le code postal." })
    .trim()
    .regex(/^\d{5}$/, { error: "Le code postal doit comporter 5 chiffres." }),
};

/** Optional fields: null (or "" from a form) clears them. */
const optionalFields = {
  description: optionalText(5000, "La description ne doit pas dépasser 5 000 caractères."),
  price: integer(
    0,
    100_000_000,
    `Le prix doit être un nombre entier d’euros entre 0 et ${formatNumberFr(100_000_000)}.`,
  ),
  surface: decimal(1, 100_000, `La surface doit être comprise entre 1 et ${formatNumberFr(100_000)} m².`),
  rooms: integer(0, 100, "Le nombre de pièces doit être un entier entre 0 et 100."),
  bedrooms: integer(0, 100, "Le nombre de chambres doit être un entier entre 0 et 100."),
  bathrooms: integer(0, 100, "Le nombre de salles de bain doit être un entier entre 0 et 100."),
  floor: integer(-5, 200, "L’étage doit être un entier entre -5 et 200."),
  totalFloors: integer(0, 200, "Le nombre d’étages doit être un entier entre 0 et 200."),
  buildingYear: z.preprocess(
    toNumber,
    z
      .number({ error: "L’année de construction doit être une année valide." })
      .int({ error: "L’année de construction doit être une année valide." })
      .min(1600, { error: "L’année de construction doit être comprise entre 1600 et l’an prochain + 5." })
      .refine((year) => year <= maxBuildingYear(), {
        error: () => `L’année de construction doit être comprise entre 1600 et ${maxBuildingYear()}.`,
      })
      .nullable(),
  ),
  energyRating: rating("DPE"),
  gesRating: rating("GES"),
  address: optionalText(200, "L’adresse ne doit pas dépasser 200 caractères."),
  department: optionalText(100, "Le département ne doit pas dépasser 100 caractères."),
  region: optionalText(100, "La région ne doit pas dépasser 100 caractères."),
  latitude: decimal(-90, 90, "La latitude doit être comprise entre -90 et 90."),
  longitude: decimal(-180, 180, "La longitude doit être comprise entre -180 et 180."),
  status: z.enum(PROPERTY_STATUSES, { error: "Statut inconnu : draft, active ou sold." }).optional(),
};

const photoList = z
  .array(z.string({ error: "Chaque photo doit être un chemin." }).max(300), {
    error: "photos doit être une liste de chemins.",
  })
  .max(MAX_PHOTOS_PER_PROPERTY, { error: `${MAX_PHOTOS_PER_PROPERTY} photos au maximum.` });

function allOptional<T extends Record<string, z.ZodType>>(shape: T) {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };
}

/**
 * Creation: the five required fields, the rest optional. Unknown keys (and `proId`, `slug`,
 * `source`) are dropped by zod's default "strip" behaviour.
 */
export const CreatePropertySchema = z.object({ ...requiredFields, ...allOptional(optionalFields) });

/** Update: only the fields given are written; `photos` may reorder or drop existing photos. */
export const UpdatePropertySchema = z.object({
  ...allOptional(requiredFields),
  ...allOptional(optionalFields),
  photos: photoList.optional(),
});

export type CreatePropertyInput = z.infer<typeof CreatePropertySchema>;
export type UpdatePropertyInput = z.infer<typeof UpdatePropertySchema>;

/** Every field of the listing form (order of the form). */
export const PROPERTY_FORM_FIELDS = [
  ...Object.keys(requiredFields),
  ...Object.keys(optionalFields).filter((k) => k !== "status"),
] as (keyof CreatePropertyInput)[];

type Issue = { field: string; message: string };

/** Rules that involve two fields, checked on the record as it will be saved. */
export function crossFieldIssues(record: {
  rooms?: number | null;
  bedrooms?: number | null;
  floor?: number | null;
  totalFloors?: number | null;
}): Issue[] {
  const issues: Issue[] = [];
  if (record.rooms != null && record.bedrooms != null && record.bedrooms > record.rooms) {
    issues.push({ field: "bedrooms", message: "Le nombre de chambres ne peut pas dépasser le nombre de pièces." });
  }
  if (record.floor != null && record.totalFloors != null && record.floor > record.totalFloors) {
    issues.push({ field: "floor", message: "L’étage ne peut pas dépasser le nombre d’étages de l’immeuble." });
  }
  return issues;
}

// ---- Status diagram (seed 002): draft → active, active → sold, active → draft.

const NEXT_STATUSES: Record<PropertyStatus, readonly PropertyStatus[]> = {
  draft: ["active"],
  active: ["sold", "draft"],
  sold: [],
};

/** "same" is a no-op, "allowed" follows the diagram, "invalid" is a 409 INVALID_TRANSITION. */
export function statusTransition(from: PropertyStatus, to: PropertyStatus): "same" | "allowed" | "invalid" {
  if (from === to) return "same";
  return NEXT_STATUSES[from].includes(to) ? "allowed" : "invalid";
}

/** The statuses a pro can move a listing to from `from` (the edit page's buttons). */
export function nextStatuses(from: PropertyStatus): readonly PropertyStatus[] {
  return NEXT_STATUSES[from];
}

// ---- Public search filters (/properties).

const searchNumber = (min: number, message: string, int = true) =>
  z.preprocess(
    toNumber,
    (int ? z.number({ error: message }).int({ error: message }) : z.number({ error: message }))
      .min(min, { error: message })
      .max(1_000_000_000, { error: message })
      .nullable()
      .optional(),
  );

export const SearchFiltersSchema = z
  .object({
    city: z.preprocess(
      (v) => (typeof v === "string" ? blankToNull(v.trim()) : v),
      z.string().max(100, { error: "La ville ne doit pas dépasser 100 caractères." }).nullable().optional(),
    ),
    type: z.preprocess(blankToNull, z.enum(PROPERTY_TYPES, { error: "Type de bien inconnu." }).nullable().optional()),
    transactionType: z.preprocess(
      blankToNull,
      z.enum(TRANSACTION_TYPES, { error: "Choisissez achat ou location." }).nullable().optional(),
    ),
    minPrice: searchNumber(0, "Le prix minimum doit être un nombre entier positif."),
    maxPrice: searchNumber(0, "Le prix maximum doit être un nombre entier positif."),
    minSurface: searchNumber(0, "La surface minimum doit être un nombre positif.", false),
    minRooms: searchNumber(0, "Le nombre de pièces minimum doit être un entier positif."),
  })
  .superRefine((f, ctx) => {
    if (f.minPrice != null && f.maxPrice != null && f.minPrice > f.maxPrice) {
      ctx.addIssue({
        code: "custom",
        path: ["maxPrice"],
        message: "Le prix maximum doit être supérieur au prix minimum.",
      });
    }
  });

export type SearchFilters = z.infer<typeof SearchFiltersSchema>;
export { SEARCH_FILTER_KEYS } from "./search-options";

/** The order and page number of a result page; a bad value is a 400 with a French message. */
export const SearchPageSchema = z.object({
  sort: z.preprocess(
    (v) => blankToNull(v) ?? "recent",
    z.enum(SEARCH_SORTS, { error: "Ce tri n’existe pas : choisissez-en un dans la liste." }),
  ),
  page: z.preprocess(
    (v) => toNumber(blankToNull(v) ?? 1),
    z
      .number({ error: "Ce numéro de page n’existe pas : reprenez la recherche." })
      .int({ error: "Ce numéro de page n’existe pas : reprenez la recherche." })
      .min(1, { error: "Ce numéro de page n’existe pas : reprenez la recherche." })
      .max(MAX_SEARCH_PAGE, {
        error: `Les résultats s’arrêtent à la page ${MAX_SEARCH_PAGE} : affinez votre recherche.`,
      }),
  ),
});
export type SearchPage = z.infer<typeof SearchPageSchema>;
