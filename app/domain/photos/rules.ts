/** Photo limits shared by properties, vehicles and programmes (SPEC: same pipeline and limits). */
export const PHOTO_KINDS = ["property", "vehicle", "programme"] as const;
export type PhotoKind = (typeof PHOTO_KINDS)[number];

export const MAX_PHOTOS = 30;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
