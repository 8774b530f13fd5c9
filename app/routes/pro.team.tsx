import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field, SelectField, SubmitButton } from "~/kit";
import { ASSIGNABLE_ROLES, ROLE_LABELS } from "~/domain/teams/permissions";
import {
  cancelInvitation,
  InvitationSchema,
  inviteMember,
  listMembers,
  listPendingInvitations,
  updateMember,
} from "~/domain/teams/team.server";
import { requirePermission, requireVerifiedPro, type CurrentPro } from "~/utils/auth.server";
import { DomainError, fieldErrors, fieldIssues, readForm, toResponse, wantsJson } from "~/utils/http.server";
import { pageRoute } from "~/utils/errors.server";

export const meta: MetaFunction = () => [{ title: "Équipe — Vitrine" }];

const ROLE_OPTIONS = ASSIGNABLE_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** `GET /pro/team` → `{data: [{id, name, email, role, active}]}`; the page adds pending invitations. */
export async function loader({ request }: LoaderFunctionArgs) {
  const pro = await requireVerifiedPro(request);
  requirePermission(request, pro, "manageTeam");
  const members = await listMembers(pro.id);
  if (wantsJson(request)) return json({ data: members });
  const invitations = await listPendingInvitations(pro.id);
  return json({ members, invitations, me: pro.member.id });
}

export const action = /* @__PURE__ */ pageRoute(async ({ request }: ActionFunctionArgs) => {
  const pro = await requireVerifiedPro(request);
  requirePermission(request, pro, "manageTeam");
  let form: FormData;
  try {
    form = await readForm(request);
  } catch (error) {
    if (error instanceof DomainError) throw toResponse(error);
    throw error;
  }
  switch (form.get("intent")) {
    case "invite":
      return inviteAction(pro, form);
    case "role":
      return memberAction(pro, form, { role: form.get("role") });
    case "deactivate":
      return memberAction(pro, form, { active: false });
    case "reactivate":
      return memberAction(pro, form, { active: true });
    case "cancel-invitation":
      await cancelInvitation({ proId: pro.id, id: String(form.get("invitationId") ?? "") });
      return redirect("/pro/team");
    default:
      throw new DomainError("VALIDATION_ERROR", "Unknown intent", [{ field: "intent", message: "Action inconnue." }]);
  }
});

async function inviteAction(pro: CurrentPro, form: FormData) {
  const values = {
    name: String(form.get("name") ?? "").slice(0, 120),
    email: String(form.get("email") ?? "").slice(0, 254),
    role: String(form.get("role") ?? ""),
  };
  const parsed = InvitationSchema.safeParse(values);
  if (!parsed.success) return json({ errors: fieldErrors(fieldIssues(parsed.error)), values }, { status: 400 });
  try {
    await inviteMember({ proId: pro.id, invitedBy: pro.member, invitation: parsed.data });
  } catch (error) {
    if (error instanceof DomainError && error.code === "DUPLICATE") {
      return json({ errors: fieldErrors(error.details ?? []), values }, { status: 409 });
    }
    throw error;
  }
  return json({ invited: parsed.data.email });
}

