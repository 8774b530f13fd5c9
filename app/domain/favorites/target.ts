import { z } from "zod";
import { DomainError, type FieldIssue } from "~/utils/http.server";

/**
 * Seed 003's addFavoriteSchema. Strict: an unknown field is a VALIDATION_ERROR rather than
 * silently ignored (docs/decisions/010). `null` counts as absent, so a client can echo the
 * `{programmeId, lotId}` pair it received from GET /pro/favorites.
 */
export const addFavoriteSchema = z.strictObject({
  programmeId: z.uuid({ error: "programmeId must be a UUID" }).nullish(),
  lotId: z.uuid({ error: "lotId must be a UUID" }).nullish(),
});

export type FavoriteTarget = { programmeId: string; lotId?: undefined } | { lotId: string; programmeId?: undefined };

/** Validates a request body into exactly one target, or throws the SPEC's DomainError. */
export function parseFavoriteTarget(body: unknown): FavoriteTarget {
  const parsed = addFavoriteSchema.safeParse(body);
  if (!parsed.success) {
    const details: FieldIssue[] = [];
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) details.push({ field: key, message: "Unknown field" });
      } else {
        details.push({ field: issue.path.length ? issue.path.join(".") : "body", message: issue.message });
      }
    }
    throw new DomainError("VALIDATION_ERROR", "Invalid favorite", details);
  }
  const { programmeId, lotId } = parsed.data;
  if (programmeId && !lotId) return { programmeId };
  if (lotId && !programmeId) return { lotId };
  throw new DomainError("INVALID_FAVORITE", "Provide exactly one of programmeId or lotId");
}
