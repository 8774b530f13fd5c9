import type {
  ActionFunctionArgs,
  AppLoadContext,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PROPERTY_STATUS_LABELS, PropertyStatusBadge, STATUS_ACTION_LABELS, SubmitButton } from "~/kit";
import { PHOTO_ERROR_MESSAGES, PHOTO_NOTICES, PhotoManager } from "~/components/photos/PhotoManager";
import { PropertyForm, propertyFormValues } from "~/components/listings/PropertyForm";
import { ResponsibleMember } from "~/components/teams/ResponsibleMember";
import {
  deleteProperty,
  findOwnPropertyRow,
  getOwnProperty,
  toApiProperty,
  updateProperty,
} from "~/domain/listings/listings.server";
import { applyPhotoIntent } from "~/domain/photos/photos.server";
import { setResponsibleMember } from "~/domain/teams/assignment.server";
import { can } from "~/domain/teams/permissions";
import { activeMembers } from "~/domain/teams/team.server";
import {
  nextStatuses,
  PROPERTY_STATUSES,
  statusTransition,
  UpdatePropertySchema,
  type PropertyStatus,
} from "~/domain/listings/rules";
import { requireVerifiedPro, type CurrentPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { pageRoute } from "~/utils/errors.server";
import { fieldIssues, readBody, wantsJson } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data && "property" in data && data.property ? data.property.title : "Annonce"} — Mes annonces — Vitrine`,
  },
];

/** Remix runs the loaders again after an action; after a DELETE there is nothing left to load. */
const DELETED = Symbol.for("vitrine.deletedPropertyId");
type Context = AppLoadContext & { [DELETED]?: string };

const NOTICES: Record<string, string> = {
  created: "Brouillon créé. Ajoutez des photos, puis publiez l’annonce quand elle est prête.",
  saved: "Modifications enregistrées.",
  "status-active": "L’annonce est en ligne.",
  "status-sold": "L’annonce est marquée comme vendue.",
  "status-draft": "L’annonce est repassée en brouillon : elle n’est plus visible du public.",
  ...PHOTO_NOTICES,
  responsible: "Responsable des demandes enregistré.",
};

/** GET /pro/properties/:id — the edit page, or `{data: property}` for JSON. Another pro's id is a 404. */
export const loader = /* @__PURE__ */ pageRoute(async ({ request, params, context }: LoaderFunctionArgs) => {
  const pro = await requireVerifiedPro(request);
  const id = params.id ?? "";
  if ((context as Context)[DELETED] === id) return json(null);
  const row = await findOwnPropertyRow(pro.id, id);
  if (!row) throw propertyNotFound();
  if (wantsJson(request)) return json({ data: toApiProperty(row) });

  const url = new URL(request.url);
  const notice = NOTICES[url.searchParams.get("notice") ?? ""] ?? null;
  const photoError = PHOTO_ERROR_MESSAGES[url.searchParams.get("photoError") ?? ""] ?? null;
  const { photos, ...property } = row;
  return json({
    property,
    photos,
    values: propertyFormValues(property),
    nextStatuses: nextStatuses(row.status),
    notice,
    photoError,
    transitionError: url.searchParams.get("notice") === "invalid-transition",
    confirmDelete: url.searchParams.get("confirm") === "delete",
    members: can.chooseResponsible(pro.member) ? await activeMembers(pro.id) : null,
    confirmRemovePhoto: url.searchParams.get("removePhoto"),
  });
});

const propertyNotFound = () => new DomainError("NOT_FOUND", "Property not found");

/**
 * PUT /pro/properties/:id (JSON `{data}`), DELETE (204), and the page's form posts, told apart by
 * `intent`: save, status, delete, remove-photo, cover. The listing must be the caller's before
 * anything in the body is read (SPEC: another pro's listing is a 404 whatever the body).
 */
export const action = /* @__PURE__ */ pageRoute(async ({ request, params, context }: ActionFunctionArgs) => {
  const pro = await requireVerifiedPro(request);
  const id = params.id ?? "";
  if (!(await findOwnPropertyRow(pro.id, id))) throw propertyNotFound();
  switch (request.method) {
    case "DELETE":
      await deleteProperty(pro.id, id);
      (context as Context)[DELETED] = id;
      return wantsJson(request) ? new Response(null, { status: 204 }) : redirect("/pro/properties?notice=deleted");
    case "PUT": {
      const { responsibleMemberId, ...fields } = await readBody(request);
      if (responsibleMemberId !== undefined) {
        const listing = { kind: "property" as const, id };
        await setResponsibleMember({ proId: pro.id, actor: pro.member, listing, raw: responsibleMemberId });
      }
      const property =
        responsibleMemberId === undefined || Object.keys(fields).length
          ? await update(pro.id, id, fields)
          : await getOwnProperty(pro.id, id);
      return wantsJson(request) ? json({ data: property }) : back(id, "saved");
    }
    case "POST":
      if (!wantsJson(request)) return formAction(pro, id, await readBody(request));
  }
  throw new DomainError("METHOD_NOT_ALLOWED", "Use PUT to update and DELETE to remove a property");
});

const back = (id: string, notice: string) => redirect(`/pro/properties/${id}?notice=${notice}`);

/** The page's native forms. */
async function formAction(pro: CurrentPro, id: string, form: Record<string, unknown>) {
  const proId = pro.id;
  switch (form.intent) {
    case "save":
      await update(proId, id, form);
      return back(id, "saved");
    case "status":
      return statusAction(proId, id, String(form.status ?? ""));
    case "delete":
      await deleteProperty(proId, id);
      return redirect("/pro/properties?notice=deleted");
    case "responsible":
      await setResponsibleMember({
        proId,
        actor: pro.member,
        listing: { kind: "property", id },
        raw: form.responsibleMemberId,
      });
      return back(id, "responsible");
    default: {
      const notice = await applyPhotoIntent({ kind: "property", proId, ownerId: id }, String(form.intent ?? ""), form);
      if (!notice) throw new DomainError("VALIDATION_ERROR", "Action inconnue.");
      return back(id, notice);
    }
  }
}

async function statusAction(proId: string, id: string, status: string) {
  if (!(PROPERTY_STATUSES as readonly string[]).includes(status)) {
    throw new DomainError("VALIDATION_ERROR", "Statut inconnu.");
  }
  const property = await findOwnPropertyRow(proId, id);
  if (property && statusTransition(property.status, status as PropertyStatus) === "invalid") {
    return back(id, "invalid-transition");
  }
  await updateProperty(proId, id, { status: status as PropertyStatus });
  return back(id, `status-${status}`);
}

/** One schema for the form and the JSON body. */
function update(proId: string, id: string, body: Record<string, unknown>) {
  const parsed = UpdatePropertySchema.safeParse(body);
  if (!parsed.success) throw new DomainError("VALIDATION_ERROR", "Invalid property", fieldIssues(parsed.error));
  return updateProperty(proId, id, parsed.data);
}

type PageData = Extract<SerializeFrom<typeof loader>, { property: unknown }>;

export default function EditProperty() {
  const data = useLoaderData<typeof loader>() as PageData;
  const actionData = useActionData<typeof action>();
  const { property, photos } = data;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const values = actionData && "values" in actionData ? { ...data.values, ...actionData.values } : data.values;
  const isPublic = property.status !== "draft";

  return (
    <div>
      <p>
        <Link to="/pro/properties">← Mes annonces</Link>
      </p>
      <div className="page-head">
        <h1>{property.title}</h1>
        <PropertyStatusBadge status={property.status} />
      </div>
      {data.notice ? (
        <div className="notice notice-success" role="status">
          {data.notice}
        </div>
      ) : null}
      {data.transitionError ? (
        <div className="notice notice-error" role="alert">
          Ce changement de statut n’est pas possible depuis « {PROPERTY_STATUS_LABELS[property.status]} ».
        </div>
      ) : null}
      {data.photoError ? (
        <div className="notice notice-error" role="alert">
          {data.photoError}
        </div>
      ) : null}

      <section aria-labelledby="status-title" className="card">
        <h2 id="status-title">Statut : {PROPERTY_STATUS_LABELS[property.status]}</h2>
        {isPublic ? (
          <p>
            Page publique : <Link to={`/properties/${property.slug}`}>/properties/{property.slug}</Link>
          </p>
        ) : (
          <p className="muted">Un brouillon n’est visible que par vous.</p>
        )}
        {data.nextStatuses.length ? (
          <div className="actions">
            {data.nextStatuses.map((status) => (
              <Form method="post" key={status} className="inline-form">
                <input type="hidden" name="status" value={status} />
                <SubmitButton
                  name="intent"
                  value="status"
                  className={status === "draft" ? "button-secondary" : undefined}
                >
                  {STATUS_ACTION_LABELS[status]}
                </SubmitButton>
              </Form>
            ))}
          </div>
        ) : (
          <p className="muted">Une annonce vendue ne change plus de statut ; vous pouvez la supprimer.</p>
        )}
      </section>

      <PhotoManager
        pagePath={`/pro/properties/${property.id}`}
        uploadAction={`/pro/properties/${property.id}/photos`}
        photos={photos}
        confirmRemove={data.confirmRemovePhoto}
      />

      {data.members ? (
        <ResponsibleMember members={data.members} current={property.responsibleMemberId} subject="cette annonce" />
      ) : null}

      <section aria-labelledby="details-title">
        <h2 id="details-title">Détails de l’annonce</h2>
        <PropertyForm
          action={`/pro/properties/${property.id}`}
          intent="save"
          values={values}
          errors={errors}
          submitLabel="Enregistrer les modifications"
        />
      </section>

      <section aria-labelledby="delete-title" className="card danger-zone">
        <h2 id="delete-title">Supprimer l’annonce</h2>
        {data.confirmDelete ? (
          <div role="alert">
            <p>
              <strong>
                Supprimer définitivement « {property.title} » et ses {photos.length} photo(s) ?
              </strong>{" "}
              Les demandes de contact reçues restent dans votre boîte de réception.
            </p>
            <Form method="post" action={`/pro/properties/${property.id}`} className="actions">
              <SubmitButton name="intent" value="delete" className="button-danger" pendingLabel="Suppression…">
                Oui, supprimer l’annonce
              </SubmitButton>
              <Link to={`/pro/properties/${property.id}`}>Annuler</Link>
            </Form>
          </div>
        ) : (
          <Link to={`/pro/properties/${property.id}?confirm=delete`} className="button button-danger">
            Supprimer l’annonce…
          </Link>
        )}
      </section>
    </div>
  );
}
