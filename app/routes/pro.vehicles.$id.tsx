import type {
  ActionFunctionArgs,
  AppLoadContext,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  nextVehicleStatuses,
  PropertyStatusBadge,
  SubmitButton,
  VEHICLE_STATUS_ACTIONS,
  VEHICLE_STATUS_LABELS,
  VEHICLE_STATUSES,
  type VehicleStatus,
} from "~/kit";
import { PHOTO_ERROR_MESSAGES, PHOTO_NOTICES, PhotoManager } from "~/components/photos/PhotoManager";
import { VehicleForm, vehicleFormValues } from "~/components/vehicles/VehicleForm";
import { applyPhotoIntent } from "~/domain/photos/photos.server";
import { provincesWithCities } from "~/domain/vehicles/catalog.server";
import {
  deleteVehicle,
  findOwnVehicleRow,
  getOwnVehicle,
  toApiVehicle,
  updateVehicle,
} from "~/domain/vehicles/manage.server";
import { UpdateVehicleSchema } from "~/domain/vehicles/rules";
import { ResponsibleMember } from "~/components/teams/ResponsibleMember";
import { setResponsibleMember } from "~/domain/teams/assignment.server";
import { can } from "~/domain/teams/permissions";
import { activeMembers } from "~/domain/teams/team.server";
import { requireProKind, type CurrentPro } from "~/utils/auth.server";
import { DomainError, fieldErrors, fieldIssues, readBody, readForm, toResponse, wantsJson } from "~/utils/http.server";
import { pageRoute } from "~/utils/errors.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data && "vehicle" in data && data.vehicle ? `${data.vehicle.make} ${data.vehicle.model}` : "Véhicule"} — Mes véhicules — Vitrine`,
  },
];

/** Remix runs the loaders again after an action; after a DELETE there is nothing left to load. */
const DELETED = Symbol.for("vitrine.deletedVehicleId");
type Context = AppLoadContext & { [DELETED]?: string };

const NOTICES: Record<string, string> = {
  created: "Brouillon créé. Ajoutez des photos, puis publiez le véhicule quand il est prêt.",
  saved: "Modifications enregistrées.",
  "status-active": "Le véhicule est en ligne.",
  "status-sold": "Le véhicule est marqué comme vendu : il n’apparaît plus dans le catalogue.",
  "status-draft": "Le véhicule est repassé en brouillon : il n’est plus visible du public.",
  ...PHOTO_NOTICES,
  responsible: "Responsable des demandes enregistré.",
};

/** GET /pro/vehicles/:id — the edit page, or `{data: vehicle}` for JSON. Another dealership's id is a 404. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const pro = await requireProKind(request, "dealership");
  const id = params.id ?? "";
  if ((context as Context)[DELETED] === id) return json(null);
  const row = await findOwnVehicleRow(pro.id, id);
  if (!row) throw toResponse(new DomainError("NOT_FOUND", "Vehicle not found"));
  if (wantsJson(request)) return json({ data: toApiVehicle(row) });

  const url = new URL(request.url);
  const { photos, ...vehicle } = row;
  return json({
    vehicle,
    photos,
    provinces: await provincesWithCities(),
    values: vehicleFormValues(vehicle),
    nextStatuses: nextVehicleStatuses(row.status),
    notice: NOTICES[url.searchParams.get("notice") ?? ""] ?? null,
    photoError: PHOTO_ERROR_MESSAGES[url.searchParams.get("photoError") ?? ""] ?? null,
    transitionError: url.searchParams.get("notice") === "invalid-transition",
    confirmDelete: url.searchParams.get("confirm") === "delete",
    confirmRemovePhoto: url.searchParams.get("removePhoto"),
    members: can.chooseResponsible(pro.member) ? await activeMembers(pro.id) : null,
  });
}

/** PUT /pro/vehicles/:id (JSON `{data}`), DELETE (204), and the page's form posts (`intent`). */
export const action = /* @__PURE__ */ pageRoute(async ({ request, params, context }: ActionFunctionArgs) => {
  const pro = await requireProKind(request, "dealership");
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
      await deleteVehicle(proId, id);
      context[DELETED] = id;
      return asJson ? new Response(null, { status: 204 }) : redirect("/pro/vehicles?notice=deleted");
    }
    if (request.method === "PUT") {
      if (!(await findOwnVehicleRow(proId, id))) throw new DomainError("NOT_FOUND", "Vehicle not found");
      const { responsibleMemberId, ...fields } = await readBody(request);
      if (responsibleMemberId !== undefined) {
        const listing = { kind: "vehicle" as const, id: Number(id) };
        await setResponsibleMember({ proId, actor: pro.member, listing, raw: responsibleMemberId });
      }
      const vehicle =
        responsibleMemberId === undefined || Object.keys(fields).length
          ? await update(proId, id, fields)
          : await getOwnVehicle(proId, id);
      return asJson ? json({ data: vehicle }) : redirect(`/pro/vehicles/${id}?notice=saved`);
    }
    throw new DomainError("METHOD_NOT_ALLOWED", "Use PUT to update and DELETE to remove a vehicle");
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw toResponse(error);
  }
}

