/**
 * The rules of a dealership's vehicles (SPEC "Dealerships manage their vehicles"): the field
 * validation shared by the form and the JSON API. Province and city are
 * checked against the master data by the server module with seed 004's matching rules.
 * Pure module: no server code.
 */
import { z } from "zod";
import { FUELS, maxVehicleYear, MIN_YEAR, TRANSMISSIONS, VEHICLE_STATUSES } from "./vocabulary";

// The vocabulary (statuses, labels, sorts, the status diagram) lives in a module without zod, so
// that the pages which only show vehicles do not ship the validation to the browser.
export * from "./vocabulary";

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const trimmed = (value: unknown) => blank(typeof value === "string" ? value.trim() : value);
const clearable = (value: unknown) =>
  value === null ? null : typeof value === "string" ? value.trim() || null : value;
const lower = (value: unknown) => (typeof value === "string" ? trimmed(value.toLowerCase()) : value);

/** Form strings become integers ("350 000" → 350000); anything else passes through for zod to judge. */
function toInteger(value: unknown) {
  const v = blank(value);
  if (typeof v !== "string") return v;
  const cleaned = v.replace(/\s/g, "");
  return /^\d{1,12}$/.test(cleaned) ? Number(cleaned) : v;
}

function int(min: number, max: () => number, message: () => string) {
  return z.preprocess(
    toInteger,
    z
      .number({ error: message })
      .int({ error: message })
      .min(min, { error: message })
      .refine((n) => n <= max(), { error: message }),
  );
}

const required = {
  make: z.preprocess(
    trimmed,
    z.string({ error: "Indiquez la marque." }).max(60, { error: "La marque ne doit pas dépasser 60 caractères." }),
  ),
  model: z.preprocess(
    trimmed,
    z.string({ error: "Indiquez le modèle." }).max(60, { error: "Le modèle ne doit pas dépasser 60 caractères." }),
  ),
  year: int(MIN_YEAR, maxVehicleYear, () => `L’année doit être comprise entre ${MIN_YEAR} et ${maxVehicleYear()}.`),
  price: z.preprocess(
    toInteger,
    z
      .number({ error: "Le prix doit être un nombre entier de rands supérieur à 0." })
      .int({ error: "Le prix doit être un nombre entier de rands supérieur à 0." })
      .gt(0, { error: "Le prix doit être un nombre entier de rands supérieur à 0." })
      .max(1_000_000_000, { error: "Le prix ne doit pas dépasser 1 000 000 000 R." }),
  ),
  mileage: int(
    0,
    () => 5_000_000,
    () => "Le kilométrage doit être un nombre entier de 0 à 5 000 000.",
  ),
  fuel: z.preprocess(lower, z.enum(FUELS, { error: "Choisissez le carburant." })),
  transmission: z.preprocess(lower, z.enum(TRANSMISSIONS, { error: "Choisissez la boîte de vitesses." })),
  province: z.preprocess(
    trimmed,
    z.string({ error: "Choisissez une province." }).max(100, { error: "Choisissez une province de la liste." }),
  ),
  city: z.preprocess(
    trimmed,
    z.string({ error: "Choisissez une ville." }).max(100, { error: "Choisissez une ville de la liste." }),
  ),
};

const optionalFields = {
  description: z.preprocess(
    clearable,
    z
      .string({ error: "La description doit être du texte." })
      .max(5000, { error: "La description ne doit pas dépasser 5 000 caractères." })
      .nullable(),
  ),
  colour: z.preprocess(
    clearable,
    z
      .string({ error: "La couleur doit être du texte." })
      .max(40, { error: "La couleur ne doit pas dépasser 40 caractères." })
      .nullable(),
  ),
  status: z.enum(VEHICLE_STATUSES, { error: "Statut inconnu : draft, active ou sold." }),
};

const optional = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };

/** Creation: every field of `required`; unknown keys (proId, id, photos) are dropped. */
export const CreateVehicleSchema = z.object({ ...required, ...optional(optionalFields) });
/** Update: only the fields given are written (province and city are checked together). */
export const UpdateVehicleSchema = z.object({ ...optional(required), ...optional(optionalFields) });
export type CreateVehicleInput = z.infer<typeof CreateVehicleSchema>;
export type UpdateVehicleInput = z.infer<typeof UpdateVehicleSchema>;
