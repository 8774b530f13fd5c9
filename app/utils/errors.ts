/**
 * The failures the product knows about (SPEC "HTTP conventions"): a code, an English message for
 * API clients and, for invalid input, one issue per field. Domain modules throw them; the two route
 * adapters (`app/utils/errors.server.ts`) turn them into the SPEC's JSON error or a page's field
 * errors. Pure module: no Remix, no server code.
 */

export type ErrorCode =
  | "UNAUTHORIZED"
  | "CNI_REQUIRED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION_ERROR"
  | "INVALID_FAVORITE"
  | "DUPLICATE"
  | "INVALID_TRANSITION"
  | "INVALID_IMAGE"
  | "TOO_MANY_PHOTOS"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED"
  | "METHOD_NOT_ALLOWED"
  | "INTERNAL";

export const STATUS_OF: Record<ErrorCode, number> = {
  UNAUTHORIZED: 401,
  CNI_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_ERROR: 400,
  INVALID_FAVORITE: 400,
  DUPLICATE: 409,
  INVALID_TRANSITION: 409,
  INVALID_IMAGE: 400,
  TOO_MANY_PHOTOS: 400,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  METHOD_NOT_ALLOWED: 405,
  INTERNAL: 500,
};

export type FieldIssue = { field: string; message: string };

/** A failure the client caused or may learn about; `status` defaults to the code's own. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
    readonly status: number = STATUS_OF[code],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The body could not be read as what the route accepts (wrong or missing type, broken bytes). */
export function unreadableBody(message: string, fieldMessage = message): DomainError {
  return new DomainError("VALIDATION_ERROR", message, [{ field: "body", message: fieldMessage }]);
}
