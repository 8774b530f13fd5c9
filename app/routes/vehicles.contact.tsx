import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import {
  CONTACT_METHODS,
  ErrorSummary,
  Field,
  FIELD_LABELS,
  type FieldErrors,
  formatWindow,
  formFieldOf,
  frenchMessage,
  MAX_VEHICLES,
  METHOD_LABELS,
  parseVehicleId,
  SubmitButton,
  TextareaField,
  VehicleList,
} from "~/kit";
import { LocationSelects } from "~/components/vehicles/LocationSelects";
import { provincesWithCities, vehiclesByIds } from "~/domain/vehicles/catalog.server";
import { submitVehicleContactRequest } from "~/domain/vehicles/submission.server";
import { readViewerToken, serializeViewerToken } from "~/domain/vehicles/viewer.server";
import { env } from "~/utils/env.server";
import { clientIp } from "~/utils/rate-limit.server";
import { pageRoute } from "~/utils/errors.server";
import { readForm } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Contacter les vendeurs — Vitrine" }];

const TEXT_FIELDS = [
  "fullName",
  "email",
  "phone",
  "province",
  "city",
  "preferredContactMethod",
  "additionalComments",
] as const;
type FormValues = Partial<Record<(typeof TEXT_FIELDS)[number], string>>;

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.getAll("vehicleId");
  const ids = [...new Set(raw.map(parseVehicleId).filter((id): id is number => id !== null))];
  const [vehicles, provinces] = await Promise.all([vehiclesByIds(ids.slice(0, 20)), provincesWithCities()]);
  return json({
    vehicles: vehicles.map((v) => ({
      id: v.id,
      make: v.make,
      model: v.model,
      year: v.year,
      price: v.price,
      available: v.status === "active",
    })),
    tooMany: ids.length > MAX_VEHICLES,
    unknown: raw.length - vehicles.length,
    provinces,
    windowText: formatWindow(env().ANONYMITY_WINDOW_SECONDS),
  });
}

export const action = /* @__PURE__ */ pageRoute(async ({ request, context }: ActionFunctionArgs) => {
  const form = await readForm(request);
  const values: FormValues = {};
  for (const field of TEXT_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  const result = await submitVehicleContactRequest(
    {
      ...values,
      selectedVehicles: form.getAll("vehicleId").map((vehicleId) => ({ vehicleId: String(vehicleId) })),
    },
    { ip: clientIp(context), viewerToken: await readViewerToken(request) },
  );
  if (result.kind === "created") {
    return redirect(result.nextUrl, { headers: { "Set-Cookie": await serializeViewerToken(result.viewerToken) } });
  }
  if (result.kind === "rate_limited") {
    return json(
      {
        values,
        errors: {
          form: ["Vous avez envoyé trop de demandes. Merci de réessayer plus tard."],
        } as FieldErrors,
      },
      { status: 429, headers: { "Retry-After": String(result.retryAfter) } },
    );
  }
  const errors: FieldErrors = {};
  for (const error of result.errors) {
    const field = formFieldOf(error.field);
    const message = frenchMessage(field, error.code);
    const list = (errors[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return json({ values, errors }, { status: 422 });
});

export default function VehicleContactPage() {
  const { vehicles, tooMany, unknown, provinces, windowText } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const errors = actionData?.errors;
  const values: FormValues = actionData?.values ?? {};
  const method = values.preferredContactMethod ?? "email";
  const vehiclesError = errors?.selectedVehicles?.[0];

  return (
    <>
      <h1>Contacter les vendeurs</h1>
      <ErrorSummary errors={errors} labels={FIELD_LABELS} />

      <section
        id="field-selectedVehicles"
        className="card chosen-vehicles"
        aria-labelledby="chosen-title"
        tabIndex={-1}
      >
        <h2 id="chosen-title">Véhicules sélectionnés</h2>
        {vehicles.length ? (
          <VehicleList vehicles={vehicles.map((v) => ({ key: v.id, ...v }))} />
        ) : (
          <p>Aucun véhicule sélectionné.</p>
        )}
        {vehicles.some((v) => !v.available) ? (
          <p className="notice notice-warning">
            Un des véhicules choisis est déjà vendu : retirez-le de votre sélection.
          </p>
        ) : null}
        {unknown > 0 ? <p className="notice notice-warning">Certains véhicules demandés n’existent pas.</p> : null}
        {tooMany ? (
          <p className="notice notice-warning">
            Vous avez choisi plus de {MAX_VEHICLES} véhicules : gardez-en {MAX_VEHICLES} au maximum.
          </p>
        ) : null}
        {vehiclesError ? <p className="field-error">{vehiclesError}</p> : null}
        <p>
          <Link to={`/vehicles?selected=${vehicles.map((v) => v.id).join(",")}`}>Modifier ma sélection</Link>
        </p>
      </section>

      <Form
        method="post"
        action={`/vehicles/contact${location.search}`}
        noValidate
        className="card vehicle-contact-form"
      >
        {vehicles.map((v) => (
          <input key={v.id} type="hidden" name="vehicleId" value={v.id} />
        ))}
        <p className="hint">Tous les champs sont obligatoires, sauf les commentaires.</p>
        <div className="form-grid">
          <Field
            label="Nom complet"
            name="fullName"
            autoComplete="name"
            defaultValue={values.fullName}
            errors={errors}
          />
          <Field
            label="Adresse e-mail"
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={values.email}
            errors={errors}
          />
          <Field
            label="Téléphone"
            name="phone"
            type="tel"
            autoComplete="tel"
            defaultValue={values.phone}
            errors={errors}
            hint="Avec l’indicatif du pays, par exemple +27 83 456 7890."
          />
        </div>
        <div className="form-grid">
          <LocationSelects
            provinces={provinces}
            defaultProvince={values.province ?? ""}
            defaultCity={values.city ?? ""}
            errors={errors}
          />
        </div>
        <fieldset
          id="field-preferredContactMethod"
          className="field radio-group"
          aria-describedby={errors?.preferredContactMethod ? "method-error" : undefined}
        >
          <legend>Moyen de contact préféré</legend>
          {CONTACT_METHODS.map((m) => (
            <label key={m} className="radio">
              <input type="radio" name="preferredContactMethod" value={m} defaultChecked={m === method} />{" "}
              {METHOD_LABELS[m]}
            </label>
          ))}
          {errors?.preferredContactMethod ? (
            <p className="field-error" id="method-error">
              {errors.preferredContactMethod[0]}
            </p>
          ) : null}
        </fieldset>
        <TextareaField
          label="Commentaires (facultatif)"
          name="additionalComments"
          rows={4}
          defaultValue={values.additionalComments}
          errors={errors}
        />
        <p className="hint">
          Vos coordonnées sont chiffrées et ne sont transmises aux concessionnaires qu’après {windowText} : vous pouvez
          retirer votre demande d’ici là.
        </p>
        <SubmitButton pendingLabel="Envoi en cours…">Envoyer ma demande</SubmitButton>
      </Form>
    </>
  );
}
