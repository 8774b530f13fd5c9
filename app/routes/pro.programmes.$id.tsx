import type {
  ActionFunctionArgs,
  AppLoadContext,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatPrice, formatSurface, LOT_STATUS_LABELS, lotStatusBadge, SubmitButton } from "~/kit";
import { PHOTO_ERROR_MESSAGES, PHOTO_NOTICES, PhotoManager } from "~/components/photos/PhotoManager";
import { formValuesOf, LotForm, ProgrammeForm } from "~/components/programmes/ProgrammeForms";
import { applyPhotoIntent } from "~/domain/photos/photos.server";
import {
  createLot,
  deleteLot,
  deleteProgramme,
  findOwnLot,
  findOwnProgrammeRow,
  getOwnProgramme,
  toApiProgramme,
  updateLot,
  updateProgramme,
} from "~/domain/programmes/manage.server";
import {
  CreateLotSchema,
  nextProgrammeStatuses,
  PROGRAMME_STATUS_ACTIONS,
  PROGRAMME_STATUS_LABELS,
  PROGRAMME_STATUSES,
  UpdateLotSchema,
  UpdateProgrammeSchema,
  type ProgrammeStatus,
} from "~/domain/programmes/rules";
import { ResponsibleMember } from "~/components/teams/ResponsibleMember";
import { setResponsibleMember } from "~/domain/teams/assignment.server";
import { can } from "~/domain/teams/permissions";
import { activeMembers } from "~/domain/teams/team.server";
import { requireProKind, type CurrentPro } from "~/utils/auth.server";
import { DomainError, fieldErrors, fieldIssues, readBody, readForm, toResponse, wantsJson } from "~/utils/http.server";
import { pageRoute } from "~/utils/errors.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data && "programme" in data && data.programme ? data.programme.name : "Programme"} — Mes programmes — Vitrine`,
  },
];

const DELETED = Symbol.for("vitrine.deletedProgrammeId");
type Context = AppLoadContext & { [DELETED]?: string };

const PROGRAMME_FIELDS = ["name", "ville", "postalCode", "address", "deliveryDate", "description"];
const LOT_FIELDS = ["reference", "type", "surface", "price", "status", "isComplete"];

const NOTICES: Record<string, string> = {
  created: "Brouillon créé. Ajoutez les lots et les photos, puis publiez le programme.",
  saved: "Modifications enregistrées.",
  "status-active": "Le programme est en ligne.",
  "status-archived": "Le programme est archivé : il n’est plus visible du public.",
  "status-draft": "Le programme est repassé en brouillon : il n’est plus visible du public.",
  "lot-added": "Lot ajouté. Les prix du programme sont mis à jour.",
  "lot-saved": "Lot modifié. Les prix du programme sont mis à jour.",
  "lot-deleted": "Lot supprimé, ainsi que les favoris qui le visaient.",
  ...PHOTO_NOTICES,
  responsible: "Responsable des demandes enregistré.",
};

/** GET /pro/programmes/:id — the programme page (details, photos, lots), or `{data}` for JSON. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const pro = await requireProKind(request, "developer");
  const id = params.id ?? "";
  if ((context as Context)[DELETED] === id) return json(null);
  const row = await findOwnProgrammeRow(pro.id, id);
  if (!row) throw toResponse(new DomainError("NOT_FOUND", "Programme not found"));
  if (wantsJson(request)) return json({ data: toApiProgramme(row) });

  const url = new URL(request.url);
  const { photos, lots, ...programme } = row;
  return json({
    programme,
    photos,
    lots,
    values: formValuesOf(programme, PROGRAMME_FIELDS),
    nextStatuses: nextProgrammeStatuses(row.status),
    notice: NOTICES[url.searchParams.get("notice") ?? ""] ?? null,
    photoError: PHOTO_ERROR_MESSAGES[url.searchParams.get("photoError") ?? ""] ?? null,
    transitionError: url.searchParams.get("notice") === "invalid-transition",
    confirmDelete: url.searchParams.get("confirm") === "delete",
    confirmRemovePhoto: url.searchParams.get("removePhoto"),
    editLot: url.searchParams.get("editLot"),
    confirmDeleteLot: url.searchParams.get("deleteLot"),
    members: can.chooseResponsible(pro.member) ? await activeMembers(pro.id) : null,
  });
}

/** PUT /pro/programmes/:id (JSON `{data}`), DELETE (204), and the page's form posts (`intent`). */
export const action = /* @__PURE__ */ pageRoute(async ({ request, params, context }: ActionFunctionArgs) => {
  const pro = await requireProKind(request, "developer");
  const id = params.id ?? "";
  if (request.method === "DELETE" || request.method === "PUT" || wantsJson(request)) {
    return jsonVerb(request, pro, id, context as Context);
  }
  if (request.method !== "POST") throw toResponse(new DomainError("METHOD_NOT_ALLOWED", "Method not allowed"));
  return formIntent(request, pro, id);
});

