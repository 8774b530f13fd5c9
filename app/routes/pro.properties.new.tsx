import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { PropertyForm } from "~/components/listings/PropertyForm";
import { requireVerifiedPro } from "~/utils/auth.server";
import { apiError, wantsJson } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Nouvelle annonce — Vitrine" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireVerifiedPro(request);
  // For the API, /pro/properties/new is just an id that does not exist.
  if (wantsJson(request)) throw apiError("NOT_FOUND", "Property not found");
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  await requireVerifiedPro(request);
  throw apiError("NOT_FOUND", "Property not found");
}

/** The creation form; it posts to POST /pro/properties, the same action as the JSON API. */
export default function NewProperty() {
  return (
    <div>
      <p>
        <Link to="/pro/properties">← Mes annonces</Link>
      </p>
      <h1>Nouvelle annonce</h1>
      <p className="muted">
        L’annonce est créée en brouillon : ajoutez ensuite vos photos, puis publiez-la. Les champs marqués d’un
        astérisque sont obligatoires : titre, type, transaction, ville et code postal.
      </p>
      <PropertyForm action="/pro/properties?index" submitLabel="Créer le brouillon" />
    </div>
  );
}
