import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, SubmitButton } from "~/components/forms";
import {
  ApiTokenNameSchema,
  createApiToken,
  listApiTokens,
  revokeAllApiTokens,
  revokeApiToken,
} from "~/domain/accounts/accounts.server";
import { requirePro } from "~/utils/auth.server";
import { fieldErrors, fieldIssues, readForm } from "~/utils/http.server";
import { destroyAllSessions, destroySession } from "~/utils/session.server";
import { pageRoute } from "~/utils/errors.server";

export const meta: MetaFunction = () => [{ title: "Paramètres — Vitrine" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const pro = await requirePro(request);
  return json({ tokens: await listApiTokens(pro.id), email: pro.email, verified: pro.identityStatus === "verified" });
}

export const action = /* @__PURE__ */ pageRoute(async ({ request }: ActionFunctionArgs) => {
  const pro = await requirePro(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "create-token") {
    const parsed = ApiTokenNameSchema.safeParse({ name: form.get("name") });
    if (!parsed.success) {
      return json(
        { errors: fieldErrors(fieldIssues(parsed.error)), name: String(form.get("name") ?? "") },
        { status: 400 },
      );
    }
    const token = await createApiToken(pro.id, parsed.data.name);
    return json({ created: { name: token.name, secret: token.secret } });
  }
  if (intent === "revoke-token") {
    await revokeApiToken(pro.id, String(form.get("tokenId") ?? ""));
    return redirect("/pro/settings");
  }
  if (intent === "logout-everywhere") {
    // API tokens are not sessions: they end only when the pro asks for it here (or one by one).
    if (form.get("revokeTokens") === "on") await revokeAllApiTokens(pro.id);
    await destroyAllSessions(pro.id);
    return destroySession(request, "/login");
  }
  return json({ errors: { form: ["Action inconnue."] } }, { status: 400 });
});

export default function Settings() {
  const { tokens, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  return (
    <div>
      <h1>Paramètres</h1>
      <p className="muted">Compte : {email}</p>

      <section className="card">
        <h2>Jetons d’API</h2>
        <p>
          Un jeton permet à vos logiciels d’utiliser l’API JSON de Vitrine avec l’en-tête{" "}
          <code>Authorization: Bearer &lt;jeton&gt;</code>.
        </p>
        {actionData && "created" in actionData ? (
          <div className="notice notice-success" role="status">
            <p>Jeton « {actionData.created.name} » créé. Copiez-le maintenant : il ne sera plus affiché.</p>
            <p>
              <code data-testid="new-token">{actionData.created.secret}</code>
            </p>
          </div>
        ) : null}
        {tokens.length ? (
          <table>
            <thead>
              <tr>
                <th>Nom</th>
                <th>Début du jeton</th>
                <th>Créé le</th>
                <th>Dernière utilisation</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td data-label="Début du jeton">
                    <code>{t.prefix}…</code>
                  </td>
                  <td data-label="Créé le">{new Date(t.createdAt).toLocaleDateString("fr-FR")}</td>
                  <td data-label="Dernière utilisation">
                    {t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString("fr-FR") : "Jamais"}
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="tokenId" value={t.id} />
                      <SubmitButton name="intent" value="revoke-token" className="button-secondary button-small">
                        Révoquer
                      </SubmitButton>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>Aucun jeton actif.</p>
        )}
        <Form method="post" className="form-narrow" noValidate>
          <Field
            label="Nom du nouveau jeton"
            name="name"
            placeholder="Logiciel de transaction"
            defaultValue={actionData && "name" in actionData ? actionData.name : undefined}
            errors={errors}
          />
          <SubmitButton name="intent" value="create-token">
            Créer un jeton
          </SubmitButton>
        </Form>
      </section>

      <section className="card">
        <h2>Sessions</h2>
        <p>Déconnecte tous les navigateurs où vous êtes connecté, y compris celui-ci.</p>
        <Form method="post">
          <p>
            <label>
              <input type="checkbox" name="revokeTokens" /> Révoquer aussi tous mes jetons d’API
            </label>
          </p>
          <p className="muted" id="tokens-stay-valid">
            Sans cette case, vos jetons d’API restent valides : les logiciels qui les utilisent continuent de
            fonctionner.
          </p>
          <SubmitButton name="intent" value="logout-everywhere" className="button-secondary">
            Se déconnecter partout
          </SubmitButton>
        </Form>
      </section>
    </div>
  );
}
