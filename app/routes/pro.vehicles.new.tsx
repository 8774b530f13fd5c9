import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { VehicleForm } from "~/components/vehicles/VehicleForm";
import { provincesWithCities } from "~/domain/vehicles/catalog.server";
import { requireProKind } from "~/utils/auth.server";
import { apiError, wantsJson } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Nouveau véhicule — Vitrine" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProKind(request, "dealership");
  // For the API, /pro/vehicles/new is just an id that does not exist.
  if (wantsJson(request)) throw apiError("NOT_FOUND", "Vehicle not found");
  return json({ provinces: await provincesWithCities() });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireProKind(request, "dealership");
  throw apiError("NOT_FOUND", "Vehicle not found");
}

/** The creation form; it posts to POST /pro/vehicles, the same action as the JSON API. */
export default function NewVehicle() {
  const { provinces } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/pro/vehicles">← Mes véhicules</Link>
      </p>
      <h1>Nouveau véhicule</h1>
      <p className="muted">
        Le véhicule est créé en brouillon : ajoutez ensuite ses photos, puis publiez-le. Les champs marqués d’un
        astérisque sont obligatoires.
      </p>
      <VehicleForm action="/pro/vehicles?index" provinces={provinces} submitLabel="Créer le brouillon" />
    </div>
  );
}
