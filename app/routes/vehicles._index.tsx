import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import {
  CARD_SIZES,
  FilterPanel,
  formatRand,
  formatWindow,
  MAX_VEHICLES,
  parseSelection,
  Photo,
  searchWith,
  selectionParam,
  seoMeta,
  siteOrigin,
  toggleSelection,
  VEHICLE_SORT_LABELS,
  VEHICLE_SORTS,
  VehicleFacts,
  type VehicleSort,
  vehicleTitle,
} from "~/kit";
import {
  activeMakes,
  listActiveVehicles,
  MAX_VEHICLE_PAGE,
  vehiclesByIds,
  type VehicleFilters,
} from "~/domain/vehicles/catalog.server";
import { env } from "~/utils/env.server";

export const meta: MetaFunction = ({ matches, location }) =>
  seoMeta({
    origin: siteOrigin(matches),
    path: location.pathname,
    title: "Véhicules d’occasion — Vitrine",
    description: "Choisissez jusqu’à 4 véhicules et contactez les concessionnaires en une seule demande.",
  });

function positiveInt(raw: string | null, max: number): number | undefined {
  if (!raw || !/^\d{1,10}$/.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return value > 0 && value <= max ? value : undefined;
}

/**
 * GET /vehicles — active vehicles only, filtered, sorted, paged, with the buyer's selection (up to
 * 4) kept in the URL. Everything is a link or a GET form: it all works without JavaScript.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters: VehicleFilters = {
    make: url.searchParams.get("make")?.trim().slice(0, 60) || undefined,
    model: url.searchParams.get("model")?.trim().slice(0, 60) || undefined,
    year: positiveInt(url.searchParams.get("year"), 2100),
    maxPrice: positiveInt(url.searchParams.get("maxPrice"), 1_000_000_000),
  };
  const rawSort = url.searchParams.get("sort") ?? "newest";
  const sort: VehicleSort = (VEHICLE_SORTS as readonly string[]).includes(rawSort)
    ? (rawSort as VehicleSort)
    : "newest";
  const page = positiveInt(url.searchParams.get("page"), MAX_VEHICLE_PAGE) ?? 1;
  const [result, makes, selected] = await Promise.all([
    listActiveVehicles(filters, sort, page),
    activeMakes(),
    // Only vehicles still on sale stay selected.
    vehiclesByIds(parseSelection(url.searchParams.get("selected"))),
  ]);
  return json({
    ...result,
    page,
    sort,
    makes,
    filters,
    selected: selected.map((v) => ({ id: v.id, make: v.make, model: v.model, year: v.year })),
    windowText: formatWindow(env().ANONYMITY_WINDOW_SECONDS),
  });
}

export default function VehiclesPage() {
  const { vehicles, total, page, pageCount, sort, makes, filters, selected, windowText } =
    useLoaderData<typeof loader>();
  const { search } = useLocation();
  const selection = selected.map((v) => v.id);
  const full = selection.length >= MAX_VEHICLES;
  // Adding or removing a vehicle keeps the visitor on the same page of results.
  const withSelection = (ids: number[]) =>
    searchWith(search, { selected: selectionParam(ids), page: page > 1 ? String(page) : null });
  const activeFilters = [filters.make, filters.model, filters.year, filters.maxPrice].filter(Boolean).length;
  const contactHref = `/vehicles/contact?${selection.map((id) => `vehicleId=${id}`).join("&")}`;

  return (
    <>
      <h1>Véhicules d’occasion</h1>
      <p className="muted">
        Ajoutez jusqu’à {MAX_VEHICLES} véhicules à votre sélection puis envoyez une seule demande : chaque
        concessionnaire reçoit vos coordonnées {windowText} après l’envoi, le temps pour vous de changer d’avis.
      </p>

      <FilterPanel activeCount={activeFilters} initialCount={null}>
        <Form method="get" action="/vehicles" className="card search-form" aria-label="Filtrer les véhicules">
          {selection.length ? <input type="hidden" name="selected" value={selection.join(",")} /> : null}
          <div className="form-grid">
            <div className="field">
              <label htmlFor="filter-make">Marque</label>
              <select id="filter-make" name="make" defaultValue={filters.make ?? ""}>
                <option value="">Toutes</option>
                {makes.map((make) => (
                  <option key={make} value={make}>
                    {make}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-model">Modèle</label>
              <input id="filter-model" name="model" defaultValue={filters.model ?? ""} />
            </div>
            <div className="field">
              <label htmlFor="filter-year">Année</label>
              <input
                id="filter-year"
                name="year"
                type="number"
                min={1950}
                max={2100}
                inputMode="numeric"
                defaultValue={filters.year ?? ""}
              />
            </div>
            <div className="field">
              <label htmlFor="filter-max-price">Prix maximum (R)</label>
              <input
                id="filter-max-price"
                name="maxPrice"
                type="number"
                min={0}
                step={1000}
                inputMode="numeric"
                defaultValue={filters.maxPrice ?? ""}
              />
            </div>
            <div className="field">
              <label htmlFor="filter-sort">Trier par</label>
              <select id="filter-sort" name="sort" defaultValue={sort}>
                {VEHICLE_SORTS.map((value) => (
                  <option key={value} value={value}>
                    {VEHICLE_SORT_LABELS[value]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="actions">
            <button type="submit">Appliquer</button>
            <Link to={`/vehicles${searchWith("", { selected: selectionParam(selection) })}`}>
              Réinitialiser les filtres
            </Link>
          </div>
        </Form>
      </FilterPanel>

      <section className="card selection-bar" aria-labelledby="selection-title">
        <div>
          <h2 id="selection-title" className="selection-title">
            {`Ma sélection (${selection.length}/${MAX_VEHICLES})`}
          </h2>
          {selected.length ? (
            <ul className="selection-list">
              {selected.map((v) => (
                <li key={v.id}>
                  {vehicleTitle(v)}{" "}
                  <Link to={`/vehicles${withSelection(toggleSelection(selection, v.id))}`} preventScrollReset>
                    Retirer<span className="visually-hidden"> {vehicleTitle(v)} de ma sélection</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {selection.length ? (
          <Link to={contactHref} className="button">
            {`Contacter les vendeurs (${selection.length})`}
          </Link>
        ) : (
          <div className="selection-empty">
            <button type="button" disabled aria-describedby="selection-hint">
              Contacter les vendeurs
            </button>
            <p id="selection-hint" className="hint">
              Ajoutez au moins un véhicule à votre sélection pour contacter les vendeurs.
            </p>
          </div>
        )}
      </section>

      <p className="result-count" role="status">
        {total === 0
          ? "Aucun véhicule ne correspond à ces critères."
          : `${total} véhicule${total > 1 ? "s" : ""} disponible${total > 1 ? "s" : ""}`}
        {pageCount > 1 ? ` · page ${page} sur ${pageCount}` : ""}
      </p>

      {vehicles.length ? (
        <ul className="grid vehicle-grid">
          {vehicles.map((vehicle, index) => {
            const isSelected = selection.includes(vehicle.id);
            const title = vehicleTitle(vehicle);
            return (
              <li key={vehicle.id} className="listing-card vehicle-card">
                {/* The photo repeats the title's link: out of the tab order and hidden from screen readers. */}
                <Link
                  to={`/vehicles/${vehicle.id}${searchWith("", { selected: selectionParam(selection) })}`}
                  tabIndex={-1}
                  aria-hidden="true"
                >
                  {vehicle.cover ? (
                    <Photo
                      path={vehicle.cover.path}
                      width={vehicle.cover.width}
                      height={vehicle.cover.height}
                      sizes={CARD_SIZES}
                      alt=""
                      priority={index === 0}
                      loading={index < 3 ? "eager" : "lazy"}
                    />
                  ) : (
                    <div className="listing-card-nophoto" aria-hidden="true">
                      Pas de photo
                    </div>
                  )}
                </Link>
                <div className="body">
                  <h2 className="vehicle-card-title">
                    <Link to={`/vehicles/${vehicle.id}${searchWith("", { selected: selectionParam(selection) })}`}>
                      {title}
                    </Link>
                  </h2>
                  <p className="price">{formatRand(vehicle.price)}</p>
                  <VehicleFacts vehicle={vehicle} />
                  {vehicle.city ? (
                    <p className="muted">
                      {vehicle.city}, {vehicle.province}
                    </p>
                  ) : null}
                  <div className="vehicle-pick">
                    {isSelected ? (
                      <Link
                        to={`/vehicles${withSelection(toggleSelection(selection, vehicle.id))}`}
                        className="button button-secondary button-small"
                        preventScrollReset
                      >
                        ✓ Sélectionné — retirer<span className="visually-hidden"> {title}</span>
                      </Link>
                    ) : full ? (
                      <span className="muted">Sélection complète ({MAX_VEHICLES} véhicules)</span>
                    ) : (
                      <Link
                        to={`/vehicles${withSelection(toggleSelection(selection, vehicle.id))}`}
                        className="button button-small"
                        preventScrollReset
                      >
                        Ajouter à ma sélection<span className="visually-hidden"> : {title}</span>
                      </Link>
                    )}
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}

      <nav className="pagination" aria-label="Pages de résultats">
        {page > 1 ? (
          <Link to={`/vehicles${searchWith(search, { page: page - 1 > 1 ? String(page - 1) : null })}`}>
            ← Page précédente
          </Link>
        ) : (
          <span />
        )}
        {page < pageCount ? (
          <Link to={`/vehicles${searchWith(search, { page: String(page + 1) })}`}>Page suivante →</Link>
        ) : null}
      </nav>
    </>
  );
}
