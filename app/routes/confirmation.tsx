import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { METHOD_LABELS, parseVehicleId, SubmitButton, THANK_YOU, VehicleList } from "~/kit";
import { findOwnRequest, readViewerToken, withdrawOwnRequest } from "~/domain/vehicles/viewer.server";
import { pageRoute } from "~/utils/errors.server";
import { readForm } from "~/utils/http.server";

export const meta: MetaFunction = () => [
  { title: "Merci pour votre demande — Vitrine" },
  { name: "robots", content: "noindex" },
];

/**
 * The thank-you page. Only the browser that sent the request (its viewer cookie matches) sees the
 * summary and can withdraw; anyone else gets the same generic page for any id, existing or not.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const id = parseVehicleId(new URL(request.url).searchParams.get("id"));
  const own = id === null ? null : await findOwnRequest(id, await readViewerToken(request));
  return json({ own }, { headers: { "Cache-Control": "private, no-store" } });
}

export const action = /* @__PURE__ */ pageRoute(async ({ request }: ActionFunctionArgs) => {
  const id = parseVehicleId(new URL(request.url).searchParams.get("id"));
  const form = await readForm(request);
  if (form.get("intent") !== "withdraw" || id === null) return json({ withdrawn: false }, { status: 400 });
  const withdrawn = await withdrawOwnRequest(id, await readViewerToken(request));
  return json({ withdrawn }, { status: withdrawn ? 200 : 409 });
});

export default function ConfirmationPage() {
  const { own } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  if (!own) {
    return (
      <section className="confirmation">
        <h1>Merci pour votre demande</h1>
        <p>Merci pour votre intérêt. Les concessionnaires concernés vous contacteront très bientôt.</p>
        <p>
          <Link to="/vehicles">Voir d’autres véhicules</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="confirmation">
      <h1>{own.status === "cancelled" ? "Demande retirée" : "Merci pour votre demande"}</h1>
      {actionData && !("withdrawn" in actionData && actionData.withdrawn) ? (
        <p className="notice notice-error" role="alert">
          Cette demande ne peut plus être retirée : elle a déjà été transmise.
        </p>
      ) : null}
      {own.status === "cancelled" ? (
        <p className="notice notice-success" role="status">
          Votre demande a été retirée. Aucun concessionnaire ne recevra vos coordonnées.
        </p>
      ) : (
        <p className="notice notice-success" role="status">
          {THANK_YOU[own.preferredContactMethod]}
        </p>
      )}

      <div className="card request-summary">
        <h2>Récapitulatif de votre demande n° {own.id}</h2>
        <h3>Véhicules</h3>
        <VehicleList vehicles={own.vehicles.map((v, i) => ({ key: `${v.vehicleId}-${i}`, ...v }))} />
        <dl className="facts">
          <div>
            <dt>Nom</dt>
            <dd>{own.fullName}</dd>
          </div>
          <div>
            <dt>E-mail</dt>
            <dd>{own.email}</dd>
          </div>
          <div>
            <dt>Téléphone</dt>
            <dd>{own.phone}</dd>
          </div>
          <div>
            <dt>Localisation</dt>
            <dd>
              {own.city}, {own.province}
            </dd>
          </div>
          <div>
            <dt>Moyen de contact préféré</dt>
            <dd>{METHOD_LABELS[own.preferredContactMethod]}</dd>
          </div>
        </dl>
        {own.additionalComments ? (
          <>
            <h3>Commentaires</h3>
            <p className="comments">{own.additionalComments}</p>
          </>
        ) : null}
      </div>

      {own.canWithdraw ? (
        <Form method="post" action={`/confirmation?id=${own.id}`} className="withdraw-form">
          <p>
            Vos coordonnées seront transmises aux concessionnaires à partir de{" "}
            <time dateTime={own.anonymityExpiresAt}>{formatTime(own.anonymityExpiresAt)}</time>. D’ici là, vous pouvez
            retirer votre demande.
          </p>
          <input type="hidden" name="intent" value="withdraw" />
          <SubmitButton className="button-danger" pendingLabel="Retrait…">
            Retirer ma demande
          </SubmitButton>
        </Form>
      ) : own.status === "notified" ? (
        <p>Votre demande a été transmise aux concessionnaires.</p>
      ) : null}

      <p>
        <Link to="/vehicles">Voir d’autres véhicules</Link>
      </p>
    </section>
  );
}

const timeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeStyle: "short",
  dateStyle: "short",
  timeZone: "Africa/Johannesburg",
});

function formatTime(iso: string) {
  return `${timeFormat.format(new Date(iso))} (heure d’Afrique du Sud)`;
}
