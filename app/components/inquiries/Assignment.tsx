import { Form, Link, useNavigation } from "@remix-run/react";

export type AssigneeOption = { id: string; name: string };

/** "Attribuée à …" or "Non attribuée", for lists and details. */
export function AssigneeLabel({ assignee }: { assignee: AssigneeOption | null }) {
  return assignee ? <span>{assignee.name}</span> : <span className="muted">Non attribuée</span>;
}

/**
 * Reassigning a lead: a native form (select + button) posting `intent=assign`, `id` and
 * `assigneeId` ("" for the pool). Shown only to members who may assign.
 */
export function AssignForm({
  id,
  current,
  members,
  action,
}: {
  id: string;
  current: AssigneeOption | null;
  members: AssigneeOption[];
  action: string;
}) {
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" &&
    navigation.formData?.get("intent") === "assign" &&
    navigation.formData?.get("id") === id;
  const selectId = `assignee-${id}`;
  return (
    <Form method="post" action={action} className="select-form assign-form">
      <input type="hidden" name="intent" value="assign" />
      <input type="hidden" name="id" value={id} />
      <label htmlFor={selectId} className="visually-hidden">
        Attribuer à
      </label>
      <select id={selectId} name="assigneeId" defaultValue={current?.id ?? ""}>
        <option value="">Non attribuée</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button-secondary button-small"
        disabled={pending}
        aria-busy={pending || undefined}
      >
        {pending ? "Attribution…" : "Attribuer"}
      </button>
    </Form>
  );
}

/** The inbox's assignee filters: all, "Assignées à moi", "Non assignées". */
export function AssigneeFilterLinks({
  current,
  hrefs,
}: {
  current: "me" | "none" | null;
  hrefs: Record<"all" | "me" | "none", string>;
}) {
  return (
    <nav className="inquiry-filters actions" aria-label="Filtrer par attribution">
      <span className="muted">Attribution :</span>
      <Link to={hrefs.all} aria-current={current === null ? "true" : undefined}>
        Toutes
      </Link>
      <Link to={hrefs.me} aria-current={current === "me" ? "true" : undefined}>
        Assignées à moi
      </Link>
      <Link to={hrefs.none} aria-current={current === "none" ? "true" : undefined}>
        Non assignées
      </Link>
    </nav>
  );
}
