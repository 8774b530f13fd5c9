import type { MetaFunction, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  Breadcrumbs,
  excerpt,
  formatKm,
  formatRand,
  FUEL_LABELS,
  Gallery,
  JsonLd,
  MAX_VEHICLES,
  selectionParam,
  seoMeta,
  siteOrigin,
  toggleSelection,
  TRANSMISSION_LABELS,
  uploadUrl,
  useRootData,
  VehicleFacts,
  vehicleTitle,
} from "~/kit";
import { vehiclePageLoader } from "~/domain/vehicles/vehicle-page.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  if (!data || !("vehicle" in data))
    return [{ title: "Véhicule introuvable — Vitrine" }, { name: "robots", content: "noindex" }];
  const { vehicle } = data;
  const title = vehicleTitle(vehicle);
  const facts = [
    formatKm(vehicle.mileage),
    vehicle.fuel ? FUEL_LABELS[vehicle.fuel]?.toLowerCase() : null,
    vehicle.transmission ? `boîte ${TRANSMISSION_LABELS[vehicle.transmission]?.toLowerCase()}` : null,
  ].filter(Boolean);
  return seoMeta({
    origin: siteOrigin(matches),
    path: location.pathname,
    title: `${title} — ${formatRand(vehicle.price)} — Vitrine`,
    description: excerpt(
      `${title} d’occasion${vehicle.city ? ` à ${vehicle.city}` : ""}, ${formatRand(vehicle.price)}, ` +
        `${facts.join(", ")}.${vehicle.description ? ` ${vehicle.description}` : ""}`,
    ),
    image: vehicle.photos[0] ? uploadUrl(vehicle.photos[0].path) : null,
    type: "product",
  });
};

export const loader = vehiclePageLoader;

type PageData = Extract<SerializeFrom<typeof loader>, { vehicle: unknown }>;

