import { Form } from "@remix-run/react";
import {
  ErrorSummary,
  Field,
  type FieldErrors,
  FUEL_LABELS,
  maxVehicleYear,
  MIN_YEAR,
  SelectField,
  SubmitButton,
  TextareaField,
  TRANSMISSION_LABELS,
  VEHICLE_FIELD_LABELS as L,
} from "~/kit";
import { LocationSelects, type ProvinceOption } from "~/components/vehicles/LocationSelects";

export type VehicleFormValues = Record<string, string>;

const fuelOptions = Object.entries(FUEL_LABELS).map(([value, label]) => ({ value, label }));
const transmissionOptions = Object.entries(TRANSMISSION_LABELS).map(([value, label]) => ({ value, label }));

/** A vehicle as the strings a form shows (null → ""). */
export function vehicleFormValues(vehicle: Record<string, unknown>): VehicleFormValues {
  const out: VehicleFormValues = {};
  for (const key of Object.keys(L)) {
    const value = vehicle[key];
    if (value === null || value === undefined || typeof value === "object") continue;
    out[key] = String(value);
  }
  return out;
}

/**
 * Every field of a vehicle in one native form (works without JavaScript): errors next to each
 * field and summarised at the top, typed values kept. Province and city are native selects from
 * the master data, cities grouped by province.
 */
export function VehicleForm({
  action,
  values = {},
  errors,
  provinces,
  submitLabel,
  intent,
}: {
  action: string;
  values?: VehicleFormValues;
  errors?: FieldErrors;
  provinces: ProvinceOption[];
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
        <legend>Le véhicule</legend>
        <div className="form-grid">
          <Field label={req("make")} name="make" errors={errors} defaultValue={v("make")} required maxLength={60} />
          <Field label={req("model")} name="model" errors={errors} defaultValue={v("model")} required maxLength={60} />
          <Field
            label={req("year")}
            name="year"
            errors={errors}
            defaultValue={v("year")}
            required
            inputMode="numeric"
            hint={`De ${MIN_YEAR} à ${maxVehicleYear()}.`}
          />
          <Field
            label={req("price")}
            name="price"
            errors={errors}
            defaultValue={v("price")}
            required
            inputMode="numeric"
            hint="En rands, sans décimales."
          />
          <Field
            label={req("mileage")}
            name="mileage"
            errors={errors}
            defaultValue={v("mileage")}
            required
            inputMode="numeric"
            hint="En kilomètres."
          />
          <SelectField
            label={req("fuel")}
            name="fuel"
            errors={errors}
            options={fuelOptions}
            placeholder="Choisir…"
            defaultValue={v("fuel")}
            required
          />
          <SelectField
            label={req("transmission")}
            name="transmission"
            errors={errors}
            options={transmissionOptions}
            placeholder="Choisir…"
            defaultValue={v("transmission")}
            required
          />
          <Field label={L.colour} name="colour" errors={errors} defaultValue={v("colour")} maxLength={40} />
        </div>
        <TextareaField
          label={L.description}
          name="description"
          errors={errors}
          defaultValue={v("description")}
          rows={5}
          maxLength={5000}
        />
      </fieldset>
      <fieldset>
        <legend>Où voir le véhicule</legend>
        <div className="form-grid">
          <LocationSelects
            provinces={provinces}
            defaultProvince={v("province")}
            defaultCity={v("city")}
            errors={errors}
          />
        </div>
      </fieldset>
      <SubmitButton pendingLabel="Enregistrement…">{submitLabel}</SubmitButton>
    </Form>
  );
}
