/**
 * Reads a result page's query string: filters, order and page number. A `.server` module on
 * purpose: the route's component never needs the validation rules, and Remix keeps this file
 * (and zod with it) out of the browser bundle (docs/decisions/041).
 */
import { fieldErrors, fieldIssues } from "~/utils/http.server";
import { SearchFiltersSchema, SearchPageSchema } from "./rules";
import { SEARCH_FILTER_KEYS } from "./search-options";

export function filterValuesOf(searchParams: URLSearchParams) {
  return Object.fromEntries(SEARCH_FILTER_KEYS.map((k) => [k, searchParams.get(k) ?? ""])) as Record<
    (typeof SEARCH_FILTER_KEYS)[number],
    string
  >;
}

export function parseSearch(searchParams: URLSearchParams) {
  const values = filterValuesOf(searchParams);
  const filters = SearchFiltersSchema.safeParse(values);
  const paging = SearchPageSchema.safeParse({
    sort: searchParams.get("sort") ?? "",
    page: searchParams.get("page") ?? "",
  });
  if (filters.success && paging.success) {
    return { ok: true as const, values, filters: filters.data, ...paging.data };
  }
  const issues = [
    ...(filters.error ? fieldIssues(filters.error) : []),
    ...(paging.error ? fieldIssues(paging.error) : []),
  ];
  return { ok: false as const, values, sort: paging.data?.sort ?? "recent", errors: fieldErrors(issues) };
}
