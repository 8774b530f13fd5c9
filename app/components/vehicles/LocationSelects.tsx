import { useState, useSyncExternalStore } from "react";
import { type FieldErrors } from "~/kit";

export type ProvinceOption = { id: number; name: string; cities: string[] };

/**
 * Province and city as native selects. Without JavaScript the city select lists every city
 * grouped by province (`<optgroup>`) and the server checks that they match; once hydrated, the
 * city list shows only the chosen province's cities.
 */
export function LocationSelects({
  provinces,
  defaultProvince,
  defaultCity,
  errors,
}: {
  provinces: ProvinceOption[];
  defaultProvince: string;
  defaultCity: string;
  errors?: FieldErrors;
}) {
  // false on the server and during hydration, true once the browser runs the component.
  const hydrated = useSyncExternalStore(subscribeNothing, clientSnapshot, serverSnapshot);
  const [province, setProvince] = useState(defaultProvince);
  const [city, setCity] = useState(defaultCity);
  // A new server answer (errors after a post) brings the values the server kept.
  const [shown, setShown] = useState({ defaultProvince, defaultCity });
  if (shown.defaultProvince !== defaultProvince || shown.defaultCity !== defaultCity) {
    setShown({ defaultProvince, defaultCity });
    setProvince(defaultProvince);
    setCity(defaultCity);
  }

  const chosen = provinces.find((p) => p.name === province);
  const groups = hydrated && chosen ? [chosen] : provinces;
  const provinceError = errors?.province?.[0];
  const cityError = errors?.city?.[0];

  return (
    <>
      <div className="field">
        <label htmlFor="field-province">Province</label>
        <select
          id="field-province"
          name="province"
          value={province}
          onChange={(event) => {
            const next = event.target.value;
            setProvince(next);
            const cities = provinces.find((p) => p.name === next)?.cities ?? [];
            if (!cities.includes(city)) setCity("");
          }}
          aria-invalid={provinceError ? true : undefined}
          aria-describedby={provinceError ? "field-province-error" : undefined}
        >
          <option value="">Choisissez une province</option>
          {provinces.map((p) => (
            <option key={p.id} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
        {provinceError ? (
          <p className="field-error" id="field-province-error">
            {provinceError}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="field-city">Ville</label>
        <select
          id="field-city"
          name="city"
          value={city}
          onChange={(event) => setCity(event.target.value)}
          aria-invalid={cityError ? true : undefined}
          aria-describedby={cityError ? "field-city-error" : "field-city-hint"}
        >
          <option value="">{hydrated && !chosen ? "Choisissez d’abord une province" : "Choisissez une ville"}</option>
          {groups.map((p) => (
            <optgroup key={p.id} label={p.name}>
              {p.cities.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {cityError ? (
          <p className="field-error" id="field-city-error">
            {cityError}
          </p>
        ) : (
          <p className="hint" id="field-city-hint">
            La ville doit se trouver dans la province choisie.
          </p>
        )}
      </div>
    </>
  );
}

const subscribeNothing = () => () => {};
const clientSnapshot = () => true;
const serverSnapshot = () => false;
