import { formatKm, formatRand } from "~/domain/vehicles/labels";
import { FUEL_LABELS, TRANSMISSION_LABELS } from "~/domain/vehicles/vocabulary";

export type VehicleSummary = {
  id: number;
  make: string;
  model: string;
  year: number;
  price: number;
  mileage?: number;
  fuel?: string | null;
  transmission?: string | null;
  colour?: string | null;
};

export function vehicleTitle(v: { make: string; model: string; year: number }) {
  return `${v.make} ${v.model} (${v.year})`;
}

/** The key facts of a vehicle as a definition list. */
export function VehicleFacts({ vehicle }: { vehicle: VehicleSummary }) {
  const facts: [string, string][] = [
    ["Année", String(vehicle.year)],
    ...(vehicle.mileage !== undefined ? ([["Kilométrage", formatKm(vehicle.mileage)]] as [string, string][]) : []),
    ...(vehicle.fuel ? ([["Carburant", FUEL_LABELS[vehicle.fuel] ?? vehicle.fuel]] as [string, string][]) : []),
    ...(vehicle.transmission
      ? ([["Boîte", TRANSMISSION_LABELS[vehicle.transmission] ?? vehicle.transmission]] as [string, string][])
      : []),
    ...(vehicle.colour ? ([["Couleur", vehicle.colour]] as [string, string][]) : []),
  ];
  return (
    <dl className="facts vehicle-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A compact list of chosen vehicles (contact form, confirmation, dealer's leads). */
export function VehicleList({
  vehicles,
}: {
  vehicles: { key?: string | number; make: string; model: string; year: number; price: number }[];
}) {
  return (
    <ul className="vehicle-list">
      {vehicles.map((v, index) => (
        <li key={v.key ?? index}>
          <strong>
            {v.make} {v.model}
          </strong>{" "}
          ({v.year}) — <span className="price">{formatRand(v.price)}</span>
        </li>
      ))}
    </ul>
  );
}