async function memberAction(pro: CurrentPro, form: FormData, update: Record<string, unknown>) {
  try {
    await updateMember({
      proId: pro.id,
      actorId: pro.member.id,
      memberId: String(form.get("memberId") ?? ""),
      raw: update,
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const notice =
      error.code === "NOT_FOUND"
        ? "Ce membre n’existe pas."
        : error.code === "INVALID_TRANSITION"
          ? "Le propriétaire du compte garde son rôle et son accès."
          : "Rôle inconnu : choisissez agent ou responsable.";
    return json({ notice }, { status: error.status });
  }
  return redirect("/pro/team");
}

export default function Team() {
  const { members, invitations, me } = useLoaderData<typeof loader>() as {
    members: { id: string; name: string; email: string; role: "owner" | "manager" | "agent"; active: boolean }[];
    invitations: { id: string; name: string; email: string; role: "manager" | "agent"; expiresAt: string }[];
    me: string;
  };
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  return (
    <div>
      <h1>Équipe</h1>
      <p className="muted">
        Le propriétaire gère l’équipe, les jetons d’API et la pièce d’identité. Les responsables ont accès à tout le
        reste ; les agents gèrent le catalogue et les demandes qui leur sont attribuées.
      </p>
      {actionData && "notice" in actionData ? (
        <div className="notice notice-error" role="alert">
          {actionData.notice}
        </div>
      ) : null}

      <section className="card">
        <h2>Membres</h2>
        <div className="table-scroll">
          <table className="team-table">
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">E-mail</th>
                <th scope="col">Rôle</th>
                <th scope="col">Accès</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id} data-member-email={m.email}>
                  <td>
                    {m.name}
                    {m.id === me ? <span className="muted"> (vous)</span> : null}
                  </td>
                  <td data-label="E-mail">{m.email}</td>
                  <td data-label="Rôle">
                    {m.role === "owner" ? (
                      ROLE_LABELS.owner
                    ) : (
                      <Form method="post" className="select-form">
                        <input type="hidden" name="memberId" value={m.id} />
                        <label htmlFor={`role-${m.id}`} className="visually-hidden">
                          Rôle de {m.name}
                        </label>
                        <select id={`role-${m.id}`} name="role" defaultValue={m.role}>
                          {ROLE_OPTIONS.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                        <SubmitButton name="intent" value="role" className="button-secondary button-small">
                          Changer<span className="visually-hidden"> le rôle de {m.name}</span>
                        </SubmitButton>
                      </Form>
                    )}
                  </td>
                  <td data-label="Accès">
                    {m.active ? "Actif" : <span className="badge badge-muted">Désactivé</span>}
                  </td>
                  <td>
                    {m.role === "owner" ? null : (
                      <Form method="post">
                        <input type="hidden" name="memberId" value={m.id} />
                        <SubmitButton
                          name="intent"
                          value={m.active ? "deactivate" : "reactivate"}
                          className="button-secondary button-small"
                        >
                          {m.active ? "Désactiver" : "Réactiver"}
                          <span className="visually-hidden"> {m.name}</span>
                        </SubmitButton>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">
          Désactiver un membre ferme aussitôt ses sessions et ses jetons d’API ; ses demandes redeviennent non
          attribuées.
        </p>
      </section>

      <section className="card">
        <h2>Inviter un membre</h2>
        {actionData && "invited" in actionData ? (
          <div className="notice notice-success" role="status">
            Invitation envoyée à {actionData.invited}. Le lien est valable 7 jours.
          </div>
        ) : null}
        <ErrorSummary errors={errors} labels={{ name: "Nom", email: "E-mail", role: "Rôle" }} />
        <Form method="post" className="form-narrow" noValidate>
          <Field label="Nom" name="name" autoComplete="off" required defaultValue={values?.name} errors={errors} />
          <Field
            label="E-mail"
            name="email"
            type="email"
            autoComplete="off"
            required
            defaultValue={values?.email}
            errors={errors}
          />
          <SelectField
            label="Rôle"
            name="role"
            options={ROLE_OPTIONS}
            defaultValue={values?.role || "agent"}
            errors={errors}
          />
          <SubmitButton name="intent" value="invite" pendingLabel="Envoi…">
            Envoyer l’invitation
          </SubmitButton>
        </Form>
        {invitations.length ? (
          <>
            <h3>Invitations en attente</h3>
            <ul className="plain-list">
              {invitations.map((inv) => (
                <li key={inv.id}>
                  {inv.name} — {inv.email} ({ROLE_LABELS[inv.role]}), valable jusqu’au{" "}
                  {new Date(inv.expiresAt).toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" })}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="invitationId" value={inv.id} />
                    <SubmitButton name="intent" value="cancel-invitation" className="button-secondary button-small">
                      Annuler<span className="visually-hidden"> l’invitation de {inv.name}</span>
                    </SubmitButton>
                  </Form>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
