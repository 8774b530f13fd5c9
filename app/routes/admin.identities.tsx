import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/kit";
import {
  listPendingIdentities,
  recentIdentityReviews,
  reviewIdentity,
  ReviewSchema,
} from "~/domain/identity/identity.server";
import { requireAdmin } from "~/utils/auth.server";
import { apiError, fieldErrors, fieldIssues, readBody, wantsJson } from "~/utils/http.server";
import { pageRoute } from "~/utils/errors.server";

export const meta: MetaFunction = () => [{ title: "Pièces d’identité — Administration Vitrine" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [pending, reviewed] = await Promise.all([listPendingIdentities(), recentIdentityReviews()]);
  return json({ pending, reviewed });
}

export const action = /* @__PURE__ */ pageRoute(async ({ request }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  const body = await readBody(request);
  const parsed = ReviewSchema.safeParse(body);
  if (!parsed.success) {
    const details = fieldIssues(parsed.error);
    if (wantsJson(request)) return apiError("VALIDATION_ERROR", "Invalid review", { details });
    return json({ proId: String(body.proId ?? ""), errors: fieldErrors(details) }, { status: 400 });
  }
  const done = await reviewIdentity(admin.id, parsed.data);
  if (!done) {
    if (wantsJson(request)) return apiError("NOT_FOUND", "No pending document for this pro");
    return json({ proId: parsed.data.proId, errors: { form: ["Ce document a déjà été traité."] } }, { status: 404 });
  }
  if (wantsJson(request))
    return json({
      data: { proId: parsed.data.proId, status: parsed.data.intent === "approve" ? "verified" : "rejected" },
    });
  return json({ done: parsed.data.intent });
});

export default function AdminIdentities() {
  const { pending, reviewed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "errors" in actionData ? actionData : null;
  return (
    <div>
      <h1>Pièces d’identité à vérifier</h1>
      {actionData && "done" in actionData ? (
        <div className="notice notice-success" role="status">
          {actionData.done === "approve" ? "Identité validée." : "Document refusé, le professionnel a été informé."}
        </div>
      ) : null}
      {failed?.errors && "form" in failed.errors ? (
        <div className="notice notice-error" role="alert">
          {failed.errors.form?.[0]}
        </div>
      ) : null}
      {pending.length === 0 ? <p>Aucun document en attente.</p> : null}
      {pending.map((pro) => {
        const reasonError =
          failed && "proId" in failed && failed.proId === pro.id && failed.errors && "reason" in failed.errors
            ? failed.errors.reason?.[0]
            : undefined;
        return (
          <section key={pro.id} className="card" aria-label={pro.companyName}>
            <h2>{pro.companyName}</h2>
            <p>
              {pro.name} · {pro.email} · envoyé le{" "}
              {pro.identitySubmittedAt ? new Date(pro.identitySubmittedAt).toLocaleString("fr-FR") : ""}
            </p>
            <p>
              <a href={`/admin/identities/${pro.id}/document`} target="_blank" rel="noreferrer">
                Télécharger le document ({pro.identityDocMime === "application/pdf" ? "PDF" : "image"})
              </a>
            </p>
            <div className="actions">
              <Form method="post">
                <input type="hidden" name="proId" value={pro.id} />
                <SubmitButton name="intent" value="approve">
                  Valider
                </SubmitButton>
              </Form>
              <Form method="post" className="actions">
                <input type="hidden" name="proId" value={pro.id} />
                <label htmlFor={`reason-${pro.id}`}>Motif du refus</label>
                <input
                  id={`reason-${pro.id}`}
                  name="reason"
                  aria-invalid={reasonError ? true : undefined}
                  aria-describedby={reasonError ? `reason-${pro.id}-error` : undefined}
                />
                <SubmitButton name="intent" value="reject" className="button-danger">
                  Refuser
                </SubmitButton>
                {reasonError ? (
                  <p className="field-error" id={`reason-${pro.id}-error`}>
                    {reasonError}
                  </p>
                ) : null}
              </Form>
            </div>
          </section>
        );
      })}
      {reviewed.length ? (
        <>
          <h2>Dernières décisions</h2>
          <table>
            <thead>
              <tr>
                <th>Société</th>
                <th>Décision</th>
                <th>Date</th>
              </tr>
            </thead>
            <tbody>
              {reviewed.map((r) => (
                <tr key={r.id}>
                  <td>{r.companyName}</td>
                  <td data-label="Décision">
                    {r.identityStatus === "verified" ? "Validée" : `Refusée : ${r.identityRejectionReason}`}
                  </td>
                  <td data-label="Date">
                    {r.identityReviewedAt ? new Date(r.identityReviewedAt).toLocaleString("fr-FR") : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
