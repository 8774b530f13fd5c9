import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field, SubmitButton } from "~/kit";
import {
  findUsableResetToken,
  InvalidLink,
  resetPassword,
  ResetPasswordSchema,
} from "~/domain/accounts/passwords.server";
import { fieldErrors, fieldIssues, readBody } from "~/utils/http.server";
import { createSessionAndRedirect } from "~/utils/session.server";
import { pageRoute } from "~/utils/errors.server";

export const meta: MetaFunction = () => [{ title: "Nouveau mot de passe — Vitrine" }];

const INVALID = "Ce lien n’est plus valable : il a déjà servi, il a expiré ou il est incomplet.";

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const usable = Boolean(await findUsableResetToken(token));
  return json({ token: usable ? token : null }, { status: usable ? 200 : 400 });
}

/** A valid link sets the password, ends every session of the account and signs the user in. */
export const action = /* @__PURE__ */ pageRoute(async ({ request }: ActionFunctionArgs) => {
  const body = await readBody(request);
  const token = typeof body.token === "string" ? body.token : "";
  const parsed = ResetPasswordSchema.safeParse(body);
  if (!parsed.success) {
    return json({ errors: fieldErrors(fieldIssues(parsed.error)), token }, { status: 400 });
  }
  try {
    const { memberId } = await resetPassword(parsed.data);
    return createSessionAndRedirect(memberId, "/pro");
  } catch (error) {
    if (!(error instanceof InvalidLink)) throw error;
    return json({ errors: { form: [INVALID] }, token: null }, { status: 400 });
  }
});

export default function ResetPassword() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const token = actionData && "token" in actionData ? actionData.token : loaderData.token;
  const errors = actionData?.errors;
  return (
    <div className="form-narrow">
      <h1>Choisir un nouveau mot de passe</h1>
      {token ? (
        <>
          <ErrorSummary errors={errors} labels={{ password: "Nouveau mot de passe" }} />
          <Form method="post" noValidate>
            <input type="hidden" name="token" value={token} />
            <Field
              label="Nouveau mot de passe"
              name="password"
              type="password"
              autoComplete="new-password"
              hint="10 caractères au moins. Toutes vos sessions ouvertes seront fermées."
              required
              minLength={10}
              errors={errors}
            />
            <SubmitButton pendingLabel="Enregistrement…">Enregistrer et me connecter</SubmitButton>
          </Form>
        </>
      ) : (
        <div className="notice notice-error" role="alert">
          <p>{INVALID}</p>
          <p>
            <Link to="/forgot-password">Demander un nouveau lien</Link>
          </p>
        </div>
      )}
    </div>
  );
}
