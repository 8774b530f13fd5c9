import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import {
  ErrorSummary,
  Field,
  FilterPanel,
  formatNumberFr,
  ListingGrid,
  MAX_SEARCH_PAGE,
  Pagination,
  PROPERTY_TYPE_LABELS,
  SEARCH_FILTER_KEYS,
  SEARCH_PAGE_SIZE,
  SEARCH_SORTS,
  type SearchSort,
  SelectField,
  seoMeta,
  siteOrigin,
  SORT_LABELS,
} from "~/kit";
import { activeCityFacets, searchActiveProperties, type ListingCard } from "~/domain/listings/listings.server";
import { parseSearch } from "~/domain/listings/search.server";
import { contactedListings } from "~/utils/contacted.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const city = data?.values.city;
  const page = data?.page ?? 1;
  const title = `${city ? `Annonces immobilières à ${city}` : "Annonces immobilières"}${page > 1 ? ` — page ${page}` : ""} — Vitrine`;
  return seoMeta({
    origin: siteOrigin(matches),
    // Filters and order are part of the address people share; only the page number is not canonical.
    path: location.pathname + location.search.replace(/([?&])page=\d+&?/, "$1").replace(/[?&]$/, ""),
    title,
    description:
      "Appartements, maisons, terrains, commerces et bureaux à vendre ou à louer, publiés par des professionnels vérifiés.",
  });
};

const FILTER_LABELS: Record<string, string> = {
  city: "Ville",
  type: "Type de bien",
  transactionType: "Projet",
  minPrice: "Prix minimum",
  maxPrice: "Prix maximum",
  minSurface: "Surface minimum",
  minRooms: "Pièces minimum",
  sort: "Tri",
  page: "Page",
};

