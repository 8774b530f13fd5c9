import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { AssigneeFact, LeadClockFacts, VehicleBuyerFacts } from "~/components/followup/LeadFacts";
import { Conversation, ReplyForm } from "~/components/followup/Conversation";
import { InquiryStatusButtons } from "~/components/inquiries/InquiryStatus";
import { VehicleList } from "~/kit";
import { listReplies } from "~/domain/followup/replies.server";
import { submitReplyForm } from "~/domain/followup/reply-form.server";
import { statusChangeRefusal } from "~/domain/inquiries/status";
import { assignableMembers } from "~/domain/teams/assignment.server";
import { assignmentRefusal, can, type LeadAccess } from "~/domain/teams/permissions";
import { assignVehicleLead, changeVehicleLeadStatus, openVehicleLead } from "~/domain/vehicles/leads.server";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { pageRoute } from "~/utils/errors.server";
import { readBody } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Demande sur vos véhicules — Vitrine" }];

/**
 * /pro/contacts/vehicles/:id — one vehicle lead with its conversation; opening it marks it read.
 * Not visible to this member (another dealership's, still anonymous, or for an agent not theirs): 404.
 */
export const loader = /* @__PURE__ */ pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const pro = await requireVerifiedPro(request);
  const lead = await openVehicleLead(leadAccess(pro), params.id ?? "");
  return json(
    {
      lead,
      replies: await listReplies({ kind: "vehicle", id: lead.id }),
      replySent: new URL(request.url).searchParams.get("reponse") === "envoyee",
      members: can.assignLeads(pro.member) ? await assignableMembers(pro.id) : null,
      memberId: pro.member.id,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});

export const action = /* @__PURE__ */ pageRoute(
  async ({ request, params }: ActionFunctionArgs) => {
    const pro = await requireVerifiedPro(request);
    const id = params.id ?? "";
    const form = await readBody(request);
    const access = leadAccess(pro);
    if (form.intent === "reply") return replyAction({ form, access, id });
    if (form.intent === "assign") await assignVehicleLead(access, id, form.assigneeId);
    else if (form.intent === "status") await changeVehicleLeadStatus(access, id, form.status);
    else throw new DomainError("VALIDATION_ERROR", "Unknown intent");
    return redirect(`/pro/contacts/vehicles/${id}`);
  },
  {
    formError: (error) =>
      error.code === "NOT_FOUND" ? undefined : (assignmentRefusal(error) ?? statusChangeRefusal(error.code)),
  },
);

/** The reply form (native, or sent by a fetcher with `via=fetcher`): the same domain function as the JSON endpoint. */
async function replyAction({ form, access, id }: { form: Record<string, unknown>; access: LeadAccess; id: string }) {
  const result = await submitReplyForm({ lead: { kind: "vehicle", id }, access, message: form.message });
  if (result.kind === "not-found") throw new DomainError("NOT_FOUND", "Lead not found");
  if (result.kind === "invalid") return json({ errors: result.errors, message: result.message }, { status: 400 });
  if (form.via === "fetcher") return json({ sent: true });
  return redirect(`/pro/contacts/vehicles/${id}?reponse=envoyee#conversation`);
}

type PageData = Extract<SerializeFrom<typeof loader>, { lead: unknown }>;

export default function VehicleLeadDetail() {
  const { lead, replies, replySent, members, memberId } = useLoaderData<typeof loader>() as PageData;
  const actionData = useActionData<{ errors?: Record<string, string[]> }>();
  const formError = actionData?.errors?.form?.[0];
  return (
    <article className="inquiry-detail">
      <p>
        <Link to="/pro/contacts/vehicles">← Toutes les demandes sur vos véhicules</Link>
      </p>
      <h2>
        Demande de {lead.buyer.fullName} <span className="muted">— n° {lead.requestId}</span>
      </h2>
      {formError ? (
        <div className="notice notice-error" role="alert">
          {formError}
        </div>
      ) : null}
      <dl className="facts">
        <LeadClockFacts status={lead.status} receivedAt={lead.receivedAt} responseSeconds={lead.responseSeconds} />
        <AssigneeFact
          id={lead.id}
          assignee={lead.assignee}
          members={members}
          action={`/pro/contacts/vehicles/${lead.id}`}
        />
        <VehicleBuyerFacts buyer={lead.buyer} />
      </dl>
      <VehicleList vehicles={lead.vehicles.map((v, i) => ({ key: `${v.vehicleId}-${i}`, ...v }))} />
      <Conversation
        buyerName={lead.buyer.fullName}
        buyerMessage={lead.buyer.additionalComments}
        receivedAt={lead.receivedAt}
        replies={replies}
        currentMemberId={memberId}
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
