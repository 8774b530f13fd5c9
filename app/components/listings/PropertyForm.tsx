import { Form } from "@remix-run/react";
import {
  ErrorSummary,
  Field,
  type FieldErrors,
  PROPERTY_FIELD_LABELS as L,
  PROPERTY_TYPE_LABELS,
  SelectField,
  SubmitButton,
  TextareaField,
  TRANSACTION_LABELS,
} from "~/kit";
import { RATINGS } from "~/domain/listings/rules";

export type PropertyFormValues = Record<string, string>;

const typeOptions = Object.entries(PROPERTY_TYPE_LABELS).map(([value, label]) => ({ value, label }));
const transactionOptions = Object.entries(TRANSACTION_LABELS).map(([value, label]) => ({ value, label }));
const ratingOptions = RATINGS.map((r) => ({ value: r, label: r }));

/** A listing as the strings a form shows (null → ""). */
export function propertyFormValues(property: Record<string, unknown>): PropertyFormValues {
  const out: PropertyFormValues = {};
  for (const key of Object.keys(L)) {
    const value = property[key];
    if (value === null || value === undefined || typeof value === "object") continue;
    out[key] = String(value);
  }
  return out;
}

/**
 * Every field of seed 002 in one native form (works without JavaScript). Errors are shown next to
 * each field and summarised at the top; the values typed are kept.
 */
export function PropertyForm({
  action,
  values = {},
  errors,
  submitLabel,
  intent,
}: {
  action: string;
  values?: PropertyFormValues;
  errors?: FieldErrors;
  submitLabel: string;
  intent?: string;
}) {
  const v = (name: string) => values[name] ?? "";
  const req = (name: string) => (
    <>
      {L[name]} <span aria-hidden="true">*</span>
    </>
  );
  const numeric = (name: string, extra: { inputMode?: "numeric" | "decimal"; hint?: string } = {}) => (
    <Field
      label={L[name]}
      name={name}
      errors={errors}
      defaultValue={v(name)}
      inputMode={extra.inputMode ?? "numeric"}
      hint={extra.hint}
      autoComplete="off"
    />
  );
  return (
    <Form method="post" action={action} noValidate className="property-form">
      <ErrorSummary errors={errors} labels={L} />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <fieldset>
        <legend>L’annonce</legend>
        <Field
          label={req("title")}
          name="title"
          errors={errors}
          defaultValue={v("title")}
          required
          maxLength={140}
          hint="Entre 5 et 140 caractères."
        />
        <div className="form-grid">
          <SelectField
            label={req("type")}
            name="type"
            errors={errors}
            options={typeOptions}
            placeholder="Choisir…"
            defaultValue={v("type")}
            required
          />
          <SelectField
            label={req("transactionType")}
            name="transactionType"
            errors={errors}
            options={transactionOptions}
            placeholder="Choisir…"
            defaultValue={v("transactionType")}
            required
          />
          {numeric("price", { hint: "En euros ; loyer mensuel pour une location." })}
        </div>
        <TextareaField
          label={L.description}
          name="description"
          errors={errors}
          defaultValue={v("description")}
          rows={6}
          maxLength={5000}
        />
      </fieldset>
      <fieldset>
        <legend>Caractéristiques</legend>
        <div className="form-grid">
          {numeric("surface", { inputMode: "decimal" })}
          {numeric("rooms")}
          {numeric("bedrooms")}
          {numeric("bathrooms")}
          {numeric("floor", { hint: "0 pour le rez-de-chaussée." })}
          {numeric("totalFloors")}
          {numeric("buildingYear")}
          <SelectField
            label={L.energyRating}
            name="energyRating"
            errors={errors}
            options={ratingOptions}
            placeholder="Non renseigné"
            defaultValue={v("energyRating")}
          />
          <SelectField
            label={L.gesRating}
            name="gesRating"
            errors={errors}
            options={ratingOptions}
            placeholder="Non renseigné"
            defaultValue={v("gesRating")}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Localisation</legend>
        <Field
          label={L.address}
          name="address"
          errors={errors}
          defaultValue={v("address")}
          maxLength={200}
          autoComplete="street-address"
        />
        <div className="form-grid">
          <Field label={req("city")} name="city" errors={errors} defaultValue={v("city")} required maxLength={100} />
          <Field
            label={req("postalCode")}
            name="postalCode"
            errors={errors}
            defaultValue={v("postalCode")}
            required
            inputMode="numeric"
            maxLength={5}
            autoComplete="postal-code"
          />
          <Field
            label={L.department}
            name="department"
            errors={errors}
            defaultValue={v("department")}
            maxLength={100}
          />
          <Field label={L.region} name="region" errors={errors} defaultValue={v("region")} maxLength={100} />
          {numeric("latitude", { inputMode: "decimal" })}
          {numeric("longitude", { inputMode: "decimal" })}
        </div>
      </fieldset>
      <SubmitButton pendingLabel="Enregistrement…">{submitLabel}</SubmitButton>
    </Form>
  );
}
