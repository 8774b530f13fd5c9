import type { MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  Breadcrumbs,
  excerpt,
  formatArea,
  formatPrice,
  formatPricePerArea,
  Gallery,
  InquiryForm,
  inquiryStateOf,
  JsonLd,
  ListingCard,
  placeLine,
  plural,
  PROPERTY_TYPE_LABELS,
  PropertyStatusBadge,
  RatingBadge,
  seoMeta,
  siteOrigin,
  TRANSACTION_LABELS,
  uploadUrl,
  useRootData,
} from "~/kit";
import { propertyPageLoader } from "~/domain/listings/property-page.server";
import { inquiryAction } from "~/domain/inquiries/submit-action.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const property = data?.property;
  if (!property) return [{ title: "Annonce introuvable — Vitrine" }, { name: "robots", content: "noindex" }];
  const what = `${PROPERTY_TYPE_LABELS[property.type]} ${property.transactionType === "location" ? "à louer" : "à vendre"}`;
  return seoMeta({
    origin: siteOrigin(matches),
    path: location.pathname,
    title: `${property.title} — ${what} à ${property.city} — Vitrine`,
    description: excerpt(
      `${what} à ${property.city} (${property.postalCode}), ${formatPrice(property.price, property.transactionType)}` +
        `${property.surface ? `, ${formatArea(property.surface)}` : ""}. ${property.description ?? property.title}`,
    ),
    image: property.photos[0] ? uploadUrl(property.photos[0].path) : null,
    type: "article",
  });
};

export const loader = propertyPageLoader;

/** The contact form (issue 4): the same domain function as POST /contact-requests. */
export const action = inquiryAction;

export default function PropertyPage() {
  const { property, published, proName, responseHours, similar, alreadyContacted, contacted } =
    useLoaderData<typeof loader>();
  const { origin } = useOrigin();
  const inquiryState = inquiryStateOf(useActionData<typeof action>());
  const sold = property.status === "sold";
  const price = formatPrice(property.price, property.transactionType);
  const perArea = formatPricePerArea(property.price, property.surface, property.transactionType);
  const facts: [string, string][] = [
    ["Type", PROPERTY_TYPE_LABELS[property.type]],
    ["Transaction", TRANSACTION_LABELS[property.transactionType]],
    ["Surface", formatArea(property.surface) ?? ""],
    ["Pièces", property.rooms != null ? String(property.rooms) : ""],
    ["Chambres", property.bedrooms != null ? String(property.bedrooms) : ""],
    ["Salles de bain", property.bathrooms != null ? String(property.bathrooms) : ""],
    ["Étage", property.floor != null ? (property.floor === 0 ? "Rez-de-chaussée" : String(property.floor)) : ""],
    ["Étages de l’immeuble", property.totalFloors != null ? String(property.totalFloors) : ""],
    ["Année de construction", property.buildingYear != null ? String(property.buildingYear) : ""],
  ].filter((f): f is [string, string] => Boolean(f[1]));
  const keyFacts = [
    formatArea(property.surface),
    property.rooms ? plural(property.rooms, "pièce", "pièces") : null,
    property.bedrooms ? plural(property.bedrooms, "chambre", "chambres") : null,
  ].filter((f): f is string => Boolean(f));
  const cityHref = `/properties?city=${encodeURIComponent(property.city)}`;

  return (
    <article className="property-page has-sticky-contact">
      <JsonLd data={listingJsonLd(property, origin, proName)} />
      <Breadcrumbs
        items={[
          { label: "Accueil", to: "/" },
          { label: "Annonces", to: "/properties" },
          { label: property.city, to: cityHref },
          { label: property.title },
        ]}
      />
      <Gallery photos={property.photos} title={property.title} />
      {property.photos.length === 0 ? <p className="muted">Pas de photo pour cette annonce.</p> : null}

      <div className="listing-layout">
        <div>
          <header className="listing-summary">
            <div className="page-head">
              <h1>{property.title}</h1>
              {sold ? <PropertyStatusBadge status="sold" /> : null}
              {alreadyContacted ? <span className="badge badge-contacted">Déjà contacté</span> : null}
            </div>
            <p className="price">
              {sold ? <s>{price}</s> : price} {perArea ? <span className="price-per-area">· {perArea}</span> : null}
            </p>
            <p className="place muted">{placeLine(property)}</p>
            {keyFacts.length ? (
              <ul className="key-facts" aria-label="En bref">
                {keyFacts.map((fact) => (
                  <li key={fact}>{fact}</li>
                ))}
              </ul>
            ) : null}
            <p className="muted">
              Publiée le <time dateTime={property.createdAt}>{published.on}</time>
              {property.updatedAt.slice(0, 10) !== property.createdAt.slice(0, 10) ? (
                <>
                  {" "}
                  · mise à jour le <time dateTime={property.updatedAt}>{published.updatedOn}</time>
                </>
              ) : null}
            </p>
          </header>

          {property.description ? (
            <section aria-labelledby="description-title">
              <h2 id="description-title">Description</h2>
              <div className="description">
                {property.description.split(/\n{2,}/).map((paragraph, i) => (
                  <p key={i}>{paragraph}</p>
                ))}
              </div>
            </section>
          ) : null}

          <section aria-labelledby="facts-title">
            <h2 id="facts-title">Caractéristiques</h2>
            <dl className="facts">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
              <div>
                <dt>Classe énergie (DPE)</dt>
                <dd>
                  <RatingBadge kind="energy" value={property.energyRating} />
                </dd>
              </div>
              <div>
                <dt>Émissions (GES)</dt>
                <dd>
                  <RatingBadge kind="ges" value={property.gesRating} />
                </dd>
              </div>
            </dl>
          </section>
        </div>

        <div className="listing-aside">
          <section id="contact" aria-labelledby="contact-title" className="card">
            <h2 id="contact-title">{sold ? "Bien vendu" : "Contacter le professionnel"}</h2>
            <p className="muted">Annonce publiée par {proName}.</p>
            {responseHours !== null ? (
              <p className="badge badge-response" data-testid="response-badge">
                {`Répond généralement en moins de ${responseHours} h`}
              </p>
            ) : null}
            {sold ? (
              <p>
                Ce bien est <strong>vendu</strong> : il ne reçoit plus de demandes.{" "}
                <Link to={cityHref}>Voir les annonces à {property.city}</Link>
              </p>
            ) : (
              <InquiryForm
                propertyId={property.id}
                propertyTitle={property.title}
                action={`/properties/${property.slug}#contact`}
                state={inquiryState}
              />
            )}
          </section>
        </div>
      </div>

      {similar.length ? (
        <section aria-labelledby="similar-title">
          <h2 id="similar-title">Annonces similaires</h2>
          <div className="grid">
            {similar.map((listing) => (
              <ListingCard key={listing.id} listing={listing} contacted={contacted.includes(listing.id)} />
            ))}
          </div>
        </section>
      ) : null}

      {!sold && inquiryState?.status !== "sent" ? (
        <div className="sticky-contact">
          <p>{price}</p>
          <a href="#contact" className="button">
            Contacter
          </a>
        </div>
      ) : null}
    </article>
  );
}