async function formIntent(request: Request, pro: CurrentPro, id: string) {
  const proId = pro.id;
  const back = (notice: string) => redirect(`/pro/vehicles/${id}?notice=${notice}`);
  // Ownership before anything in the body is looked at.
  if (!(await findOwnVehicleRow(proId, id))) throw toResponse(new DomainError("NOT_FOUND", "Vehicle not found"));
  let form: FormData;
  try {
    form = await readForm(request);
  } catch (error) {
    if (error instanceof DomainError) throw toResponse(error);
    throw error;
  }
  const intent = String(form.get("intent") ?? "");
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<
    string,
    string
  >;
  try {
    switch (intent) {
      case "save":
        await update(proId, id, values);
        return back("saved");
      case "status": {
        const status = String(form.get("status") ?? "");
        if (!(VEHICLE_STATUSES as readonly string[]).includes(status)) {
          throw new DomainError("VALIDATION_ERROR", "Statut inconnu.");
        }
        await updateVehicle(proId, id, { status: status as VehicleStatus });
        return back(`status-${status}`);
      }
      case "delete":
        await deleteVehicle(proId, id);
        return redirect("/pro/vehicles?notice=deleted");
      case "responsible":
        await setResponsibleMember({
          proId,
          actor: pro.member,
          listing: { kind: "vehicle", id: Number(id) },
          raw: values.responsibleMemberId ?? "",
        });
        return back("responsible");
      default: {
        const notice = await applyPhotoIntent({ kind: "vehicle", proId, ownerId: id }, intent, values);
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

/** One schema for the form and the JSON body; ownership first, so another dealership's id is a 404 whatever the body. */
async function update(proId: string, id: string, body: Record<string, unknown>) {
  if (!(await findOwnVehicleRow(proId, id))) throw new DomainError("NOT_FOUND", "Vehicle not found");
  const parsed = UpdateVehicleSchema.safeParse(body);
  if (!parsed.success) throw new DomainError("VALIDATION_ERROR", "Invalid vehicle", fieldIssues(parsed.error));
  return updateVehicle(proId, id, parsed.data);
}

type PageData = Extract<SerializeFrom<typeof loader>, { vehicle: unknown }>;

export default function EditVehicle() {
  const data = useLoaderData<typeof loader>() as PageData;
  const actionData = useActionData<typeof action>();
  const { vehicle, photos } = data;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const values = actionData && "values" in actionData ? actionData.values : data.values;
  const title = `${vehicle.make} ${vehicle.model} (${vehicle.year})`;
  const here = `/pro/vehicles/${vehicle.id}`;

  return (
    <div>
      <p>
        <Link to="/pro/vehicles">← Mes véhicules</Link>
      </p>
      <div className="page-head">
        <h1>{title}</h1>
        <PropertyStatusBadge status={vehicle.status} />
      </div>
      {data.notice ? (
        <div className="notice notice-success" role="status">
          {data.notice}
        </div>
      ) : null}
      {data.transitionError ? (
        <div className="notice notice-error" role="alert">
          Ce changement de statut n’est pas possible depuis « {VEHICLE_STATUS_LABELS[vehicle.status]} ».
        </div>
      ) : null}
      {data.photoError ? (
        <div className="notice notice-error" role="alert">
          {data.photoError}
        </div>
      ) : null}

      <section aria-labelledby="status-title" className="card">
        <h2 id="status-title">Statut : {VEHICLE_STATUS_LABELS[vehicle.status]}</h2>
        {vehicle.status === "active" ? (
          <p>
            Page publique : <Link to={`/vehicles/${vehicle.id}`}>/vehicles/{vehicle.id}</Link>
          </p>
        ) : (
          <p className="muted">
            {vehicle.status === "draft"
              ? "Un brouillon n’est visible que par vous."
              : "Un véhicule vendu n’apparaît plus dans le catalogue."}
          </p>
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
                  {VEHICLE_STATUS_ACTIONS[status]}
                </SubmitButton>
              </Form>
            ))}
          </div>
        ) : (
          <p className="muted">Un véhicule vendu ne change plus de statut ; vous pouvez le supprimer.</p>
        )}
      </section>

      <PhotoManager
        pagePath={here}
        uploadAction={`${here}/photos`}
        photos={photos}
        confirmRemove={data.confirmRemovePhoto}
      />

      {data.members ? (
        <ResponsibleMember members={data.members} current={vehicle.responsibleMemberId} subject="ce véhicule" />
      ) : null}

      <section aria-labelledby="details-title">
        <h2 id="details-title">Détails du véhicule</h2>
        <VehicleForm
          action={here}
          intent="save"
          values={values}
          errors={errors}
          provinces={data.provinces}
          submitLabel="Enregistrer les modifications"
        />
      </section>

      <section aria-labelledby="delete-title" className="card danger-zone">
        <h2 id="delete-title">Supprimer le véhicule</h2>
        {data.confirmDelete ? (
          <div role="alert">
            <p>
              <strong>
                Supprimer définitivement « {title} » et ses {photos.length} photo(s) ?
              </strong>{" "}
              Les demandes reçues à son sujet restent dans votre boîte de réception.
            </p>
            <Form method="post" action={here} className="actions">
              <SubmitButton name="intent" value="delete" className="button-danger" pendingLabel="Suppression…">
                Oui, supprimer le véhicule
              </SubmitButton>
              <Link to={here}>Annuler</Link>
            </Form>
          </div>
        ) : (
          <Link to={`${here}?confirm=delete`} className="button button-danger">
            Supprimer le véhicule…
          </Link>
        )}
      </section>
    </div>
  );
}
