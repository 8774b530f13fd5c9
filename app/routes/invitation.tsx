import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field, SubmitButton } from "~/kit";
import { ROLE_LABELS } from "~/domain/teams/permissions";
import {
  acceptInvitation,
  AcceptInvitationSchema,
  findUsableInvitation,
  InvitationUnusable,
} from "~/domain/teams/team.server";
import { DomainError, fieldErrors, fieldIssues, readBody } from "~/utils/http.server";
import { createSessionAndRedirect } from "~/utils/session.server";
import { pageRoute } from "~/utils/errors.server";

export const meta: MetaFunction = () => [{ title: "Rejoindre une équipe — Vitrine" }];

const INVALID = "Cette invitation n’est plus valable : elle a déjà servi, elle a expiré ou elle a été annulée.";

async function invitationView(token: string) {
  const invitation = await findUsableInvitation(token);
  if (!invitation) return null;
  return {
    token,
    email: invitation.email,
    name: invitation.name,
    role: ROLE_LABELS[invitation.role],
    companyName: invitation.pro.companyName,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const invitation = await invitationView(new URL(request.url).searchParams.get("token") ?? "");
  return json({ invitation }, { status: invitation ? 200 : 400 });
}

/** Choosing a password accepts the invitation: the member exists and is signed in. */
export const action = /* @__PURE__ */ pageRoute(async ({ request }: ActionFunctionArgs) => {
  const body = await readBody(request);
  const token = typeof body.token === "string" ? body.token : "";
  const values = { name: typeof body.name === "string" ? body.name.slice(0, 120) : "" };
  const parsed = AcceptInvitationSchema.safeParse(body);
  if (!parsed.success) {
    return json(
      { errors: fieldErrors(fieldIssues(parsed.error)), values, invitation: await invitationView(token) },
      { status: 400 },
    );
  }
  try {
    const { memberId } = await acceptInvitation(parsed.data);
    return createSessionAndRedirect(memberId, "/pro");
  } catch (error) {
    if (error instanceof InvitationUnusable) {
      return json({ errors: { form: [INVALID] }, values, invitation: null }, { status: 400 });
    }
    if (error instanceof DomainError && error.code === "DUPLICATE") {
      return json({ errors: fieldErrors(error.details ?? []), values, invitation: null }, { status: 409 });
    }
    throw error;
  }
});

export default function Invitation() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const invitation = actionData && "invitation" in actionData ? actionData.invitation : loaderData.invitation;
  const errors = actionData?.errors;
  return (
    <div className="form-narrow">
      <h1>Rejoindre une équipe</h1>
      {invitation ? (
        <>
          <p>
            Vous êtes invité(e) à rejoindre <strong>{invitation.companyName}</strong> sur Vitrine en tant que{" "}
            <strong>{invitation.role.toLowerCase()}</strong>. Choisissez votre mot de passe pour activer votre accès.
          </p>
          <ErrorSummary errors={errors} labels={{ name: "Nom", password: "Mot de passe" }} />
          <Form method="post" noValidate>
            <input type="hidden" name="token" value={invitation.token} />
            <Field label="E-mail" name="email" type="email" value={invitation.email} readOnly />
            <Field
              label="Votre nom"
              name="name"
              autoComplete="name"
              required
              defaultValue={actionData?.values.name ?? invitation.name}
              errors={errors}
            />
            <Field
              label="Mot de passe"
              name="password"
              type="password"
              autoComplete="new-password"
              hint="10 caractères au moins."
              required
              minLength={10}
              errors={errors}
            />
            <SubmitButton pendingLabel="Activation…">Rejoindre l’équipe</SubmitButton>
          </Form>
        </>
      ) : (
        <div className="notice notice-error" role="alert">
          <p>{errors?.form?.[0] ?? INVALID}</p>
          <p>
            Demandez une nouvelle invitation au propriétaire du compte, ou <Link to="/login">connectez-vous</Link>.
          </p>
        </div>
      )}
    </div>
  );
}