/**
 * /properties — active listings filtered by the query string, in the chosen order, with numbered
 * pages (docs/decisions/041). Every link keeps the filters. Invalid filters show French messages
 * (status 400), never a 500. Listings this browser already asked about are marked.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const search = parseSearch(new URL(request.url).searchParams);
  const [cities, contacted] = await Promise.all([activeCityFacets(), contactedListings(request)]);
  const base = { values: search.values, sort: search.sort as SearchSort, cities };
  if (!search.ok) {
    const noResults: ListingCard[] = [];
    const noIds: string[] = [];
    return json(
      { ...base, errors: search.errors, results: noResults, total: 0, page: 1, pageCount: 1, contacted: noIds },
      { status: 400 },
    );
  }
  const found = await searchActiveProperties(search.filters, {
    sort: search.sort,
    page: search.page,
    limit: SEARCH_PAGE_SIZE,
  });
  return json({
    ...base,
    errors: null,
    results: found.data,
    total: found.total,
    page: search.page,
    pageCount: Math.min(found.pageCount, MAX_SEARCH_PAGE),
    contacted: found.data.filter((p) => contacted.has(p.id)).map((p) => p.id),
  });
}

function searchHref(values: Record<string, string>, extra: Record<string, string | number>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...extra })) {
    if (value && !(key === "sort" && value === "recent") && !(key === "page" && value === 1)) {
      params.set(key, String(value));
    }
  }
  const query = params.toString();
  return query ? `/properties?${query}` : "/properties";
}

const annonces = (n: number) => `${formatNumberFr(n)} annonce${n > 1 ? "s" : ""}`;

export default function Properties() {
  const { values, sort, errors, results, total, page, pageCount, cities, contacted } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/properties";
  const activeFilters = SEARCH_FILTER_KEYS.filter((k) => values[k]).length;
  const errorList = errors ?? undefined;
  return (
    <div>
      <h1>{values.city ? `Annonces immobilières à ${values.city}` : "Annonces immobilières"}</h1>
      <FilterPanel
        activeCount={activeFilters}
        initialCount={errors ? null : total}
        countUrl="/search/count"
        defaultOpen={Boolean(errors)}
      >
        <Form
          method="get"
          action="/properties"
          className="card search-form"
          aria-label="Filtrer les annonces"
          noValidate
        >
          <ErrorSummary errors={errorList} labels={FILTER_LABELS} />
          <input type="hidden" name="sort" value={sort === "recent" ? "" : sort} />
          <div className="form-grid">
            <Field
              label="Ville"
              name="city"
              errors={errorList}
              defaultValue={values.city}
              list="city-suggestions"
              autoComplete="off"
              placeholder="Lyon, Bordeaux…"
            />
            <datalist id="city-suggestions">
              {cities.map((c) => (
                <option key={c.city} value={c.city}>
                  {annonces(c.count)}
                </option>
              ))}
            </datalist>
            <SelectField
              label="Projet"
              name="transactionType"
              errors={errorList}
              options={[
                { value: "vente", label: "Acheter" },
                { value: "location", label: "Louer" },
              ]}
              placeholder="Acheter ou louer"
              defaultValue={values.transactionType}
            />
            <SelectField
              label="Type de bien"
              name="type"
              errors={errorList}
              options={Object.entries(PROPERTY_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
              placeholder="Tous les types"
              defaultValue={values.type}
            />
            <Field
              label="Prix minimum (€)"
              name="minPrice"
              errors={errorList}
              defaultValue={values.minPrice}
              inputMode="numeric"
            />
            <Field
              label="Prix maximum (€)"
              name="maxPrice"
              errors={errorList}
              defaultValue={values.maxPrice}
              inputMode="numeric"
            />
            <Field
              label="Surface minimum (m²)"
              name="minSurface"
              errors={errorList}
              defaultValue={values.minSurface}
              inputMode="decimal"
            />
            <Field
              label="Pièces minimum"
              name="minRooms"
              errors={errorList}
              defaultValue={values.minRooms}
              inputMode="numeric"
            />
          </div>
          <div className="actions">
            <FilterPanel.Submit busy={searching} fallback="Rechercher" />
            {activeFilters ? <Link to="/properties">Effacer les filtres</Link> : null}
          </div>
        </Form>
      </FilterPanel>

      <div className="results-bar">
        <h2 aria-live="polite">{errors ? "Recherche à corriger" : annonces(total)}</h2>
        {total > 1 ? (
          <Form method="get" action="/properties" className="sort-form">
            {SEARCH_FILTER_KEYS.map((k) =>
              values[k] ? <input key={k} type="hidden" name={k} value={values[k]} /> : null,
            )}
            <label htmlFor="sort">Trier par</label>
            <select id="sort" name="sort" defaultValue={sort}>
              {SEARCH_SORTS.map((s) => (
                <option key={s} value={s}>
                  {SORT_LABELS[s]}
                </option>
              ))}
            </select>
            <button type="submit" className="button-secondary button-small">
              Trier
            </button>
          </Form>
        ) : null}
      </div>

      {!errors && results.length === 0 ? (
        <div className="card empty-state">
          <h3>
            {page > 1 ? "Il n’y a plus d’annonces sur cette page." : "Aucune annonce ne correspond à votre recherche."}
          </h3>
          <p>Quelques pistes pour trouver plus de biens :</p>
          <ul>
            {values.city ? <li>vérifiez l’orthographe de la ville ou essayez une ville voisine ;</li> : null}
            {values.maxPrice || values.minPrice ? <li>élargissez votre budget ;</li> : null}
            {values.minSurface || values.minRooms ? <li>baissez la surface ou le nombre de pièces ;</li> : null}
            <li>retirez un critère à la fois.</li>
          </ul>
          <p className="actions actions-center">
            <Link to="/properties" className="button">
              Voir toutes les annonces
            </Link>
            <Link to="/programmes" className="button button-secondary">
              Découvrir les programmes neufs
            </Link>
          </p>
        </div>
      ) : null}
      <ListingGrid listings={results} contacted={contacted} />
      <Pagination page={page} pageCount={pageCount} href={(n) => searchHref(values, { sort, page: n })} />
    </div>
  );
}
