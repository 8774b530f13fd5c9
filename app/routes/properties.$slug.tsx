import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { responseBadgeHours } from "~/domain/followup/stats.server";
import { InquiryForm } from "~/components/inquiries/InquiryForm";
import { inquiryStateOf } from "~/components/inquiries/inquiry-form-state";
import { PropertyStatusBadge, RatingBadge } from "~/components/listings/Badges";
import { formatArea, formatPrice, photoUrl, PROPERTY_TYPE_LABELS, TRANSACTION_LABELS } from "~/domain/listings/format";
import { publicPropertyBySlug } from "~/domain/listings/listings.server";
import { inquiryAction } from "~/domain/inquiries/submit-action.server";
import { apiError } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const property = data?.property;
  if (!property) return [{ title: "Annonce introuvable — Vitrine" }];
  return [
    { title: `${property.title} — ${property.city} — Vitrine` },
    { name: "description", content: (property.description ?? property.title).slice(0, 160) },
  ];
};

/**
 * /properties/:slug — an active or sold listing (drafts and unknown slugs are 404). The loader
 * always returns `property.id`, `slug`, `title` and `status`: the contact form uses them.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const property = await publicPropertyBySlug(params.slug ?? "");
  if (!property) throw apiError("NOT_FOUND", "Property not found");
  const { pro, ...rest } = property;
  const responseHours = await responseBadgeHours(property.proId);
  return json({ property: rest, proName: pro.companyName, responseHours });
}

/** The contact form posts here (issue 4): the same domain function as POST /contact-requests. */
export const action = inquiryAction;

export default function PropertyPage() {
  const { property, proName, responseHours } = useLoaderData<typeof loader>();
  const inquiryState = inquiryStateOf(useActionData<typeof action>());
  const sold = property.status === "sold";
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
  const place = [property.address, `${property.postalCode} ${property.city}`, property.department, property.region]
    .filter(Boolean)
    .join(", ");

  return (
    <article className="property-page">
      <p>
        <Link to="/properties">← Toutes les annonces</Link>
      </p>
      <header className="page-head">
        <h1>{property.title}</h1>
        {sold ? <PropertyStatusBadge status="sold" /> : null}
      </header>
      <p className="price">
        {sold ? (
          <s>{formatPrice(property.price, property.transactionType)}</s>
        ) : (
          formatPrice(property.price, property.transactionType)
        )}
      </p>
      <p className="muted">{place}</p>

      {property.photos.length ? (
        <div className="gallery" role="group" aria-label="Photos du bien">
          {property.photos.map((photo, index) => (
            <img
              key={photo.id}
              src={photoUrl(photo.path)}
              alt={`${property.title}, photo ${index + 1} sur ${property.photos.length}`}
              width={photo.width}
              height={photo.height}
              loading={index < 2 ? "eager" : "lazy"}
              decoding="async"
            />
          ))}
        </div>
      ) : (
        <p className="muted">Pas de photo pour cette annonce.</p>
      )}

      <div className="two-cols">
        <div>
          <h2>Caractéristiques</h2>
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
          {property.description ? (
            <>
              <h2>Description</h2>
              <div className="description">
                {property.description.split(/\n{2,}/).map((paragraph, i) => (
                  <p key={i}>{paragraph}</p>
                ))}
              </div>
            </>
          ) : null}
        </div>

        {/* The contact form (issue 4) goes inside this section; sold listings take no inquiries. */}
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
              <Link to="/properties">Voir les autres annonces</Link>
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
    </article>
  );
}
