/**
 * Seed 004's contact request rules (SPEC "Multi-vehicle contact requests"), as pure functions so
 * that the JSON endpoint and the HTML form share them and unit tests need no database.
 *
 * Two phases: `parseContactRequest` checks the shape of every field and collects every error;
 * `resolveReferences` then checks province, city and vehicles against what the database holds.
 * Nothing stops at the first error: the contract wants all of them at once.
 */

import { isValidEmailAddress } from "~/utils/input";

export const CONTACT_METHODS = ["email", "phone", "whatsapp"] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const MAX_VEHICLES = 4;
export const FULL_NAME_MIN = 2;
export const FULL_NAME_MAX = 255;
export const COMMENTS_MAX = 1000;
export const EMAIL_MAX = 254;

export type ErrorCode =
  | "REQUIRED"
  | "INVALID_FULL_NAME"
  | "INVALID_EMAIL"
  | "INVALID_PHONE"
  | "INVALID_PROVINCE"
  | "INVALID_CITY"
  | "INVALID_CONTACT_METHOD"
  | "COMMENTS_TOO_LONG"
  | "INVALID_COMMENTS"
  | "NO_VEHICLES_SELECTED"
  | "TOO_MANY_VEHICLES"
  | "INVALID_VEHICLE_ID"
  | "VEHICLE_NOT_FOUND"
  | "DUPLICATE_VEHICLE";

export type ValidationError = { field: string; message: string; code: ErrorCode };

/** The contract's field order: errors are reported in it. */
export const FIELDS = [
  "fullName",
  "email",
  "phone",
  "province",
  "city",
  "preferredContactMethod",
  "additionalComments",
  "selectedVehicles",
] as const;
export type FieldName = (typeof FIELDS)[number];

const LABELS: Record<FieldName, string> = {
  fullName: "Full name",
  email: "Email",
  phone: "Phone",
  province: "Province",
  city: "City",
  preferredContactMethod: "Preferred contact method",
  additionalComments: "Additional comments",
  selectedVehicles: "Selected vehicles",
};

export const MESSAGES = {
  INVALID_FULL_NAME: `Full name must be ${FULL_NAME_MIN}-${FULL_NAME_MAX} characters and contain only letters, spaces, apostrophes and hyphens`,
  INVALID_EMAIL: "Please enter a valid email address",
  INVALID_PHONE: "Phone number must include country code (e.g., +27)",
  INVALID_PROVINCE: "Please select a valid province",
  INVALID_CITY: "Please select a valid city in the selected province",
  INVALID_CONTACT_METHOD: "Preferred contact method must be one of: email, phone, whatsapp",
  COMMENTS_TOO_LONG: `Additional comments must be ${COMMENTS_MAX} characters or fewer`,
  INVALID_COMMENTS: "Additional comments must be text",
  NO_VEHICLES_SELECTED: "Please select at least one vehicle",
  TOO_MANY_VEHICLES: `You can select up to ${MAX_VEHICLES} vehicles`,
  INVALID_VEHICLE_ID: "Vehicle ID must be a positive integer",
} as const;

export function requiredMessage(field: FieldName) {
  return `${LABELS[field]} is required`;
}
export function vehicleNotFoundMessage(id: number) {
  return `Vehicle ${id} was not found or is no longer available`;
}
export function duplicateVehicleMessage(id: number) {
  return `Vehicle ${id} is selected more than once`;
}

export const SUCCESS_MESSAGES: Record<ContactMethod, string> = {
  email: "Thank you for your interest. We'll contact you shortly.",
  phone: "Thank you for your interest. We'll contact you by phone shortly.",
  whatsapp: "Thank you for your interest. We'll contact you via WhatsApp shortly.",
};

// ---- Single-field rules.

/**
 * Letters of any alphabet (with their combining marks), spaces, apostrophes (' and ’) and
 * hyphens, with at least one letter: "José Müller-O'Neil" and "Zoë Nakamura-Ōta" pass.
 */
