import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { Conversation, ReplyForm } from "~/components/followup/Conversation";
import { formatInquiryDate, InquiryStatusBadge, InquiryStatusButtons } from "~/components/inquiries/InquiryStatus";
import { VehicleList } from "~/components/vehicles/VehicleFacts";
import { formatWait } from "~/domain/followup/leads";
import { listReplies } from "~/domain/followup/replies.server";
import { submitReplyForm } from "~/domain/followup/reply-form.server";
import { statusChangeRefusal } from "~/domain/inquiries/status";
import { METHOD_LABELS } from "~/domain/vehicles/labels";
import { changeVehicleLeadStatus, openVehicleLead } from "~/domain/vehicles/leads.server";
import { requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Demande sur vos véhicules — Vitrine" }];

function notFound() {
  return new Response("Demande introuvable", { status: 404, statusText: "Not Found" });
}

/** /pro/contacts/vehicles/:id — one vehicle lead with its conversation; opening it marks it read. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const pro = await requireVerifiedPro(request);
  try {
    const lead = await openVehicleLead(pro.id, params.id ?? "");
    return json(
      {
        lead,
        replies: await listReplies({ kind: "vehicle", id: lead.id }),
        replySent: new URL(request.url).searchParams.get("reponse") === "envoyee",
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") throw notFound();
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const pro = await requireVerifiedPro(request);
  const id = params.id ?? "";
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "reply") {
    const result = await submitReplyForm({
      lead: { kind: "vehicle", id },
      proId: pro.id,
      authorId: pro.id,
      message: form.get("message"),
    });
    if (result.kind === "not-found") throw notFound();
    if (result.kind === "invalid") return json({ errors: result.errors, message: result.message }, { status: 400 });
    if (form.get("via") === "fetcher") return json({ sent: true });
    return redirect(`/pro/contacts/vehicles/${id}?reponse=envoyee#conversation`);
  }
  if (intent !== "status") return json({ error: "Action inconnue." }, { status: 400 });
  try {
    await changeVehicleLeadStatus(pro.id, id, form.get("status"));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "NOT_FOUND") throw notFound();
    return json({ error: statusChangeRefusal(error.code) }, { status: error.status });
  }
  return redirect(`/pro/contacts/vehicles/${id}`);
}

export default function VehicleLeadDetail() {
  const { lead, replies, replySent } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ error?: string }>();
  return (
    <article className="inquiry-detail">
      <p>
        <Link to="/pro/contacts/vehicles">← Toutes les demandes sur vos véhicules</Link>
      </p>
      <h2>
        Demande de {lead.buyer.fullName} <span className="muted">— n° {lead.requestId}</span>
      </h2>
      {actionData?.error ? (
        <div className="notice notice-error" role="alert">
          {actionData.error}
        </div>
      ) : null}
      <dl className="facts">
        <div>
          <dt>Statut</dt>
          <dd>
            <InquiryStatusBadge status={lead.status} />
          </dd>
        </div>
        <div>
          <dt>Reçue le</dt>
          <dd>
            <time dateTime={lead.receivedAt}>{formatInquiryDate(lead.receivedAt)}</time>
          </dd>
        </div>
        {lead.responseSeconds !== null ? (
          <div>
            <dt>Première réponse</dt>
            <dd>après {formatWait(lead.responseSeconds)}</dd>
          </div>
        ) : null}
        <div>
          <dt>E-mail</dt>
          <dd>{lead.buyer.email}</dd>
        </div>
        <div>
          <dt>Téléphone</dt>
          <dd>
            <a href={`tel:${lead.buyer.phone.replace(/[^\d+]/g, "")}`}>{lead.buyer.phone}</a>
          </dd>
        </div>
        <div>
          <dt>Localisation</dt>
          <dd>
            {lead.buyer.city}, {lead.buyer.province}
          </dd>
        </div>
        <div>
          <dt>Contact préféré</dt>
          <dd>{METHOD_LABELS[lead.buyer.preferredContactMethod]}</dd>
        </div>
      </dl>
      <VehicleList vehicles={lead.vehicles.map((v, i) => ({ key: `${v.vehicleId}-${i}`, ...v }))} />
      <Conversation
        buyerName={lead.buyer.fullName}
        buyerMessage={lead.buyer.additionalComments}
        receivedAt={lead.receivedAt}
        replies={replies}
      />
      <ReplyForm action={`/pro/contacts/vehicles/${lead.id}`} sentNotice={replySent} />
      <div className="actions">
        <InquiryStatusButtons id={lead.id} status={lead.status} action={`/pro/contacts/vehicles/${lead.id}`} />
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div>
      <h2>{missing ? "Demande introuvable" : "Une erreur est survenue"}</h2>
      <p>
        {missing
          ? "Cette demande n’existe pas ou ne vous est pas adressée."
          : "Nous n’avons pas pu afficher cette demande. Réessayez dans un instant."}
      </p>
      <p>
        <Link to="/pro/contacts/vehicles">Retour aux demandes</Link>
      </p>
    </div>
  );
}
