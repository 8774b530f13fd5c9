import { InquirySubject } from "~/components/inquiries/InquirySubject";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { formatInquiryDate, InquiryStatusBadge, InquiryStatusButtons } from "~/components/inquiries/InquiryStatus";
import { AssigneeLabel, AssignForm } from "~/components/inquiries/Assignment";
import { assignInquiry, changeInquiryStatus, inquiryJson, openInquiry } from "~/domain/inquiries/inquiries.server";
import { assignableMembers } from "~/domain/teams/assignment.server";
import { assignmentRefusal, can } from "~/domain/teams/permissions";
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
  const title = inquiry.property?.title ?? inquiry.propertyTitle;
  return json({
    inquiry: inquiryJson(inquiry),
    members: can.assignLeads(pro.member) ? await assignableMembers(pro.id) : null,
    replyHref: mailtoHref(inquiry.senderEmail, { subject: `Votre demande : ${title}` }),
  });
});

export const action = /* @__PURE__ */ pageRoute(
  async ({ request, params }: ActionFunctionArgs) => {
    const pro = await requireVerifiedPro(request);
    const form = await readBody(request);
    const id = params.id ?? "";
    if (form.intent === "assign") await assignInquiry(leadAccess(pro), id, form.assigneeId);
    else if (form.intent === "status") await changeInquiryStatus(leadAccess(pro), id, form.status);
    else throw new DomainError("VALIDATION_ERROR", "Unknown intent");
    return redirect(`/pro/contacts/${params.id}`);
  },
  {
    formError: (error) =>
      error.code === "NOT_FOUND" ? undefined : (assignmentRefusal(error) ?? statusChangeRefusal(error.code)),
  },
);

export default function InquiryDetail() {
  const { inquiry, replyHref, members } = useLoaderData<typeof loader>() as {
    inquiry: ReturnType<typeof inquiryJson>;
    replyHref: string;
    members: { id: string; name: string }[] | null;
  };
  const actionData = useActionData<typeof action>();
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
        <div>
          <dt>Statut</dt>
          <dd>
            <InquiryStatusBadge status={inquiry.status} />
          </dd>
        </div>
        <div>
          <dt>Attribuée à</dt>
          <dd>
            {members ? (
              <AssignForm
                id={inquiry.id}
                current={inquiry.assignee}
                members={members}
                action={`/pro/contacts/${inquiry.id}`}
              />
            ) : (
              <AssigneeLabel assignee={inquiry.assignee} />
            )}
          </dd>
        </div>
        <div>
          <dt>Reçue le</dt>
          <dd>
            <time dateTime={inquiry.createdAt}>{formatInquiryDate(inquiry.createdAt)}</time>
          </dd>
        </div>
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
          <dd>
            {inquiry.senderPhone ? (
              <a href={`tel:${inquiry.senderPhone.replace(/[^\d+]/g, "")}`}>{inquiry.senderPhone}</a>
            ) : (
              "—"
            )}
          </dd>
        </div>
      </dl>
      <h3>Message</h3>
      <p className="inquiry-message card">{inquiry.message}</p>
      <div className="actions">
        <a className="button" href={replyHref}>
          Répondre par e-mail
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
