import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { VehicleFacts, vehicleTitle } from "~/components/vehicles/VehicleFacts";
import { photoUrl } from "~/domain/listings/format";
import { publicVehicle, vehiclesByIds } from "~/domain/vehicles/catalog.server";
import { formatRand } from "~/domain/vehicles/labels";
import { parseVehicleKey } from "~/domain/vehicles/manage.server";
import { parseSelection, selectionParam, toggleSelection } from "~/domain/vehicles/selection";
import { MAX_VEHICLES } from "~/domain/vehicles/validation";
import { apiError, wantsJson } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data && "vehicle" in data
    ? [
        { title: `${vehicleTitle(data.vehicle)} — ${formatRand(data.vehicle.price)} — Vitrine` },
        {
          name: "description",
          content: `${vehicleTitle(data.vehicle)} d’occasion à ${data.vehicle.city ?? "vendre"}, ${formatRand(data.vehicle.price)}.`,
        },
      ]
    : [{ title: "Véhicule introuvable — Vitrine" }];

/**
 * GET /vehicles/:id — an active vehicle's page (photos, facts, where to see it). Drafts, sold and
 * unknown vehicles are a 404. Buyers never see which dealership sells it (seed 004's anonymity).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseVehicleKey(params.id ?? "");
  const vehicle = id === null ? null : await publicVehicle(id);
  if (!vehicle) throw apiError("NOT_FOUND", "Vehicle not found");
  if (wantsJson(request)) return json({ data: { ...vehicle, photos: vehicle.photos.map((p) => p.path) } });
  const selected = await vehiclesByIds(parseSelection(new URL(request.url).searchParams.get("selected")));
  return json({ vehicle, selection: selected.map((v) => v.id) });
}

export default function VehiclePage() {
  const data = useLoaderData<typeof loader>();
  if (!("vehicle" in data)) return null;
  const { vehicle, selection } = data;
  const title = vehicleTitle(vehicle);
  const isSelected = selection.includes(vehicle.id);
  const back = `/vehicles${selection.length ? `?selected=${selection.join(",")}` : ""}`;
  const toggled = selectionParam(toggleSelection(selection, vehicle.id));
  const toggleHref = `/vehicles${toggled ? `?selected=${toggled}` : ""}`;

  return (
    <article className="vehicle-page">
      <p>
        <Link to={back}>← Tous les véhicules</Link>
      </p>
      <header>
        <h1>{title}</h1>
        <p className="price">{formatRand(vehicle.price)}</p>
        {vehicle.city ? (
          <p className="muted">
            À voir à {vehicle.city}, {vehicle.province}
          </p>
        ) : null}
      </header>

      {vehicle.photos.length ? (
        <ul className="gallery vehicle-gallery" aria-label="Photos du véhicule">
          {vehicle.photos.map((photo, index) => (
            <li key={photo.path}>
              <a href={photoUrl(photo.path)}>
                <img
                  src={photoUrl(photo.path)}
                  alt={`${title}, vue ${index + 1}`}
                  width={photo.width}
                  height={photo.height}
                  loading={index < 2 ? "eager" : "lazy"}
                  decoding="async"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Pas encore de photo pour ce véhicule.</p>
      )}

      <section aria-labelledby="facts-title">
        <h2 id="facts-title">Caractéristiques</h2>
        <VehicleFacts vehicle={vehicle} />
        {vehicle.description
          ? vehicle.description.split(/\n{2,}/).map((paragraph, index) => <p key={index}>{paragraph}</p>)
          : null}
      </section>

      <section aria-labelledby="select-title" className="card">
        <h2 id="select-title">Intéressé ?</h2>
        <p>
          Ajoutez ce véhicule à votre sélection (jusqu’à {MAX_VEHICLES}) pour contacter les vendeurs en une seule
          demande. Vos coordonnées ne leur sont transmises qu’après un court délai pendant lequel vous pouvez annuler.
        </p>
        <div className="actions">
          {isSelected ? (
            <>
              <span className="badge badge-active">Dans ma sélection</span>
              <Link to={toggleHref} className="button button-secondary">
                Retirer de ma sélection
              </Link>
            </>
          ) : selection.length >= MAX_VEHICLES ? (
            <p className="muted">Votre sélection est complète ({MAX_VEHICLES} véhicules).</p>
          ) : (
            <Link to={toggleHref} className="button">
              Ajouter à ma sélection
            </Link>
          )}
        </div>
      </section>
    </article>
  );
}