async function jsonVerb(request: Request, pro: CurrentPro, id: string, context: Context) {
  const proId = pro.id;
  const asJson = wantsJson(request);
  try {
    if (request.method === "DELETE") {
      await deleteProgramme(proId, id);
      context[DELETED] = id;
      return asJson ? new Response(null, { status: 204 }) : redirect("/pro/programmes?notice=deleted");
    }
    if (request.method === "PUT") {
      if (!(await findOwnProgrammeRow(proId, id))) throw new DomainError("NOT_FOUND", "Programme not found");
      const { responsibleMemberId, ...fields } = await readBody(request);
      if (responsibleMemberId !== undefined) {
        const listing = { kind: "programme" as const, id };
        await setResponsibleMember({ proId, actor: pro.member, listing, raw: responsibleMemberId });
      }
      const programme =
        responsibleMemberId === undefined || Object.keys(fields).length
          ? await update(proId, id, fields)
          : await getOwnProgramme(proId, id);
      return asJson ? json({ data: programme }) : redirect(`/pro/programmes/${id}?notice=saved`);
    }
    throw new DomainError("METHOD_NOT_ALLOWED", "Use PUT to update and DELETE to remove a programme");
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw toResponse(error);
  }
}

type FormFailure = { errors: Record<string, string[]>; values: Record<string, string>; form: string };

async function formIntent(request: Request, pro: CurrentPro, id: string) {
  const proId = pro.id;
  const back = (notice: string, hash = "") => redirect(`/pro/programmes/${id}?notice=${notice}${hash}`);
  if (!(await findOwnProgrammeRow(proId, id))) throw toResponse(new DomainError("NOT_FOUND", "Programme not found"));
  let form: FormData;
  try {
    form = await readForm(request);
  } catch (error) {
    if (error instanceof DomainError) throw toResponse(error);
    throw error;
  }
  const intent = String(form.get("intent") ?? "");
  // The last value wins: a checked box comes after its hidden "false".
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<
    string,
    string
  >;
  const lotId = values.lotId ?? "";
  try {
    switch (intent) {
      case "save":
        await update(proId, id, values);
        return back("saved");
      case "status": {
        const status = values.status ?? "";
        if (!(PROGRAMME_STATUSES as readonly string[]).includes(status)) {
          throw new DomainError("VALIDATION_ERROR", "Statut inconnu.");
        }
        await updateProgramme(proId, id, { status: status as ProgrammeStatus });
        return back(`status-${status}`);
      }
      case "delete":
        await deleteProgramme(proId, id);
        return redirect("/pro/programmes?notice=deleted");
      case "responsible":
        await setResponsibleMember({
          proId,
          actor: pro.member,
          listing: { kind: "programme", id },
          raw: values.responsibleMemberId ?? "",
        });
        return back("responsible");
      case "add-lot": {
        const parsed = CreateLotSchema.safeParse(values);
        if (!parsed.success) throw new DomainError("VALIDATION_ERROR", "Invalid lot", fieldIssues(parsed.error));
        await createLot(proId, id, parsed.data);
        return back("lot-added", "#lots");
      }
      case "edit-lot": {
        const lot = await findOwnLot(proId, lotId);
        if (!lot || lot.programmeId !== id) throw new DomainError("NOT_FOUND", "Lot not found");
        const parsed = UpdateLotSchema.safeParse(values);
        if (!parsed.success) throw new DomainError("VALIDATION_ERROR", "Invalid lot", fieldIssues(parsed.error));
        await updateLot(proId, lotId, parsed.data);
        return back("lot-saved", `#lot-${lotId}`);
      }
      case "delete-lot": {
        const lot = await findOwnLot(proId, lotId);
        if (!lot || lot.programmeId !== id) throw new DomainError("NOT_FOUND", "Lot not found");
        await deleteLot(proId, lotId);
        return back("lot-deleted", "#lots");
      }
      default: {
        const notice = await applyPhotoIntent({ kind: "programme", proId, ownerId: id }, intent, values);
        if (!notice) throw new DomainError("VALIDATION_ERROR", "Action inconnue.");
        return back(notice);
      }
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "NOT_FOUND") throw toResponse(error);
    if (error.code === "INVALID_TRANSITION") return back("invalid-transition");
    const which = intent === "add-lot" ? "add-lot" : intent === "edit-lot" ? `edit-lot:${lotId}` : "programme";
    return json<FormFailure>(
      { errors: fieldErrors(error.details ?? [{ field: "form", message: error.message }]), values, form: which },
      { status: error.status },
    );
  }
}