const NAME_CHARS = /^[\p{L}\p{M} '’-]+$/u;
const HAS_LETTER = /\p{L}/u;

export function isValidFullName(trimmed: string): boolean {
  if (trimmed.length > FULL_NAME_MAX * 2) return false; // two UTF-16 units per character at most
  const length = [...trimmed].length;
  return length >= FULL_NAME_MIN && length <= FULL_NAME_MAX && NAME_CHARS.test(trimmed) && HAS_LETTER.test(trimmed);
}

/** The product's one e-mail rule (strict: nothing that would change a `mailto:` link). */
export function isValidEmail(trimmed: string): boolean {
  return trimmed.length <= EMAIL_MAX && isValidEmailAddress(trimmed);
}

const E164 = /^\+[1-9]\d{1,14}$/;

/** Strips spaces, dots, dashes and brackets, then checks E.164. Returns the normalized number or null. */
export function normalizePhone(raw: string): string | null {
  if (raw.length > 64) return null;
  const compact = raw.replace(/[\s.\-–()[\]]/g, "");
  return E164.test(compact) ? compact : null;
}

/** A positive integer: a JSON integer, or a string of digits (what an HTML form sends). */
export function parseVehicleId(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isSafeInteger(raw) && raw > 0 ? raw : null;
  if (typeof raw === "string" && /^[1-9]\d{0,15}$/.test(raw.trim())) {
    const id = Number(raw.trim());
    return Number.isSafeInteger(id) ? id : null;
  }
  return null;
}

/** Case- and accent-form-insensitive key for master-data matching. */
export function matchKey(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

// ---- Phase 1: shape.

export type ParsedRequest = {
  fullName: string;
  email: string;
  phone: string;
  province: string;
  city: string;
  preferredContactMethod: ContactMethod | null;
  additionalComments: string | null;
  /** Valid, de-duplicated ids in the order given (empty when the list itself is wrong). */
  vehicleIds: { index: number; id: number }[];
};

export function parseContactRequest(body: Record<string, unknown>): {
  values: ParsedRequest;
  errors: ValidationError[];
} {
  const errors: ValidationError[] = [];
  const add = (field: string, code: ErrorCode, message: string) => errors.push({ field, code, message });

  /** A required text field: missing/blank → REQUIRED, wrong type → the field's own code. */
  function text(field: FieldName, invalid: ErrorCode, invalidMessage: string): string | null {
    const raw = body[field];
    if (raw === undefined || raw === null) return (add(field, "REQUIRED", requiredMessage(field)), null);
    if (typeof raw !== "string") return (add(field, invalid, invalidMessage), null);
    const trimmed = raw.trim();
    if (!trimmed) return (add(field, "REQUIRED", requiredMessage(field)), null);
    return trimmed;
  }

  const values: ParsedRequest = {
    fullName: "",
    email: "",
    phone: "",
    province: "",
    city: "",
    preferredContactMethod: null,
    additionalComments: null,
    vehicleIds: [],
  };

  const fullName = text("fullName", "INVALID_FULL_NAME", MESSAGES.INVALID_FULL_NAME);
  if (fullName !== null) {
    if (isValidFullName(fullName)) values.fullName = fullName;
    else add("fullName", "INVALID_FULL_NAME", MESSAGES.INVALID_FULL_NAME);
  }

  const email = text("email", "INVALID_EMAIL", MESSAGES.INVALID_EMAIL);
  if (email !== null) {
    if (isValidEmail(email)) values.email = email;
    else add("email", "INVALID_EMAIL", MESSAGES.INVALID_EMAIL);
  }

  const phone = text("phone", "INVALID_PHONE", MESSAGES.INVALID_PHONE);
  if (phone !== null) {
    const normalized = normalizePhone(phone);
    if (normalized) values.phone = normalized;
    else add("phone", "INVALID_PHONE", MESSAGES.INVALID_PHONE);
  }

  const province = text("province", "INVALID_PROVINCE", MESSAGES.INVALID_PROVINCE);
  if (province !== null) values.province = province;
  const city = text("city", "INVALID_CITY", MESSAGES.INVALID_CITY);
  if (city !== null) values.city = city;

  const method = text("preferredContactMethod", "INVALID_CONTACT_METHOD", MESSAGES.INVALID_CONTACT_METHOD);
  if (method !== null) {
    const lower = method.toLowerCase();
    if ((CONTACT_METHODS as readonly string[]).includes(lower)) values.preferredContactMethod = lower as ContactMethod;
    else add("preferredContactMethod", "INVALID_CONTACT_METHOD", MESSAGES.INVALID_CONTACT_METHOD);
  }

  const comments = body.additionalComments;
  if (comments !== undefined && comments !== null) {
    if (typeof comments !== "string") add("additionalComments", "INVALID_COMMENTS", MESSAGES.INVALID_COMMENTS);
    else {
      const trimmed = comments.trim();
      if ([...trimmed].length > COMMENTS_MAX)
        add("additionalComments", "COMMENTS_TOO_LONG", MESSAGES.COMMENTS_TOO_LONG);
      else values.additionalComments = trimmed || null;
    }
  }

  const list = body.selectedVehicles;
  if (list === undefined || list === null || (Array.isArray(list) && list.length === 0) || !Array.isArray(list)) {
    add("selectedVehicles", "NO_VEHICLES_SELECTED", MESSAGES.NO_VEHICLES_SELECTED);
  } else if (list.length > MAX_VEHICLES) {
    add("selectedVehicles", "TOO_MANY_VEHICLES", MESSAGES.TOO_MANY_VEHICLES);
  } else {
    const seen = new Set<number>();
    list.forEach((item, index) => {
      const field = `selectedVehicles[${index}].vehicleId`;
      const raw =
        item && typeof item === "object" && !Array.isArray(item) ? (item as { vehicleId?: unknown }).vehicleId : item;
      const id = parseVehicleId(raw);
      if (id === null) return add(field, "INVALID_VEHICLE_ID", MESSAGES.INVALID_VEHICLE_ID);
      if (seen.has(id)) return add(field, "DUPLICATE_VEHICLE", duplicateVehicleMessage(id));
      seen.add(id);
      values.vehicleIds.push({ index, id });
    });
  }

  return { values, errors };
}

// ---- Phase 2: references to master data and vehicles.

export type ProvinceRef = { name: string; cities: string[] };
export type VehicleRef = {
  id: number;
  proId: string;
  make: string;
  model: string;
  year: number;
  price: number;
  status: "draft" | "active" | "sold";
};

export type ValidRequest = Omit<ParsedRequest, "preferredContactMethod" | "vehicleIds"> & {
  preferredContactMethod: ContactMethod;
  vehicles: VehicleRef[];
};

/**
 * Province and city match case-insensitively and are replaced by their canonical names; a city
 * must belong to the province. A vehicle must exist and be active (a draft or sold one is
 * VEHICLE_NOT_FOUND too: it can no longer be inquired about).
 */
export function resolveReferences(
  parsed: { values: ParsedRequest; errors: ValidationError[] },
  provinces: ProvinceRef[],
  vehicles: VehicleRef[],
): { ok: true; request: ValidRequest } | { ok: false; errors: ValidationError[] } {
  const errors = [...parsed.errors];
  const { values } = parsed;
  let province = "";
  let city = "";

  if (values.province) {
    const found = provinces.find((p) => matchKey(p.name) === matchKey(values.province));
    if (found) province = found.name;
    else errors.push({ field: "province", code: "INVALID_PROVINCE", message: MESSAGES.INVALID_PROVINCE });
  }
  if (values.city) {
    const key = matchKey(values.city);
    const inProvince = province
      ? provinces.find((p) => p.name === province)!.cities.find((c) => matchKey(c) === key)
      : undefined;
    if (inProvince) city = inProvince;
    // Without a valid province, only a city unknown everywhere is reported (the province error explains the rest).
    else if (province || !provinces.some((p) => p.cities.some((c) => matchKey(c) === key))) {
      errors.push({ field: "city", code: "INVALID_CITY", message: MESSAGES.INVALID_CITY });
    }
  }

  const byId = new Map(vehicles.map((v) => [v.id, v]));
  const chosen: VehicleRef[] = [];
  for (const { index, id } of values.vehicleIds) {
    const vehicle = byId.get(id);
    if (!vehicle || vehicle.status !== "active") {
      errors.push({
        field: `selectedVehicles[${index}].vehicleId`,
        code: "VEHICLE_NOT_FOUND",
        message: vehicleNotFoundMessage(id),
      });
    } else chosen.push(vehicle);
  }

  if (errors.length) return { ok: false, errors: sortErrors(errors) };
  return {
    ok: true,
    request: {
      fullName: values.fullName,
      email: values.email,
      phone: values.phone,
      province,
      city,
      preferredContactMethod: values.preferredContactMethod!,
      additionalComments: values.additionalComments,
      vehicles: chosen,
    },
  };
}

function fieldRank(field: string): number {
  const base = formFieldOf(field);
  const rank = FIELDS.indexOf(base);
  return rank < 0 ? FIELDS.length : rank;
}

/** Contract field order, then vehicle index order (stable). */
export function sortErrors(errors: ValidationError[]): ValidationError[] {
  const vehicleIndex = (field: string) => Number(/^selectedVehicles\[(\d+)\]/.exec(field)?.[1] ?? -1);
  return errors
    .map((error, position) => ({ error, position }))
    .sort(
      (a, b) =>
        fieldRank(a.error.field) - fieldRank(b.error.field) ||
        vehicleIndex(a.error.field) - vehicleIndex(b.error.field) ||
        a.position - b.position,
    )
    .map(({ error }) => error);
}

/** The form's field for an error (`selectedVehicles[2].vehicleId` → `selectedVehicles`). */
export function formFieldOf(field: string): FieldName {
  const bracket = field.indexOf("[");
  return (bracket < 0 ? field : field.slice(0, bracket)) as FieldName;
}
