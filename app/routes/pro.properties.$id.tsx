import type {
  ActionFunctionArgs,
  AppLoadContext,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/components/forms";
import { PropertyStatusBadge } from "~/components/listings/Badges";
import { PHOTO_ERROR_MESSAGES, PHOTO_NOTICES, PhotoManager } from "~/components/photos/PhotoManager";
import { PropertyForm, propertyFormValues } from "~/components/listings/PropertyForm";
import { PROPERTY_STATUS_LABELS, STATUS_ACTION_LABELS } from "~/domain/listings/format";
import { deleteProperty, findOwnPropertyRow, toApiProperty, updateProperty } from "~/domain/listings/listings.server";
import { applyPhotoIntent } from "~/domain/photos/photos.server";
import { nextStatuses, PROPERTY_STATUSES, UpdatePropertySchema } from "~/domain/listings/rules";
import { requireVerifiedPro } from "~/utils/auth.server";
import { DomainError, fieldErrors, fieldIssues, readBody, toResponse, wantsJson } from "~/utils/http.server";

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
};

/** GET /pro/properties/:id — the edit page, or `{data: property}` for JSON. Another pro's id is a 404. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const pro = await requireVerifiedPro(request);
  const id = params.id ?? "";
  if ((context as Context)[DELETED] === id) return json(null);
  const row = await findOwnPropertyRow(pro.id, id);
  if (!row) throw toResponse(new DomainError("NOT_FOUND", "Property not found"));
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
    confirmRemovePhoto: url.searchParams.get("removePhoto"),
  });
}

/**
 * PUT /pro/properties/:id (JSON `{data}`), DELETE (204), and the page's form posts, told apart by
 * `intent`: save, status, delete, remove-photo, cover.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const pro = await requireVerifiedPro(request);
  const id = params.id ?? "";
  const asJson = wantsJson(request);
  const back = (notice: string) => redirect(`/pro/properties/${id}?notice=${notice}`);
  try {
    if (request.method === "DELETE") {
      await deleteProperty(pro.id, id);
      (context as Context)[DELETED] = id;
      return asJson ? new Response(null, { status: 204 }) : redirect("/pro/properties?notice=deleted");
    }
    if (request.method === "PUT") {
      const property = await update(pro.id, id, await readBody(request));
      return asJson ? json({ data: property }) : back("saved");
    }
    if (request.method !== "POST" || asJson) {
      throw new DomainError("METHOD_NOT_ALLOWED", "Use PUT to update and DELETE to remove a property");
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw toResponse(error);
  }

  // A page's native form.
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<
    string,
    string
  >;
  try {
    switch (intent) {
      case "save":
        await update(pro.id, id, values);
        return back("saved");
      case "status": {
        const status = String(form.get("status") ?? "");
        if (!(PROPERTY_STATUSES as readonly string[]).includes(status))
          throw new DomainError("VALIDATION_ERROR", "Statut inconnu.");
        await updateProperty(pro.id, id, { status: status as (typeof PROPERTY_STATUSES)[number] });
        return back(`status-${status}`);
      }
      case "delete":
        await deleteProperty(pro.id, id);
        return redirect("/pro/properties?notice=deleted");
      default: {
        const notice = await applyPhotoIntent({ kind: "property", proId: pro.id, ownerId: id }, intent, form);
        if (!notice) throw new DomainError("VALIDATION_ERROR", "Action inconnue.");
        return back(notice);
      }
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "NOT_FOUND") throw toResponse(error);
    if (error.code === "INVALID_TRANSITION") return back("invalid-transition");
    return json(
      { errors: fieldErrors(error.details ?? [{ field: "form", message: error.message }]), values },
      { status: error.status },
    );
  }
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
  const values = actionData && "values" in actionData ? actionData.values : data.values;
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