export default function VehiclePage() {
  const data = useLoaderData<typeof loader>();
  const root = useRootData();
  if (!("vehicle" in data)) return null;
  const { vehicle, publishedOn, selection } = data as PageData;
  const title = vehicleTitle(vehicle);
  const name = `${vehicle.make} ${vehicle.model}`;
  const price = formatRand(vehicle.price);
  const isSelected = selection.includes(vehicle.id);
  const full = !isSelected && selection.length >= MAX_VEHICLES;
  const query = (ids: number[]) => {
    const param = selectionParam(ids);
    return param ? `?selected=${param}` : "";
  };
  const listHref = `/vehicles${query(selection)}`;
  // Adding or removing keeps the buyer on this page: the next step (contact) is one tap away.
  const toggleHref = `/vehicles/${vehicle.id}${query(toggleSelection(selection, vehicle.id))}`;
  const contactHref = `/vehicles/contact?${selection.map((id) => `vehicleId=${id}`).join("&")}`;
  const keyFacts = [
    formatKm(vehicle.mileage),
    vehicle.fuel ? FUEL_LABELS[vehicle.fuel] : null,
    vehicle.transmission ? `Boîte ${TRANSMISSION_LABELS[vehicle.transmission]?.toLowerCase()}` : null,
  ].filter((fact): fact is string => Boolean(fact));

  return (
    <article className="vehicle-page has-sticky-contact">
      <JsonLd data={vehicleJsonLd(vehicle, root?.origin ?? "")} />
      <Breadcrumbs items={[{ label: "Accueil", to: "/" }, { label: "Véhicules", to: listHref }, { label: name }]} />
      <Gallery photos={vehicle.photos} title={title} />
      {vehicle.photos.length === 0 ? <p className="muted">Pas encore de photo pour ce véhicule.</p> : null}

      <div className="listing-layout">
        <div>
          <header className="listing-summary">
            <div className="page-head">
              <h1>{title}</h1>
              {isSelected ? <span className="badge badge-active">Dans ma sélection</span> : null}
            </div>
            <p className="price">{price}</p>
            {vehicle.city ? (
              <p className="place muted">
                À voir à {vehicle.city}
                {vehicle.province && vehicle.province !== vehicle.city ? `, ${vehicle.province}` : ""}
              </p>
            ) : null}
            {keyFacts.length ? (
              <ul className="key-facts" aria-label="En bref">
                {keyFacts.map((fact) => (
                  <li key={fact}>{fact}</li>
                ))}
              </ul>
            ) : null}
            <p className="muted">
              Publié le <time dateTime={vehicle.createdAt}>{publishedOn}</time>
            </p>
          </header>

          {vehicle.description ? (
            <section aria-labelledby="description-title">
              <h2 id="description-title">Description</h2>
              <div className="description">
                {vehicle.description.split(/\n{2,}/).map((paragraph, index) => (
                  <p key={index}>{paragraph}</p>
                ))}
              </div>
            </section>
          ) : null}

          <section aria-labelledby="facts-title">
            <h2 id="facts-title">Caractéristiques</h2>
            <VehicleFacts vehicle={vehicle} />
          </section>
        </div>

        <div className="listing-aside">
          <section id="contact" aria-labelledby="select-title" className="card">
            <h2 id="select-title">Intéressé ?</h2>
            <p>
              Ajoutez ce véhicule à votre sélection (jusqu’à {MAX_VEHICLES}) pour contacter les vendeurs en une seule
              demande. Vos coordonnées ne leur sont transmises qu’après un court délai pendant lequel vous pouvez
              annuler.
            </p>
            <div className="actions">
              {isSelected ? (
                <>
                  <Link to={contactHref} className="button">
                    {`Contacter les vendeurs (${selection.length})`}
                  </Link>
                  <Link to={toggleHref} className="button button-secondary" preventScrollReset>
                    Retirer de ma sélection
                  </Link>
                </>
              ) : full ? (
                <>
                  <p className="muted">Votre sélection est complète ({MAX_VEHICLES} véhicules).</p>
                  <Link to={listHref} className="button button-secondary">
                    Voir ma sélection
                  </Link>
                </>
              ) : (
                <Link to={toggleHref} className="button" preventScrollReset>
                  Ajouter à ma sélection
                </Link>
              )}
            </div>
          </section>
        </div>
      </div>

      <div className="sticky-contact">
        <p>{price}</p>
        {isSelected || full ? (
          <Link to={contactHref} className="button">
            Contacter
          </Link>
        ) : (
          <Link to={toggleHref} className="button" preventScrollReset>
            Ajouter à ma sélection
          </Link>
        )}
      </div>
    </article>
  );
}

const FUEL_TYPES: Record<string, string> = {
  essence: "Gasoline",
  diesel: "Diesel",
  hybride: "Hybrid",
  electrique: "Electric",
  gpl: "LPG",
};
const TRANSMISSION_TYPES: Record<string, string> = { manuelle: "Manual", automatique: "Automatic" };

/**
 * schema.org Car with its Offer (price in rand, on sale). No seller: the dealership stays
 * anonymous until the buyer's request has left the anonymity window.
 */
function vehicleJsonLd(vehicle: PageData["vehicle"], origin: string) {
  return {
    "@context": "https://schema.org",
    "@type": "Car",
    name: vehicleTitle(vehicle),
    description: vehicle.description ?? undefined,
    url: `${origin}/vehicles/${vehicle.id}`,
    image: vehicle.photos.map((photo) => origin + uploadUrl(photo.path)),
    brand: { "@type": "Brand", name: vehicle.make },
    model: vehicle.model,
    vehicleModelDate: String(vehicle.year),
    mileageFromOdometer: { "@type": "QuantitativeValue", value: vehicle.mileage, unitCode: "KMT" },
    fuelType: vehicle.fuel ? FUEL_TYPES[vehicle.fuel] : undefined,
    vehicleTransmission: vehicle.transmission ? TRANSMISSION_TYPES[vehicle.transmission] : undefined,
    color: vehicle.colour ?? undefined,
    itemCondition: "https://schema.org/UsedCondition",
    offers: {
      "@type": "Offer",
      price: vehicle.price,
      priceCurrency: "ZAR",
      availability: "https://schema.org/InStock",
      url: `${origin}/vehicles/${vehicle.id}`,
    },
  };
}