function useOrigin() {
  const root = useRootData();
  return { origin: root?.origin ?? "" };
}

type PublicProperty = ReturnType<typeof useLoaderData<typeof loader>>["property"];

/** schema.org RealEstateListing with its Offer (price, availability) and the place. */
function listingJsonLd(property: PublicProperty, origin: string, proName: string) {
  const url = `${origin}/properties/${property.slug}`;
  return {
    "@context": "https://schema.org",
    "@type": "RealEstateListing",
    name: property.title,
    description: property.description ?? undefined,
    url,
    datePosted: property.createdAt,
    image: property.photos.map((photo) => origin + uploadUrl(photo.path)),
    offers: {
      "@type": "Offer",
      price: property.price ?? undefined,
      priceCurrency: "EUR",
      businessFunction:
        property.transactionType === "location"
          ? "http://purl.org/goodrelations/v1#LeaseOut"
          : "http://purl.org/goodrelations/v1#Sell",
      availability: property.status === "sold" ? "https://schema.org/SoldOut" : "https://schema.org/InStock",
      seller: { "@type": "RealEstateAgent", name: proName },
    },
    about: {
      "@type":
        property.type === "maison" ? "SingleFamilyResidence" : property.type === "appartement" ? "Apartment" : "Place",
      floorSize: property.surface
        ? { "@type": "QuantitativeValue", value: property.surface, unitCode: "MTK" }
        : undefined,
      numberOfRooms: property.rooms ?? undefined,
      address: {
        "@type": "PostalAddress",
        addressLocality: property.city,
        postalCode: property.postalCode,
        addressRegion: property.region ?? undefined,
        addressCountry: "FR",
      },
    },
  };
}
