import { Form } from "@remix-run/react";
import { SubmitButton } from "~/kit";

/**
 * Who receives a listing's new leads (SPEC "Teams"), on the edit pages of properties, vehicles and
 * programmes. Shown to owners and managers only; a native form posting `intent=responsible`.
 */
export function ResponsibleMember({
  members,
  current,
  subject,
}: {
  members: { id: string; name: string }[];
  current: string | null;
  /** "cette annonce", "ce véhicule", "ce programme". */
  subject: string;
}) {
  return (
    <section aria-labelledby="responsible-title" className="card">
      <h2 id="responsible-title">Responsable des demandes</h2>
      <p className="hint">
        Les nouvelles demandes sur {subject} lui sont attribuées. Sans responsable, elles sont réparties à tour de rôle
        entre les agents et les responsables actifs.
      </p>
      <Form method="post" className="select-form">
        <label htmlFor="field-responsibleMemberId" className="visually-hidden">
          Responsable des demandes
        </label>
        <select id="field-responsibleMemberId" name="responsibleMemberId" defaultValue={current ?? ""}>
          <option value="">À tour de rôle</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <SubmitButton name="intent" value="responsible" className="button-secondary button-small">
          Enregistrer
        </SubmitButton>
      </Form>
    </section>
  );
}
