import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ErrorSummary, Field, SelectField, SubmitButton } from "~/kit";
import { EmailTaken, RegisterSchema, registerPro, registrationsByIp } from "~/domain/accounts/accounts.server";
import { PRO_KINDS } from "~/domain/accounts/kinds";
import { getCurrentPro } from "~/utils/auth.server";
import { apiError, fieldErrors, fieldIssues, readBody, wantsJson } from "~/utils/http.server";
import { clientIp } from "~/utils/rate-limit.server";
import { createSessionAndRedirect } from "~/utils/session.server";
import { pageRoute } from "~/utils/errors.server";

export const meta: MetaFunction = () => [{ title: "Créer un compte professionnel — Vitrine" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentPro(request)) throw redirect("/pro");
  return null;
}

export const action = /* @__PURE__ */ pageRoute(async ({ request, context }: ActionFunctionArgs) => {
  const asJson = wantsJson(request);
  const body = await readBody(request);
  const values = {
    companyName: String(body.companyName ?? ""),
    name: String(body.name ?? ""),
    email: String(body.email ?? ""),
    kind: String(body.kind ?? ""),
  };
  const parsed = RegisterSchema.safeParse(body);
  if (!parsed.success) {
    const details = fieldIssues(parsed.error);
    if (asJson) return apiError("VALIDATION_ERROR", "Invalid registration", { details });
    return json({ errors: fieldErrors(details), values }, { status: 400 });
  }
  const limit = await registrationsByIp.consume(clientIp(context));
  if (!limit.ok) {
    const headers = { "Retry-After": String(limit.retryAfter) };
    if (asJson) return apiError("RATE_LIMITED", "Too many registrations from this address", { headers });
    const message = "Trop de comptes créés depuis cette adresse. Réessayez plus tard.";
    return json({ errors: { form: [message] }, values }, { status: 429, headers });
  }
  try {
    const pro = await registerPro(parsed.data);
    return createSessionAndRedirect(pro.memberId, "/pro/identity", request);
  } catch (error) {
    if (!(error instanceof EmailTaken)) throw error;
    const message = "Un compte existe déjà avec cette adresse e-mail. Connectez-vous.";
    if (asJson) return apiError("DUPLICATE", "An account already exists with this e-mail", { status: 409 });
    return json({ errors: { email: [message] }, values }, { status: 409 });
  }
});

export default function Register() {
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  return (
    <div className="form-narrow">
      <h1>Créer un compte professionnel</h1>
      <p className="muted">
        Publiez vos annonces et recevez vos demandes de contact. Une pièce d’identité vous sera demandée avant l’accès à
        l’espace pro.
      </p>
      <ErrorSummary
        errors={errors}
        labels={{ companyName: "Société", name: "Nom", email: "E-mail", password: "Mot de passe", kind: "Activité" }}
      />
      <Form method="post" noValidate>
        <Field
          label="Société"
          name="companyName"
          required
          autoComplete="organization"
          defaultValue={values?.companyName}
          errors={errors}
        />
        <Field label="Votre nom" name="name" required autoComplete="name" defaultValue={values?.name} errors={errors} />
        <Field
          label="E-mail"
          name="email"
          type="email"
          required
          autoComplete="email"
          defaultValue={values?.email}
          errors={errors}
        />
        <Field
          label="Mot de passe"
          name="password"
          type="password"
          required
          minLength={10}
          autoComplete="new-password"
          hint="Au moins 10 caractères."
          errors={errors}
        />
        <SelectField
          label="Activité"
          name="kind"
          required
          placeholder="Choisissez…"
          options={PRO_KINDS.map((k) => ({ value: k.value, label: k.label }))}
          defaultValue={values?.kind ?? ""}
          errors={errors}
        />
        <SubmitButton pendingLabel="Création…">Créer mon compte</SubmitButton>
      </Form>
      <p>
        Déjà inscrit ? <Link to="/login">Se connecter</Link>
      </p>
    </div>
  );
}
