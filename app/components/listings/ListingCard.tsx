import { Link } from "@remix-run/react";
import {
  formatArea,
  formatPrice,
  photoUrl,
  plural,
  PROPERTY_TYPE_LABELS,
  TRANSACTION_LABELS,
} from "~/domain/listings/format";

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

/** A listing in a grid (home page, search results). The first cards load their photo eagerly. */
export function ListingCard({ listing, eager }: { listing: ListingCardData; eager?: boolean }) {
  const cover = listing.photos[0];
  const facts = [
    PROPERTY_TYPE_LABELS[listing.type],
    TRANSACTION_LABELS[listing.transactionType],
    formatArea(listing.surface),
    listing.rooms ? plural(listing.rooms, "pièce", "pièces") : null,
  ].filter(Boolean);
  return (
    <article className="listing-card property-card">
      <Link to={`/properties/${listing.slug}`}>
        {cover ? (
          <img
            src={photoUrl(cover.path)}
            alt=""
            width={cover.width}
            height={cover.height}
            loading={eager ? "eager" : "lazy"}
            decoding="async"
          />
        ) : (
          <div className="listing-card-nophoto" aria-hidden="true">
            Pas de photo
          </div>
        )}
        <div className="body">
          <h3>{listing.title}</h3>
          <p className="price">{formatPrice(listing.price, listing.transactionType)}</p>
          <p className="muted">{facts.join(" · ")}</p>
          <p className="muted">
            {listing.city} ({listing.postalCode})
          </p>
        </div>
      </Link>
    </article>
  );
}

export function ListingGrid({ listings, eagerCount = 4 }: { listings: ListingCardData[]; eagerCount?: number }) {
  return (
    <div className="grid">
      {listings.map((listing, index) => (
        <ListingCard key={listing.id} listing={listing} eager={index < eagerCount} />
      ))}
    </div>
  );
}
