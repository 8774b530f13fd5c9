import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, Field, SelectField } from "~/components/forms";
import { ListingGrid } from "~/components/listings/ListingCard";
import { PROPERTY_TYPE_LABELS } from "~/domain/listings/format";
import { activeCityFacets, searchActiveProperties, type ListingCard } from "~/domain/listings/listings.server";
import { SEARCH_FILTER_KEYS, SearchFiltersSchema } from "~/domain/listings/rules";
import { decodeCursor, fieldErrors, fieldIssues } from "~/utils/http.server";

export const meta: MetaFunction = () => [
  { title: "Annonces immobilières — Vitrine" },
  {
    name: "description",
    content:
      "Appartements, maisons, terrains, commerces et bureaux à vendre ou à louer, publiés par des professionnels vérifiés.",
  },
];

const PAGE_SIZE = 24;

const FILTER_LABELS: Record<string, string> = {
  city: "Ville",
  type: "Type de bien",
  transactionType: "Projet",
  minPrice: "Prix minimum",
  maxPrice: "Prix maximum",
  minSurface: "Surface minimum",
  minRooms: "Pièces minimum",
  cursor: "Page",
};

/**
 * /properties — active listings, newest first, filtered by the query string. Pages are cursor
 * based (docs/decisions): the "next" link keeps every filter, and a deep page costs the same as
 * the first. Invalid filters show French messages (status 400), never a 500.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const raw = Object.fromEntries(SEARCH_FILTER_KEYS.map((k) => [k, url.searchParams.get(k) ?? ""]));
  const cities = await activeCityFacets();
  const parsed = SearchFiltersSchema.safeParse(raw);
  const noResults: ListingCard[] = [];
  const rawCursor = url.searchParams.get("cursor");
  const cursor = rawCursor ? decodeCursor(rawCursor) : null;
  if (rawCursor && !cursor) {
    return json(
      {
        values: raw,
        errors: { cursor: ["Ce lien de page n’est plus valide : reprenez la recherche."] },
        results: noResults,
        next: null,
        isFirstPage: false,
        cities,
      },
      { status: 400 },
    );
  }
  if (!parsed.success) {
    return json(
      {
        values: raw,
        errors: fieldErrors(fieldIssues(parsed.error)),
        results: noResults,
        next: null,
        isFirstPage: !cursor,
        cities,
      },
      { status: 400 },
    );
  }
  const page = await searchActiveProperties(parsed.data, { limit: PAGE_SIZE, cursor });
  return json({ values: raw, errors: null, results: page.data, next: page.cursor.next, isFirstPage: !cursor, cities });
}

function withParams(values: Record<string, string>, extra: Record<string, string>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...extra })) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/properties?${query}` : "/properties";
}

export default function Properties() {
  const { values, errors, results, next, isFirstPage, cities } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/properties";
  const hasFilters = SEARCH_FILTER_KEYS.some((k) => values[k]);
  return (
    <div>
      <h1>Annonces immobilières</h1>
      <Form method="get" action="/properties" className="card search-form" aria-label="Filtrer les annonces" noValidate>
        <ErrorSummary errors={errors ?? undefined} labels={FILTER_LABELS} />
        <div className="form-grid">
          <Field
            label="Ville"
            name="city"
            errors={errors ?? undefined}
            defaultValue={values.city}
            list="city-suggestions"
            autoComplete="off"
            placeholder="Lyon, Bordeaux…"
          />
          <datalist id="city-suggestions">
            {cities.map((c) => (
              <option key={c.city} value={c.city}>
                {`${c.count} annonce${c.count > 1 ? "s" : ""}`}
              </option>
            ))}
          </datalist>
          <SelectField
            label="Projet"
            name="transactionType"
            errors={errors ?? undefined}
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
            errors={errors ?? undefined}
            options={Object.entries(PROPERTY_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
            placeholder="Tous les types"
            defaultValue={values.type}
          />
          <Field
            label="Prix minimum (€)"
            name="minPrice"
            errors={errors ?? undefined}
            defaultValue={values.minPrice}
            inputMode="numeric"
          />
          <Field
            label="Prix maximum (€)"
            name="maxPrice"
            errors={errors ?? undefined}
            defaultValue={values.maxPrice}
            inputMode="numeric"
          />
          <Field
            label="Surface minimum (m²)"
            name="minSurface"
            errors={errors ?? undefined}
            defaultValue={values.minSurface}
            inputMode="decimal"
          />
          <Field
            label="Pièces minimum"
            name="minRooms"
            errors={errors ?? undefined}
            defaultValue={values.minRooms}
            inputMode="numeric"
          />
        </div>
        <div className="actions">
          <button type="submit" aria-busy={searching || undefined}>
            {searching ? "Recherche…" : "Rechercher"}
          </button>
          {hasFilters ? <Link to="/properties">Effacer les filtres</Link> : null}
        </div>
      </Form>

      <h2 className="visually-hidden">Résultats</h2>
      {!errors && results.length === 0 ? (
        <p role="status">
          {isFirstPage
            ? "Aucune annonce ne correspond à votre recherche. Essayez d’élargir vos critères."
            : "Il n’y a plus d’annonces."}
        </p>
      ) : null}
      <ListingGrid listings={results} />
      <nav className="pagination" aria-label="Pages de résultats">
        {!isFirstPage ? <Link to={withParams(values, {})}>← Premières annonces</Link> : <span />}
        {next ? (
          <Link to={withParams(values, { cursor: next })} rel="next">
            Annonces suivantes →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
