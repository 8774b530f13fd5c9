import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { InquiryForm, inquiryStateOf } from "~/kit";
import { findContactableProgramme, findContactableProperty } from "~/domain/inquiries/inquiries.server";
import { inquiryAction } from "~/domain/inquiries/submit-action.server";

/**
 * `POST /contact-requests` (seed 001): JSON per SPEC, or a native form post that lands here and
 * shows the confirmation, the French errors with what was typed, or the polite 429 message.
 * `GET /contact-requests?propertyId=` (or `?programmeId=`) shows the same form on its own.
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
  const url = new URL(request.url);
  const [found, programme] = await Promise.all([
    findContactableProperty(url.searchParams.get("propertyId") ?? ""),
    findContactableProgramme(url.searchParams.get("programmeId") ?? ""),
  ]);
  return json({
    property: found ? { id: found.id, slug: found.slug, title: found.title } : null,
    programme: programme ? { id: programme.id, slug: programme.slug, name: programme.name } : null,
  });
}

export const action = inquiryAction;

export default function ContactRequestPage() {
  const { property, programme } = useLoaderData<typeof loader>();
  const state = inquiryStateOf(useActionData<typeof action>());
  const typed = state && "values" in state ? state.values : {};
  const propertyId = property?.id ?? typed.propertyId ?? "";
  const programmeId = programme?.id ?? typed.programmeId ?? "";
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
      {programme ? (
        <p>
          Programme : <Link to={`/programmes/${programme.slug}`}>{programme.name}</Link>
        </p>
      ) : null}
      {!propertyId && !programmeId && !state ? (
        <p>Choisissez une annonce pour contacter son professionnel.</p>
      ) : programmeId && !propertyId ? (
        <InquiryForm
          programme={{ id: programmeId, lots: [] }}
          propertyTitle={programme?.name}
          action="/contact-requests"
          state={state}
        />
      ) : (
        <InquiryForm propertyId={propertyId} propertyTitle={property?.title} action="/contact-requests" state={state} />
      )}
      <p>
        <Link to="/properties">Voir toutes les annonces</Link>
      </p>
    </div>
  );
}
