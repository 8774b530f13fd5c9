import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field, isLocalPath, SubmitButton } from "~/kit";
import {
  countLoginAttempt,
  LoginSchema,
  loginFailuresByAccount,
  loginFailuresByIp,
} from "~/domain/accounts/accounts.server";
import { authenticator, getCurrentPro, InvalidCredentials } from "~/utils/auth.server";
import { apiError, fieldErrors, fieldIssues, readForm, wantsJson } from "~/utils/http.server";
import { clientIp } from "~/utils/rate-limit.server";
import { createSessionAndRedirect, safeRedirect } from "~/utils/session.server";
import { pageRoute } from "~/utils/errors.server";

export const meta: MetaFunction = () => [{ title: "Connexion — Vitrine" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const pro = await getCurrentPro(request);
  if (pro) throw redirect(pro.role === "admin" ? "/admin/identities" : "/pro");
  return null;
}

const WRONG_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect.";

export const action = /* @__PURE__ */ pageRoute(async ({ request, context }: ActionFunctionArgs) => {
  const asJson = wantsJson(request);
  const form = await readForm(request.clone());
  const redirectTo = form.get("redirectTo");
  const values = { email: String(form.get("email") ?? ""), redirectTo: isLocalPath(redirectTo) ? redirectTo : "" };
  const parsed = LoginSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const details = fieldIssues(parsed.error);
    if (asJson) return apiError("VALIDATION_ERROR", "Invalid sign-in", { details });
    return json({ errors: fieldErrors(details), values }, { status: 400 });
  }

  const ipKey = clientIp(context);
  const accountKey = parsed.data.email;
  // The attempt is counted before the password is checked, so parallel guesses cannot all pass;
  // a successful sign-in gives its points back (docs/decisions/004).
  const blocked = await countLoginAttempt(ipKey, accountKey);
  if (blocked) {
    const headers = { "Retry-After": String(blocked.retryAfter) };
    const message = "Trop de tentatives de connexion. Réessayez dans quelques minutes.";
    if (asJson) return apiError("RATE_LIMITED", "Too many sign-in attempts", { headers });
    return json({ errors: { form: [message] }, values }, { status: 429, headers });
  }

  try {
    const pro = await authenticator.authenticate("form", request);
    await Promise.all([loginFailuresByIp.refund(ipKey), loginFailuresByAccount.refund(accountKey)]);
    const home =
      pro.role === "admin" ? "/admin/identities" : pro.identityStatus === "verified" ? "/pro" : "/pro/identity";
    return createSessionAndRedirect(pro.member.id, safeRedirect(parsed.data.redirectTo || home, home), request);
  } catch (error) {
    if (!(error instanceof InvalidCredentials)) throw error;
    if (asJson) return apiError("UNAUTHORIZED", "Invalid e-mail or password");
    return json({ errors: { form: [WRONG_CREDENTIALS] }, values }, { status: 401 });
  }
});

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  return (
    <div className="form-narrow">
      <h1>Connexion à l’espace pro</h1>
      <ErrorSummary errors={errors} labels={{ email: "E-mail", password: "Mot de passe" }} />
      <Form method="post" noValidate>
        <input
          type="hidden"
          name="redirectTo"
          value={values?.redirectTo || localPathOrEmpty(params.get("redirectTo"))}
        />
        <Field
          label="E-mail"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values?.email}
          errors={errors}
        />
        <Field
          label="Mot de passe"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          errors={errors}
        />
        <SubmitButton pendingLabel="Connexion…">Se connecter</SubmitButton>
      </Form>
      <p>
        <Link to="/forgot-password">Mot de passe oublié ?</Link>
      </p>
      <p>
        Pas encore de compte ? <Link to="/register">Créer un compte professionnel</Link>
      </p>
    </div>
  );
}

/** A link to the login page with a strange `redirectTo` still gives a form that works. */
function localPathOrEmpty(to: string | null) {
  return isLocalPath(to) ? to : "";
}
