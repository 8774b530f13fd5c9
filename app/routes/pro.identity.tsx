import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SubmitButton } from "~/kit";
import { identityUploadsByIp, submitIdentityDocument } from "~/domain/identity/identity.server";
import { can } from "~/domain/teams/permissions";
import { requirePermission, requirePro } from "~/utils/auth.server";
import { pageRoute } from "~/utils/errors.server";
import { DomainError } from "~/utils/errors";
import { clientIp } from "~/utils/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Vérification d’identité — Vitrine" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const pro = await requirePro(request);
  return json({
    status: pro.identityStatus,
    reason: pro.identityRejectionReason,
    mayUpload: can.manageIdentity(pro.member),
  });
}

const MESSAGES: Partial<Record<string, string>> = {
  PAYLOAD_TOO_LARGE: "Le fichier dépasse la taille maximale de 10 Mo.",
  TOO_MANY_PHOTOS: "Envoyez un seul fichier.",
  RATE_LIMITED: "Trop d’envois depuis cette adresse. Réessayez dans une heure.",
};

export const action = /* @__PURE__ */ pageRoute(
  async ({ request, context }: ActionFunctionArgs) => {
    const pro = await requirePro(request);
    requirePermission(request, pro, "manageIdentity");
    if (pro.identityStatus === "verified") throw redirect("/pro");
    const limit = await identityUploadsByIp.consume(clientIp(context));
    if (!limit.ok) {
      throw new DomainError("RATE_LIMITED", "Too many identity uploads", undefined, 429, {
        "Retry-After": String(limit.retryAfter),
      });
    }
    await submitIdentityDocument(pro.id, request);
    return redirect("/pro/identity?sent=1");
  },
  {
    formError: (error) =>
      json(
        { errors: { document: [MESSAGES[error.code] ?? error.details?.[0]?.message ?? error.message] } },
        { status: error.status, headers: error.headers },
      ),
  },
);

export default function Identity() {
  const { status, reason, mayUpload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const error = errors?.document?.[0];
  return (
    <div className="form-narrow">
      <h1>Vérification de votre identité</h1>
      {status === "verified" ? (
        <div className="notice notice-success" role="status">
          Votre identité est vérifiée. <Link to="/pro">Accéder à votre espace</Link>
        </div>
      ) : null}
      {status === "pending" ? (
        <div className="notice notice-warning" role="status">
          Votre pièce d’identité est en cours de vérification par notre équipe. Vous aurez accès à l’espace pro dès sa
          validation.
        </div>
      ) : null}
      {status === "rejected" ? (
        <div className="notice notice-error" role="status">
          Votre pièce d’identité a été refusée. Motif : {reason}. Vous pouvez envoyer un nouveau document.
        </div>
      ) : null}
      {status === "missing" ? (
        <p>
          Pour protéger les acheteurs, chaque professionnel fournit une pièce d’identité (carte nationale d’identité ou
          passeport) avant de publier. Elle n’est visible que par l’équipe Vitrine.
        </p>
      ) : null}
      {status !== "verified" && !mayUpload ? (
        <p className="notice notice-warning" role="status">
          Seul le propriétaire du compte peut envoyer la pièce d’identité de l’organisation.
        </p>
      ) : null}
      {status !== "verified" && mayUpload ? (
        <>
          <ErrorSummary errors={errors} labels={{ document: "Document" }} />
          <Form method="post" encType="multipart/form-data" noValidate>
            <div className="field">
              <label htmlFor="field-document">{status === "missing" ? "Pièce d’identité" : "Nouveau document"}</label>
              <p className="hint" id="field-document-hint">
                JPEG, PNG, WebP ou PDF, 10 Mo au maximum.
              </p>
              <input
                id="field-document"
                name="document"
                type="file"
                required
                accept="image/jpeg,image/png,image/webp,application/pdf"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "field-document-error field-document-hint" : "field-document-hint"}
              />
              {error ? (
                <p className="field-error" id="field-document-error">
                  {error}
                </p>
              ) : null}
            </div>
            <SubmitButton pendingLabel="Envoi du document…">Envoyer le document</SubmitButton>
          </Form>
        </>
      ) : null}
    </div>
  );
}
