import { Link } from "@remix-run/react";
import { CARD_SIZES, Photo } from "~/components/ui/Photo";
import { formatArea, formatPrice, plural, PROPERTY_TYPE_LABELS, TRANSACTION_LABELS } from "~/domain/listings/format";

export type ListingCardData = {
  id: string;
  slug: string;
  title: string;
  city: string;
  postalCode: string;
  price: number | null;
  surface: number | null;
  rooms: number | null;
  type: string;
  transactionType: string;
  photos: { path: string; width: number; height: number }[];
};

/**
 * A listing in a grid (home page, search results, similar listings). The first cards load their
 * photo eagerly; `contacted` marks a listing this browser has already asked about.
 */
export function ListingCard({
  listing,
  eager,
  contacted = false,
  headingLevel = 3,
  priority = false,
}: {
  listing: ListingCardData;
  eager?: boolean;
  priority?: boolean;
  contacted?: boolean;
  headingLevel?: 2 | 3;
}) {
  const cover = listing.photos[0];
  const facts = [
    PROPERTY_TYPE_LABELS[listing.type],
    formatArea(listing.surface),
    listing.rooms ? plural(listing.rooms, "pièce", "pièces") : null,
  ].filter(Boolean);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="listing-card property-card">
      <Link to={`/properties/${listing.slug}`}>
        {cover ? (
          <Photo
            path={cover.path}
            width={cover.width}
            height={cover.height}
            sizes={CARD_SIZES}
            alt=""
            priority={priority}
            loading={priority || eager ? "eager" : "lazy"}
          />
        ) : (
          <div className="listing-card-nophoto" aria-hidden="true">
            Pas de photo
          </div>
        )}
        <div className="body">
          <p className="price">{formatPrice(listing.price, listing.transactionType)}</p>
          <Heading>{listing.title}</Heading>
          <p className="muted">{facts.join(" · ")}</p>
          <p className="muted">
            {TRANSACTION_LABELS[listing.transactionType]} · {listing.city} ({listing.postalCode})
          </p>
        </div>
      </Link>
      {contacted ? <span className="badge badge-contacted card-flag">Déjà contacté</span> : null}
    </article>
  );
}

export function ListingGrid({
  listings,
  eagerCount = 4,
  contacted,
}: {
  listings: ListingCardData[];
  eagerCount?: number;
  contacted?: readonly string[];
}) {
  return (
    <div className="grid">
      {listings.map((listing, index) => (
        <ListingCard
          key={listing.id}
          listing={listing}
          eager={index < eagerCount}
          priority={index === 0 && eagerCount > 0}
          contacted={contacted?.includes(listing.id)}
        />
      ))}
    </div>
  );
}
