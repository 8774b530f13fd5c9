/**
 * What the public search offers, without validation code (docs/decisions/041): the result pages
 * import these labels, so the browser never downloads zod or the listing rules for them.
 */
export const SEARCH_FILTER_KEYS = [
  "city",
  "type",
  "transactionType",
  "minPrice",
  "maxPrice",
  "minSurface",
  "minRooms",
] as const;

export const SEARCH_SORTS = ["recent", "price-asc", "price-desc", "surface-desc"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SORT_LABELS: Record<SearchSort, string> = {
  recent: "Plus récentes",
  "price-asc": "Prix croissant",
  "price-desc": "Prix décroissant",
  "surface-desc": "Plus grande surface",
};

export const SEARCH_PAGE_SIZE = 24;
/** Page numbers stop here: past 50 pages a visitor narrows the search rather than paging on. */
export const MAX_SEARCH_PAGE = 50;
