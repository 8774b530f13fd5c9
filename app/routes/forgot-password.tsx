import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field, SubmitButton } from "~/kit";
import { ForgotPasswordSchema, RateLimited, requestPasswordReset } from "~/domain/accounts/passwords.server";
import { apiError, fieldErrors, fieldIssues, readBody, wantsJson } from "~/utils/http.server";
import { clientIp } from "~/utils/rate-limit.server";
import { pageRoute } from "~/utils/errors.server";

export const meta: MetaFunction = () => [{ title: "Mot de passe oublié — Vitrine" }];

const SENT = "Si un compte existe pour cette adresse, un e-mail vient d’être envoyé.";

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ sent: new URL(request.url).searchParams.get("sent") === "1" });
}

/** Same answer whether or not the address has an account (SPEC "Accounts and identity"). */
export const action = /* @__PURE__ */ pageRoute(async ({ request, context }: ActionFunctionArgs) => {
  const asJson = wantsJson(request);
  const body = await readBody(request);
  const values = { email: typeof body.email === "string" ? body.email.slice(0, 254) : "" };
  const parsed = ForgotPasswordSchema.safeParse(body);
  if (!parsed.success) {
    const details = fieldIssues(parsed.error);
    if (asJson) return apiError("VALIDATION_ERROR", "Invalid e-mail", { details });
    return json({ errors: fieldErrors(details), values }, { status: 400 });
  }
  try {
    await requestPasswordReset({ email: parsed.data.email, clientIp: clientIp(context) });
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error;
    const headers = { "Retry-After": String(error.retryAfter) };
    if (asJson) return apiError("RATE_LIMITED", "Too many password reset requests", { headers });
    const message = "Trop de demandes depuis cette connexion. Réessayez dans une heure.";
    return json({ errors: { form: [message] }, values }, { status: 429, headers });
  }
  if (asJson) return json({ data: { message: SENT } }, { status: 202 });
  return redirect("/forgot-password?sent=1");
});

export default function ForgotPassword() {
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  return (
    <div className="form-narrow">
      <h1>Mot de passe oublié</h1>
      {sent ? (
        <div className="notice notice-success" role="status">
          <p>{SENT}</p>
          <p>Le lien est valable 60 minutes. Pensez à regarder dans vos indésirables.</p>
        </div>
      ) : (
        <p>
          Indiquez l’adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
        </p>
      )}
      <ErrorSummary errors={errors} labels={{ email: "E-mail" }} />
      <Form method="post" noValidate>
        <Field
          label="E-mail"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values?.email}
          errors={errors}
        />
        <SubmitButton pendingLabel="Envoi…">{sent ? "Renvoyer un lien" : "Recevoir un lien"}</SubmitButton>
      </Form>
      <p>
        <Link to="/login">Retour à la connexion</Link>
      </p>
    </div>
  );
}
