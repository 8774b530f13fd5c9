import { z } from "zod";
import { isValidEmailAddress } from "~/utils/input";

/**
 * The contact form of a property (seed 001), validated once for the page and the JSON endpoint.
 * Messages are French because visitors read them next to the fields; integrators get the same
 * `{field, message}` details.
 */
export const INQUIRY_LIMITS = {
  nameMin: 2,
  nameMax: 100,
  emailMax: 254,
  phoneDigitsMin: 6,
  phoneDigitsMax: 20,
  messageMin: 10,
  messageMax: 2000,
} as const;

const PHONE_CHARACTERS = /^\+?\d[\d .-]*$/;

/** Form posts send "" for empty inputs; JSON may send null. Both mean "not given". */
const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === "string" && value.trim() === "") ? undefined : value;

/** Trims strings; a blank required field reads as missing, so it gets the "Indiquez…" message. */
const trimmed = (value: unknown) => blankToUndefined(typeof value === "string" ? value.trim() : value);

const target = z
  .object({
    propertyId: z.preprocess(trimmed, z.guid({ error: "L’annonce indiquée n’est pas valide." }).optional()),
    programmeId: z.preprocess(trimmed, z.guid({ error: "Le programme indiqué n’est pas valide." }).optional()),
    lotId: z.preprocess(trimmed, z.guid({ error: "Le lot indiqué n’est pas valide." }).optional()),
  })
  .superRefine((t, ctx) => {
    // Exactly one of a property and a programme; a lot only within a programme.
    if (!t.propertyId === !t.programmeId) {
      ctx.addIssue({
        code: "custom",
        path: ["propertyId"],
        message: "Indiquez soit une annonce (propertyId), soit un programme (programmeId).",
      });
    }
    if (t.lotId && !t.programmeId) {
      ctx.addIssue({ code: "custom", path: ["lotId"], message: "Un lot se demande avec son programme (programmeId)." });
    }
  });

const sender = z.object({
  senderName: z.preprocess(
    trimmed,
    z
      .string({ error: "Indiquez votre nom." })
      .min(INQUIRY_LIMITS.nameMin, { error: "Votre nom doit contenir au moins 2 caractères." })
      .max(INQUIRY_LIMITS.nameMax, { error: "Votre nom ne doit pas dépasser 100 caractères." }),
  ),
  senderEmail: z.preprocess(
    trimmed,
    z
      .string({ error: "Indiquez votre adresse e-mail." })
      .max(INQUIRY_LIMITS.emailMax, { error: "L’adresse e-mail ne doit pas dépasser 254 caractères.", abort: true })
      .refine(isValidEmailAddress, { error: "Indiquez une adresse e-mail valide (par exemple nom@exemple.fr)." }),
  ),
  senderPhone: z.preprocess(
    trimmed,
    z
      .string({ error: "Le numéro de téléphone n’est pas valide." })
      .max(40, { error: "Le numéro de téléphone n’est pas valide.", abort: true })
      .refine((phone) => PHONE_CHARACTERS.test(phone), {
        error: "Le numéro ne peut contenir que des chiffres, un + initial, des espaces, des points ou des tirets.",
        abort: true, // one message per field: the digit count means nothing for "appelez-moi"
      })
      .refine(
        (phone) => {
          const digits = phone.replace(/\D/g, "").length;
          return digits >= INQUIRY_LIMITS.phoneDigitsMin && digits <= INQUIRY_LIMITS.phoneDigitsMax;
        },
        { error: "Le numéro de téléphone doit compter entre 6 et 20 chiffres." },
      )
      .optional(),
  ),
  message: z.preprocess(
    trimmed,
    z
      .string({ error: "Écrivez votre message." })
      .min(INQUIRY_LIMITS.messageMin, { error: "Votre message doit contenir au moins 10 caractères." })
      .max(INQUIRY_LIMITS.messageMax, { error: "Votre message ne doit pas dépasser 2000 caractères." }),
  ),
  /** Honeypot: hidden from people, filled by bots. Checked after validation (seed 001). */
  website: z.unknown().optional(),
});

/**
 * An inquiry about a property (`propertyId`) or a programme (`programmeId`, optionally `lotId`),
 * never both. Every field's errors are reported at once.
 */
export const inquirySchema = z.intersection(target, sender);

export type InquiryInput = z.infer<typeof inquirySchema>;

/** A non-empty honeypot means a bot: answer as if it worked, keep nothing. */
export function isHoneypotFilled(website: unknown): boolean {
  if (website === undefined || website === null || website === false) return false;
  return String(website).trim() !== "";
}

/** The fields a form re-displays after an error (never the honeypot). */
export const INQUIRY_FORM_FIELDS = [
  "propertyId",
  "programmeId",
  "lotId",
  "senderName",
  "senderEmail",
  "senderPhone",
  "message",
] as const;

export type InquiryFormValues = Partial<Record<(typeof INQUIRY_FORM_FIELDS)[number], string>>;

export function formValuesOf(raw: Record<string, unknown>): InquiryFormValues {
  const values: InquiryFormValues = {};
  for (const field of INQUIRY_FORM_FIELDS) {
    const value = raw[field];
    if (typeof value === "string") values[field] = value.slice(0, 4000);
  }
  return values;
}
