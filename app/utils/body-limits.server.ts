import { MAX_PHOTOS_PER_PROPERTY } from "~/domain/listings/rules";

/**
 * How much of a request body the server reads (SPEC "Robustness against hostile input"). The
 * production server counts bytes as they arrive, whatever the transfer encoding, and answers 413
 * as soon as a cap is passed, without reading the rest (docs/decisions/017).
 */
export const MAX_FORM_BYTES = 1024 * 1024;
export const MAX_UPLOAD_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_MULTIPART_PARTS = 50;

/** Room for the fields and part headers that travel with the files of an upload. */
const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

/** The only routes whose multipart bodies may carry files, and how many files each takes. */
const UPLOAD_ROUTES: { pattern: RegExp; maxFiles: number }[] = [
  { pattern: /^\/pro\/(?:properties|vehicles|programmes)\/[^/]+\/photos$/, maxFiles: MAX_PHOTOS_PER_PROPERTY },
  { pattern: /^\/pro\/identity$/, maxFiles: 1 },
];

export type BodyLimit = { maxBytes: number; maxParts: number };

/** The cap for one request's body: 1 MB, except multipart bodies sent to an upload route. */
export function bodyLimitFor(pathname: string, contentType: string | undefined): BodyLimit {
  const multipart = /^multipart\/form-data\b/i.test(contentType ?? "");
  const upload = multipart ? UPLOAD_ROUTES.find((route) => route.pattern.test(pathname)) : undefined;
  if (!upload) return { maxBytes: MAX_FORM_BYTES, maxParts: MAX_MULTIPART_PARTS };
  return {
    maxBytes: upload.maxFiles * MAX_UPLOAD_FILE_BYTES + MULTIPART_OVERHEAD_BYTES,
    maxParts: MAX_MULTIPART_PARTS,
  };
}
