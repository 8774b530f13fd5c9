import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useState } from "react";
import { VehicleFacts, vehicleTitle } from "~/components/vehicles/VehicleFacts";
import { availableMakes, listAvailableVehicles, type VehicleFilters } from "~/domain/vehicles/catalog.server";
import { formatRand, formatWindow } from "~/domain/vehicles/labels";
import { env } from "~/utils/env.server";
import { MAX_VEHICLES } from "~/domain/vehicles/validation";
import { seoMeta, siteOrigin } from "~/utils/seo";

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

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters: VehicleFilters = {
    make: url.searchParams.get("make")?.trim() || undefined,
    model: url.searchParams.get("model")?.trim().slice(0, 60) || undefined,
    year: positiveInt(url.searchParams.get("year"), 2100),
    maxPrice: positiveInt(url.searchParams.get("maxPrice"), 1_000_000_000),
  };
  const after = positiveInt(url.searchParams.get("after"), Number.MAX_SAFE_INTEGER) ?? null;
  const [page, makes] = await Promise.all([listAvailableVehicles(filters, after), availableMakes()]);
  return json({
    ...page,
    makes,
    filters,
    paged: after !== null,
    windowText: formatWindow(env().ANONYMITY_WINDOW_SECONDS),
  });
}

export default function VehiclesPage() {
  const { vehicles, nextAfter, makes, filters, paged, windowText } = useLoaderData<typeof loader>();
  const location = useLocation();
  const [selected, setSelected] = useState<number[]>([]);
  const full = selected.length >= MAX_VEHICLES;

  const nextParams = new URLSearchParams(location.search);
  if (nextAfter) nextParams.set("after", String(nextAfter));

  return (
    <>
      <h1>Véhicules d’occasion</h1>
      <p className="muted">
        Cochez jusqu’à {MAX_VEHICLES} véhicules puis envoyez une seule demande : chaque concessionnaire reçoit vos
        coordonnées {windowText} après l’envoi, le temps pour vous de changer d’avis.
      </p>

      <Form method="get" action="/vehicles" className="card vehicle-filters" aria-label="Filtrer les véhicules">
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
        </div>
        <div className="actions">
          <button type="submit">Filtrer</button>
          <Link to="/vehicles">Réinitialiser</Link>
        </div>
      </Form>

      {vehicles.length === 0 ? (
        <p className="notice notice-warning">Aucun véhicule ne correspond à ces critères.</p>
      ) : (
        <Form method="get" action="/vehicles/contact" className="vehicle-selection">
          <div className="selection-bar">
            <p aria-live="polite" className="muted">
              {selected.length
                ? `${selected.length} véhicule${selected.length > 1 ? "s" : ""} sélectionné${selected.length > 1 ? "s" : ""} sur ${MAX_VEHICLES} maximum`
                : `Sélectionnez de 1 à ${MAX_VEHICLES} véhicules.`}
            </p>
            <button type="submit">Contacter les vendeurs</button>
          </div>
          <ul className="grid vehicle-grid">
            {vehicles.map((vehicle) => {
              const checked = selected.includes(vehicle.id);
              return (
                <li key={vehicle.id} className="listing-card vehicle-card">
                  <div className="body">
                    <h2 className="vehicle-card-title">{vehicleTitle(vehicle)}</h2>
                    <p className="price">{formatRand(vehicle.price)}</p>
                    <VehicleFacts vehicle={vehicle} />
                    <label className="vehicle-pick">
                      <input
                        type="checkbox"
                        name="vehicleId"
                        value={vehicle.id}
                        checked={checked}
                        disabled={full && !checked}
                        onChange={(event) =>
                          setSelected((current) =>
                            event.target.checked ? [...current, vehicle.id] : current.filter((id) => id !== vehicle.id),
                          )
                        }
                      />{" "}
                      Sélectionner <span className="visually-hidden">{vehicleTitle(vehicle)}</span>
                    </label>
                  </div>
                </li>
              );
            })}
          </ul>
          <div className="selection-bar">
            <button type="submit">Contacter les vendeurs</button>
          </div>
        </Form>
      )}

      <nav className="pagination" aria-label="Pages de résultats">
        {paged ? <Link to={`/vehicles${stripAfter(location.search)}`}>Première page</Link> : <span />}
        {nextAfter ? <Link to={`/vehicles?${nextParams.toString()}`}>Véhicules suivants</Link> : null}
      </nav>
    </>
  );
}

function stripAfter(search: string) {
  const params = new URLSearchParams(search);
  params.delete("after");
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}
