import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field, SubmitButton } from "~/kit";
import {
  ApiTokenNameSchema,
  createApiToken,
  listApiTokens,
  revokeAllApiTokens,
  revokeApiToken,
} from "~/domain/accounts/accounts.server";
import { ChangePasswordSchema, changePassword, WrongPassword } from "~/domain/accounts/passwords.server";
import { leadRemindersEnabled, setLeadReminders } from "~/domain/followup/reminders.server";
import { can } from "~/domain/teams/permissions";
import { requirePermission, requirePro, type CurrentPro } from "~/utils/auth.server";
import { pageRoute } from "~/utils/errors.server";
import { fieldErrors, fieldIssues, readForm } from "~/utils/http.server";
import { currentSessionId, destroyAllSessions, destroySession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Paramètres — Vitrine" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const pro = await requirePro(request);
  const tokens = can.manageApiTokens(pro.member) ? await listApiTokens(pro.id) : null;
  return json({
    tokens,
    email: pro.member.email,
    verified: pro.identityStatus === "verified",
    leadRemindersEnabled: await leadRemindersEnabled(pro.member.id),
    remindersSaved: new URL(request.url).searchParams.get("rappels") === "enregistres",
  });
}

export const action = /* @__PURE__ */ pageRoute(async ({ request }: ActionFunctionArgs) => {
  const pro = await requirePro(request);
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "create-token":
      return createTokenAction(request, pro, form);
    case "revoke-token":
      requirePermission(request, pro, "manageApiTokens");
      await revokeApiToken(pro.id, String(form.get("tokenId") ?? ""));
      return redirect("/pro/settings");
    case "change-password":
      return changePasswordAction(request, pro, form);
    case "lead-reminders":
      // Each member chooses for themself: reminders go to a lead's assignee (else the owner).
      // A checkbox sends "on" when ticked and nothing when not.
      await setLeadReminders({ memberId: pro.member.id, enabled: form.get("enabled") === "on" });
      return redirect("/pro/settings?rappels=enregistres");
    case "logout-everywhere":
      // API tokens are not sessions: they end only when the owner asks for it here (or one by one).
      if (form.get("revokeTokens") === "on") {
        requirePermission(request, pro, "manageApiTokens");
        await revokeAllApiTokens(pro.id);
      }
      await destroyAllSessions(pro.member.id);
      return destroySession(request, "/login");
    default:
      return json({ errors: { form: ["Action inconnue."] } }, { status: 400 });
  }
});

async function createTokenAction(request: Request, pro: CurrentPro, form: FormData) {
  requirePermission(request, pro, "manageApiTokens");
  const parsed = ApiTokenNameSchema.safeParse({ name: form.get("name") });
  if (!parsed.success) {
    return json(
      { errors: fieldErrors(fieldIssues(parsed.error)), name: String(form.get("name") ?? "") },
      { status: 400 },
    );
  }
  const token = await createApiToken({ proId: pro.id, memberId: pro.member.id, name: parsed.data.name });
  return json({ created: { name: token.name, secret: token.secret } });
}

/** Current password required; every other session of the member ends, this one stays. */
async function changePasswordAction(request: Request, pro: CurrentPro, form: FormData) {
  const parsed = ChangePasswordSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return json({ passwordErrors: fieldErrors(fieldIssues(parsed.error)) }, { status: 400 });
  }
  try {
    await changePassword({
      memberId: pro.member.id,
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.newPassword,
      keepSessionId: await currentSessionId(request),
    });
  } catch (error) {
    if (!(error instanceof WrongPassword)) throw error;
    return json({ passwordErrors: fieldErrors(error.details ?? []) }, { status: 400 });
  }
  return json({ passwordChanged: true });
}

export default function Settings() {
  const { tokens, email, leadRemindersEnabled, remindersSaved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const passwordErrors = actionData && "passwordErrors" in actionData ? actionData.passwordErrors : undefined;
  return (
    <div>
      <h1>Paramètres</h1>
      <p className="muted">Compte : {email}</p>

      <section className="card" aria-labelledby="reminders-title">
        <h2 id="reminders-title">Rappels de demandes en attente</h2>
        {remindersSaved ? (
          <div className="notice notice-success" role="status">
            <p>Préférence enregistrée.</p>
          </div>
        ) : null}
        <p className="muted">
          Un e-mail vous rappelle les demandes qui vous sont attribuées et restent sans réponse, puis un par jour tant
          qu’elles attendent.
        </p>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="lead-reminders" />
          <label className="checkbox">
            <input type="checkbox" name="enabled" defaultChecked={leadRemindersEnabled} />
            Me rappeler par e-mail les demandes restées sans réponse
          </label>
          <SubmitButton name="intent" value="lead-reminders" pendingLabel="Enregistrement…">
            Enregistrer
          </SubmitButton>
        </Form>
      </section>

      <section className="card">
        <h2>Mot de passe</h2>
        {actionData && "passwordChanged" in actionData ? (
          <div className="notice notice-success" role="status">
            <p>Mot de passe modifié. Vos autres sessions ont été fermées.</p>
          </div>
        ) : null}
        <ErrorSummary
          errors={passwordErrors}
          labels={{ currentPassword: "Mot de passe actuel", newPassword: "Nouveau mot de passe" }}
        />
        <Form method="post" className="form-narrow" noValidate>
          <Field
            label="Mot de passe actuel"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            errors={passwordErrors}
          />
          <Field
            label="Nouveau mot de passe"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            hint="10 caractères au moins. Vos autres sessions seront fermées."
            required
            minLength={10}
            errors={passwordErrors}
          />
          <SubmitButton name="intent" value="change-password" pendingLabel="Modification…">
            Changer le mot de passe
          </SubmitButton>
        </Form>
      </section>

      {tokens ? (
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
      ) : null}

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