/** One schema for the form and the JSON body; ownership first (a 404 whatever the body). */
async function update(proId: string, id: string, body: Record<string, unknown>) {
  if (!(await findOwnProgrammeRow(proId, id))) throw new DomainError("NOT_FOUND", "Programme not found");
  const known = Object.keys(UpdateProgrammeSchema.shape);
  if (!Object.keys(body).some((key) => known.includes(key))) {
    throw new DomainError("VALIDATION_ERROR", "Nothing to update", [
      { field: "data", message: `Send at least one of: ${known.join(", ")}, responsibleMemberId` },
    ]);
  }
  const parsed = UpdateProgrammeSchema.safeParse(body);
  if (!parsed.success) throw new DomainError("VALIDATION_ERROR", "Invalid programme", fieldIssues(parsed.error));
  return updateProgramme(proId, id, parsed.data);
}

type PageData = Extract<SerializeFrom<typeof loader>, { programme: unknown }>;

export default function EditProgramme() {
  const data = useLoaderData<typeof loader>() as PageData;
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const { programme, photos, lots } = data;
  const here = `/pro/programmes/${programme.id}`;
  const failed = (form: string) => (failure?.form === form ? failure : undefined);
  const editing = failure?.form.startsWith("edit-lot:") ? failure.form.slice("edit-lot:".length) : data.editLot;

  return (
    <div>
      <p>
        <Link to="/pro/programmes">← Mes programmes</Link>
      </p>
      <div className="page-head">
        <h1>{programme.name}</h1>
        <span className={`badge ${programme.status === "active" ? "badge-active" : "badge-draft"}`}>
          {PROGRAMME_STATUS_LABELS[programme.status]}
        </span>
      </div>
      {data.notice ? (
        <div className="notice notice-success" role="status">
          {data.notice}
        </div>
      ) : null}
      {data.transitionError ? (
        <div className="notice notice-error" role="alert">
          Ce changement de statut n’est pas possible depuis « {PROGRAMME_STATUS_LABELS[programme.status]} ».
        </div>
      ) : null}
      {data.photoError ? (
        <div className="notice notice-error" role="alert">
          {data.photoError}
        </div>
      ) : null}

      <section aria-labelledby="status-title" className="card">
        <h2 id="status-title">Statut : {PROGRAMME_STATUS_LABELS[programme.status]}</h2>
        {programme.status === "active" ? (
          <p>
            Page publique : <Link to={`/programmes/${programme.slug}`}>/programmes/{programme.slug}</Link>
          </p>
        ) : (
          <p className="muted">Seuls les programmes en ligne sont visibles du public.</p>
        )}
        <p>
          Prix :{" "}
          {programme.prixMin != null && programme.prixMax != null
            ? `de ${formatPrice(programme.prixMin)} à ${formatPrice(programme.prixMax)} (calculés à partir des lots)`
            : "ajoutez des lots pour afficher une fourchette de prix."}
        </p>
        <div className="actions">
          {data.nextStatuses.map((status) => (
            <Form method="post" key={status} className="inline-form">
              <input type="hidden" name="status" value={status} />
              <SubmitButton
                name="intent"
                value="status"
                className={status === "active" ? undefined : "button-secondary"}
              >
                {PROGRAMME_STATUS_ACTIONS[status]}
              </SubmitButton>
            </Form>
          ))}
        </div>
      </section>

      <section aria-labelledby="lots-title" id="lots" className="card">
        <h2 id="lots-title">Lots ({lots.length})</h2>
        {lots.length === 0 ? <p className="muted">Aucun lot pour le moment.</p> : null}
        {lots.length ? (
          <ul className="lot-list">
            {lots.map((lot) => (
              <li key={lot.id} id={`lot-${lot.id}`}>
                <div className="lot-summary">
                  <strong>{lot.reference}</strong> · {lot.type} · {formatSurface(lot.surface)} ·{" "}
                  <span className="price">{formatPrice(lot.price)}</span>{" "}
                  <span className={`badge ${lotStatusBadge(lot.status)}`}>{LOT_STATUS_LABELS[lot.status]}</span>{" "}
                  <span className="muted">{lot.isComplete ? "Dossier complet" : "Dossier incomplet"}</span>
                </div>
                {editing === lot.id ? (
                  <>
                    <LotForm
                      action={here}
                      intent="edit-lot"
                      lotId={lot.id}
                      idPrefix={`lot-${lot.id}`}
                      values={failed(`edit-lot:${lot.id}`)?.values ?? formValuesOf(lot, LOT_FIELDS)}
                      errors={failed(`edit-lot:${lot.id}`)?.errors}
                      submitLabel={`Enregistrer le lot ${lot.reference}`}
                    />
                    <Link to={`${here}#lot-${lot.id}`}>Annuler</Link>
                  </>
                ) : data.confirmDeleteLot === lot.id ? (
                  <div role="alert">
                    <p>
                      <strong>Supprimer le lot {lot.reference} ?</strong> Les favoris qui le visent seront retirés.
                    </p>
                    <Form method="post" action={here} className="actions">
                      <input type="hidden" name="lotId" value={lot.id} />
                      <SubmitButton name="intent" value="delete-lot" className="button-danger">
                        Oui, supprimer le lot
                      </SubmitButton>
                      <Link to={`${here}#lot-${lot.id}`}>Annuler</Link>
                    </Form>
                  </div>
                ) : (
                  <div className="actions">
                    <Link
                      to={`${here}?editLot=${lot.id}#lot-${lot.id}`}
                      className="button button-secondary button-small"
                    >
                      Modifier<span className="visually-hidden"> le lot {lot.reference}</span>
                    </Link>
                    <Link
                      to={`${here}?deleteLot=${lot.id}#lot-${lot.id}`}
                      className="button button-danger button-small"
                    >
                      {/* One text run: a flex button would put its gap before the "…". */}
                      <span>
                        Supprimer<span className="visually-hidden"> le lot {lot.reference}</span>…
                      </span>
                    </Link>
                  </div>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        <h3>Ajouter un lot</h3>
        <LotForm
          action={here}
          intent="add-lot"
          idPrefix="lot-new"
          values={failed("add-lot")?.values}
          errors={failed("add-lot")?.errors}
          submitLabel="Ajouter le lot"
        />
      </section>

      <PhotoManager
        pagePath={here}
        uploadAction={`${here}/photos`}
        photos={photos}
        confirmRemove={data.confirmRemovePhoto}
      />

      {data.members ? (
        <ResponsibleMember members={data.members} current={programme.responsibleMemberId} subject="ce programme" />
      ) : null}

      <section aria-labelledby="details-title">
        <h2 id="details-title">Détails du programme</h2>
        <ProgrammeForm
          action={here}
          intent="save"
          values={failed("programme")?.values ?? data.values}
          errors={failed("programme")?.errors}
          submitLabel="Enregistrer les modifications"
        />
      </section>

      <section aria-labelledby="delete-title" className="card danger-zone">
        <h2 id="delete-title">Supprimer le programme</h2>
        {data.confirmDelete ? (
          <div role="alert">
            <p>
              <strong>
                Supprimer définitivement « {programme.name} », ses {lots.length} lot(s) et ses {photos.length} photo(s)
                ?
              </strong>{" "}
              Les favoris qui le visent sont retirés ; les demandes reçues restent dans votre boîte de réception.
            </p>
            <Form method="post" action={here} className="actions">
              <SubmitButton name="intent" value="delete" className="button-danger" pendingLabel="Suppression…">
                Oui, supprimer le programme
              </SubmitButton>
              <Link to={here}>Annuler</Link>
            </Form>
          </div>
        ) : (
          <Link to={`${here}?confirm=delete`} className="button button-danger">
            Supprimer le programme…
          </Link>
        )}
      </section>
    </div>
  );
}
