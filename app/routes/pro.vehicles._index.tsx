import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { formatKm, formatRand, PropertyStatusBadge } from "~/kit";
import { VehicleForm } from "~/components/vehicles/VehicleForm";
import { provincesWithCities } from "~/domain/vehicles/catalog.server";
import { createVehicle, listOwnVehicles, parseNewVehicle } from "~/domain/vehicles/manage.server";
import { requireProKind } from "~/utils/auth.server";
import { DomainError, fieldErrors, parsePageParams, readBody, toResponse, wantsJson } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Mes véhicules — Vitrine" }];

/** GET /pro/vehicles — the dealership's vehicles, newest first, cursor pages (page and JSON). */
export async function loader({ request }: LoaderFunctionArgs) {
  const pro = await requireProKind(request, "dealership");
  const url = new URL(request.url);
  let page;
  try {
    page = await listOwnVehicles(pro.id, parsePageParams(url));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (wantsJson(request)) throw toResponse(error);
    throw redirect("/pro/vehicles");
  }
  if (wantsJson(request)) return json(page);
  return json({
    vehicles: page.data.map((v) => ({
      id: v.id,
      make: v.make,
      model: v.model,
      year: v.year,
      price: v.price,
      mileage: v.mileage,
      city: v.city,
      status: v.status,
      photoCount: v.photos.length,
      cover: v.photos[0] ?? null,
    })),
    next: page.cursor.next,
    isFirstPage: !url.searchParams.get("cursor"),
  });
}

/**
 * POST /pro/vehicles — creates a vehicle. JSON: 201 `{data}`. A form post goes to the new
 * vehicle's edit page, or shows the form again with its errors (the creation page posts here).
 */
export async function action({ request }: ActionFunctionArgs) {
  const pro = await requireProKind(request, "dealership");
  const asJson = wantsJson(request);
  if (request.method !== "POST") throw toResponse(new DomainError("METHOD_NOT_ALLOWED", "Method not allowed"));
  let body: Record<string, unknown>;
  try {
    body = await readBody(request);
  } catch (error) {
    if (error instanceof DomainError) throw toResponse(error);
    throw error;
  }
  try {
    const vehicle = await createVehicle(pro.id, await parseNewVehicle(body));
    if (asJson) return json({ data: vehicle }, { status: 201 });
    return redirect(`/pro/vehicles/${vehicle.id}?notice=created`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (asJson) throw toResponse(error);
    return json(
      {
        errors: fieldErrors(error.details ?? [{ field: "form", message: error.message }]),
        values: stringValues(body),
        provinces: await provincesWithCities(),
      },
      { status: error.status },
    );
  }
}

function stringValues(body: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "string")) as Record<string, string>;
}

type PageData = Extract<SerializeFrom<typeof loader>, { vehicles: unknown }>;

export default function ProVehicles() {
  const { vehicles, next, isFirstPage } = useLoaderData<typeof loader>() as PageData;
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const deleted = new URLSearchParams(location.search).get("notice") === "deleted";

  if (actionData && "errors" in actionData) {
    return (
      <div>
        <p>
          <Link to="/pro/vehicles">← Mes véhicules</Link>
        </p>
        <h1>Nouveau véhicule</h1>
        <VehicleForm
          action="/pro/vehicles?index"
          values={actionData.values}
          errors={actionData.errors}
          provinces={actionData.provinces}
          submitLabel="Créer le brouillon"
        />
      </div>
    );
  }

  return (
    <div>
      <div className="page-head">
        <h1>Mes véhicules</h1>
        <Link to="/pro/vehicles/new" className="button">
          Nouveau véhicule
        </Link>
      </div>
      {deleted ? (
        <div className="notice notice-success" role="status">
          Le véhicule a été supprimé, ainsi que ses photos. Les demandes reçues à son sujet restent consultables.
        </div>
      ) : null}
      {vehicles.length === 0 && isFirstPage ? (
        <div className="card">
          <p>Vous n’avez pas encore de véhicule en vente.</p>
          <p>
            <Link to="/pro/vehicles/new">Ajoutez votre premier véhicule</Link> : il reste en brouillon jusqu’à ce que
            vous le publiiez.
          </p>
        </div>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Vos véhicules, les plus récents d’abord</caption>
            <thead>
              <tr>
                <th scope="col">Véhicule</th>
                <th scope="col">Prix</th>
                <th scope="col">Kilométrage</th>
                <th scope="col">Photos</th>
                <th scope="col">Statut</th>
              </tr>
            </thead>
            <tbody>
              {vehicles.map((v) => (
                <tr key={v.id}>
                  <td>
                    <Link to={`/pro/vehicles/${v.id}`}>
                      {v.make} {v.model} ({v.year})
                    </Link>
                    {v.city ? <div className="muted">{v.city}</div> : null}
                  </td>
                  <td data-label="Prix">{formatRand(v.price)}</td>
                  <td data-label="Kilométrage">{formatKm(v.mileage)}</td>
                  <td data-label="Photos">{v.photoCount}</td>
                  <td data-label="Statut">
                    <PropertyStatusBadge status={v.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pagination" aria-label="Pages de vos véhicules">
        {!isFirstPage ? <Link to="/pro/vehicles">← Véhicules les plus récents</Link> : <span />}
        {next ? <Link to={`/pro/vehicles?cursor=${encodeURIComponent(next)}`}>Véhicules plus anciens →</Link> : null}
      </nav>
    </div>
  );
}
