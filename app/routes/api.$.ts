import { apiError } from "~/utils/http.server";

/** Unknown /api/... paths answer the SPEC's JSON 404, whatever the method. */
export function loader() {
  return apiError("NOT_FOUND", "Unknown API endpoint");
}

export function action() {
  return apiError("NOT_FOUND", "Unknown API endpoint");
}
