import { InquirySubject } from "~/kit";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { AssigneeFact, LeadClockFacts, PhoneLink } from "~/components/followup/LeadFacts";
import { InquiryStatusButtons } from "~/components/inquiries/InquiryStatus";
import { Conversation, ReplyForm, type ConversationReply } from "~/components/followup/Conversation";
import { submitReplyForm } from "~/domain/followup/reply-form.server";
import { listReplies } from "~/domain/followup/replies.server";
import { assignInquiry, changeInquiryStatus, inquiryJson, openInquiry } from "~/domain/inquiries/inquiries.server";
import { assignableMembers } from "~/domain/teams/assignment.server";
import { assignmentRefusal, can, type LeadAccess } from "~/domain/teams/permissions";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { statusChangeRefusal } from "~/domain/inquiries/status";
import { DomainError } from "~/utils/errors";
import { pageRoute } from "~/utils/errors.server";
import { readBody, wantsJson } from "~/utils/http.server";
import { mailtoHref } from "~/utils/mailto";

export const meta: MetaFunction = () => [{ title: "Demande de contact — Vitrine" }];

/** Opening the detail marks a new inquiry read (SPEC): only for its owner, in the same query. */
export const loader = /* @__PURE__ */ pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const pro = await requireVerifiedPro(request);
  const inquiry = await openInquiry(leadAccess(pro), params.id ?? "");
  if (wantsJson(request)) return json({ data: inquiryJson(inquiry) });
  const title = inquiry.property?.title ?? inquiry.programme?.name ?? inquiry.propertyTitle;
  return json({
    inquiry: inquiryJson(inquiry),
    replies: await listReplies({ kind: "inquiry", id: inquiry.id }),
    replySent: new URL(request.url).searchParams.get("reponse") === "envoyee",
    members: can.assignLeads(pro.member) ? await assignableMembers(pro.id) : null,
    memberId: pro.member.id,
    replyHref: mailtoHref(inquiry.senderEmail, { subject: `Votre demande : ${title}` }),
  });
});

export const action = /* @__PURE__ */ pageRoute(
  async ({ request, params }: ActionFunctionArgs) => {
    const pro = await requireVerifiedPro(request);
    const form = await readBody(request);
    const id = params.id ?? "";
    const access = leadAccess(pro);
    if (form.intent === "reply") return replyAction({ form, access, id });
    if (form.intent === "assign") await assignInquiry(access, id, form.assigneeId);
    else if (form.intent === "status") await changeInquiryStatus(access, id, form.status);
    else throw new DomainError("VALIDATION_ERROR", "Unknown intent");
    return redirect(`/pro/contacts/${params.id}`);
  },
  {
    formError: (error) =>
      error.code === "NOT_FOUND" ? undefined : (assignmentRefusal(error) ?? statusChangeRefusal(error.code)),
  },
);

/** The reply form (native, or sent by a fetcher with `via=fetcher`): the same domain function as the JSON endpoint. */
async function replyAction({ form, access, id }: { form: Record<string, unknown>; access: LeadAccess; id: string }) {
  const result = await submitReplyForm({ lead: { kind: "inquiry", id }, access, message: form.message });
  if (result.kind === "not-found") throw new DomainError("NOT_FOUND", "Contact request not found");
  if (result.kind === "invalid") return json({ errors: result.errors, message: result.message }, { status: 400 });
  if (form.via === "fetcher") return json({ sent: true });
  return redirect(`/pro/contacts/${id}?reponse=envoyee#conversation`);
}

export default function InquiryDetail() {
  const { inquiry, replies, replySent, replyHref, members, memberId } = useLoaderData<typeof loader>() as {
    inquiry: ReturnType<typeof inquiryJson>;
    replies: ConversationReply[];
    replySent: boolean;
    replyHref: string;
    members: { id: string; name: string }[] | null;
    memberId: string;
  };
  const actionData = useActionData<{ errors?: Record<string, string[]> }>();
  return (
    <article className="inquiry-detail">
      <p>
        <Link to="/pro/contacts">← Toutes les demandes</Link>
      </p>
      <h2>Demande de {inquiry.senderName}</h2>
      {actionData?.errors ? (
        <div className="notice notice-error" role="alert">
          {Object.values(actionData.errors).flat()[0]}
        </div>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{inquiry.programmeId !== null ? "Programme" : "Annonce"}</dt>
          <dd>
            <InquirySubject inquiry={inquiry} />
          </dd>
        </div>
        <LeadClockFacts
          status={inquiry.status}
          receivedAt={inquiry.createdAt}
          responseSeconds={inquiry.responseSeconds}
        />
        <AssigneeFact
          id={inquiry.id}
          assignee={inquiry.assignee}
          members={members}
          action={`/pro/contacts/${inquiry.id}`}
        />
        <div>
          <dt>Nom</dt>
          <dd>{inquiry.senderName}</dd>
        </div>
        <div>
          <dt>E-mail</dt>
          <dd>
            <a href={mailtoHref(inquiry.senderEmail)}>{inquiry.senderEmail}</a>
          </dd>
        </div>
        <div>
          <dt>Téléphone</dt>
          <dd>{inquiry.senderPhone ? <PhoneLink phone={inquiry.senderPhone} /> : "—"}</dd>
        </div>
      </dl>
      <Conversation
        buyerName={inquiry.senderName}
        buyerMessage={inquiry.message}
        receivedAt={inquiry.createdAt}
        replies={replies}
        currentMemberId={memberId}
      />
      <ReplyForm action={`/pro/contacts/${inquiry.id}`} sentNotice={replySent} />
      <div className="actions">
        <a className="button-secondary" href={replyHref}>
          Répondre avec ma messagerie
        </a>
        <InquiryStatusButtons id={inquiry.id} status={inquiry.status} action={`/pro/contacts/${inquiry.id}`} />
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
        <Link to="/pro/contacts">Retour aux demandes</Link>
      </p>
    </div>
  );
}
