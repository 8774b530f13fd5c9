import { Form } from "@remix-run/react";
import {
  ErrorSummary,
  Field,
  type FieldErrors,
  LOT_STATUS_LABELS,
  SelectField,
  SubmitButton,
  TextareaField,
} from "~/kit";
import { LOT_FIELD_LABELS, LOT_TYPES, PROGRAMME_FIELD_LABELS as L } from "~/domain/programmes/rules";

export type FormValues = Record<string, string>;

/** A record as the strings a form shows (null → ""). */
export function formValuesOf(record: Record<string, unknown>, fields: string[]): FormValues {
  const out: FormValues = {};
  for (const key of fields) {
    const value = record[key];
    if (value === null || value === undefined || typeof value === "object") continue;
    out[key] = String(value);
  }
  return out;
}

/** The programme's own fields (prices are computed from the lots, never typed). Native form. */
export function ProgrammeForm({
  action,
  values = {},
  errors,
  submitLabel,
  intent,
}: {
  action: string;
  values?: FormValues;
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
  return (
    <Form method="post" action={action} noValidate className="property-form">
      <ErrorSummary errors={errors} labels={L} />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <fieldset>
        <legend>Le programme</legend>
        <Field label={req("name")} name="name" errors={errors} defaultValue={v("name")} required maxLength={120} />
        <TextareaField
          label={req("description")}
          name="description"
          errors={errors}
          defaultValue={v("description")}
          rows={6}
          maxLength={5000}
          required
        />
        <div className="form-grid">
          <Field label={req("ville")} name="ville" errors={errors} defaultValue={v("ville")} required maxLength={100} />
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
            label={L.address}
            name="address"
            errors={errors}
            defaultValue={v("address")}
            maxLength={200}
            autoComplete="street-address"
          />
          <Field
            label={L.deliveryDate}
            name="deliveryDate"
            errors={errors}
            defaultValue={v("deliveryDate")}
            maxLength={7}
            placeholder="2027-T4"
            hint="Année et trimestre, par exemple 2027-T4."
          />
        </div>
      </fieldset>
      <SubmitButton pendingLabel="Enregistrement…">{submitLabel}</SubmitButton>
    </Form>
  );
}

const typeOptions = LOT_TYPES.map((t) => ({
  value: t,
  label: t === "maison" ? "Maison" : t === "studio" ? "Studio" : t,
}));
const statusOptions = Object.entries(LOT_STATUS_LABELS).map(([value, label]) => ({ value, label }));

/**
 * Add or edit a lot (native form on the programme page). `idPrefix` keeps the field ids unique
 * when an edit form and the add form are on the same page.
 */
export function LotForm({
  action,
  intent,
  lotId,
  values = {},
  errors,
  submitLabel,
  idPrefix,
}: {
  action: string;
  intent: string;
  lotId?: string;
  values?: FormValues;
  errors?: FieldErrors;
  submitLabel: string;
  idPrefix: string;
}) {
  const v = (name: string) => values[name] ?? "";
  const id = (name: string) => `${idPrefix}-${name}`;
  const err = errors
    ? Object.fromEntries(Object.entries(errors).map(([k, m]) => [k === "form" ? k : `${idPrefix}-${k}`, m]))
    : undefined;
  const labels = Object.fromEntries(Object.entries(LOT_FIELD_LABELS).map(([k, l]) => [`${idPrefix}-${k}`, l]));
  const field = (name: string) => ({ name, id: `field-${id(name)}`, errors: err && { [name]: err[id(name)] } });
  return (
    <Form method="post" action={action} noValidate className="lot-form">
      <ErrorSummary errors={err} labels={labels} />
      <input type="hidden" name="intent" value={intent} />
      {lotId ? <input type="hidden" name="lotId" value={lotId} /> : null}
      <div className="form-grid">
        <Field
          label={`${LOT_FIELD_LABELS.reference} *`}
          {...field("reference")}
          defaultValue={v("reference")}
          maxLength={30}
        />
        <SelectField
          label={`${LOT_FIELD_LABELS.type} *`}
          {...field("type")}
          options={typeOptions}
          placeholder="Choisir…"
          defaultValue={v("type")}
        />
        <Field
          label={`${LOT_FIELD_LABELS.surface} *`}
          {...field("surface")}
          defaultValue={v("surface")}
          inputMode="decimal"
        />
        <Field
          label={`${LOT_FIELD_LABELS.price} *`}
          {...field("price")}
          defaultValue={v("price")}
          inputMode="numeric"
        />
        <SelectField
          label={LOT_FIELD_LABELS.status}
          {...field("status")}
          options={statusOptions}
          defaultValue={v("status") || "disponible"}
        />
        <div className="field checkbox-field">
          <input type="hidden" name="isComplete" value="false" />
          <label>
            <input
              type="checkbox"
              name="isComplete"
              value="true"
              defaultChecked={v("isComplete") === "true"}
              id={`field-${id("isComplete")}`}
            />{" "}
            {LOT_FIELD_LABELS.isComplete}
          </label>
        </div>
      </div>
      <SubmitButton pendingLabel="Enregistrement…" name="intent" value={intent}>
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
