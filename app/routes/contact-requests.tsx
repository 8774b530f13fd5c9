import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { InquiryForm } from "~/components/inquiries/InquiryForm";
import { inquiryStateOf } from "~/components/inquiries/inquiry-form-state";
import { findContactableProperty } from "~/domain/inquiries/inquiries.server";
import { inquiryAction } from "~/domain/inquiries/submit-action.server";

/**
 * `POST /contact-requests` (seed 001): JSON per SPEC, or a native form post that lands here and
 * shows the confirmation, the French errors with what was typed, or the polite 429 message.
 * `GET /contact-requests?propertyId=` shows the same form on its own.
 */
export const meta: MetaFunction = () => [{ title: "Contacter le professionnel — Vitrine" }];

// Retry-After (429) must reach the client: pass the action's headers through.
// A JSON refusal is thrown (errorHeaders), a form's is returned (actionHeaders).
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders }) => {
  const out = new Headers();
  const retry =
    errorHeaders?.get("Retry-After") ?? actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  if (retry) out.set("Retry-After", retry);
  return out;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const found = await findContactableProperty(new URL(request.url).searchParams.get("propertyId") ?? "");
  return json({ property: found ? { id: found.id, slug: found.slug, title: found.title } : null });
}

export const action = inquiryAction;

export default function ContactRequestPage() {
  const { property } = useLoaderData<typeof loader>();
  const state = inquiryStateOf(useActionData<typeof action>());
  const propertyId = property?.id ?? (state && "values" in state ? (state.values.propertyId ?? "") : "");
  if (state?.status === "rate-limited") {
    return (
      <div className="form-narrow">
        <h1>Trop de demandes</h1>
        <p>
          Vous avez envoyé plusieurs demandes en moins d’une minute. Pour protéger les professionnels du spam, merci de
          patienter un instant avant de réessayer.
        </p>
        <p>
          <Link to="/properties">Retour aux annonces</Link>
        </p>
      </div>
    );
  }
  return (
    <div>
      <h1>Contacter le professionnel</h1>
      {property ? (
        <p>
          Annonce : <Link to={`/properties/${property.slug}`}>{property.title}</Link>
        </p>
      ) : null}
      {!propertyId && !state ? (
        <p>Choisissez une annonce pour contacter son professionnel.</p>
      ) : (
        <InquiryForm propertyId={propertyId} propertyTitle={property?.title} action="/contact-requests" state={state} />
      )}
      <p>
        <Link to="/properties">Voir toutes les annonces</Link>
      </p>
    </div>
  );
}
