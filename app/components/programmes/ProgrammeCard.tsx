import { Link } from "@remix-run/react";
import { CARD_SIZES, formatPrice, Photo } from "~/kit";

export type ProgrammeCardData = {
  slug: string;
  name: string;
  ville: string;
  prixMin: number | null;
  photo: string | null;
  lotCount: number;
};

export function ProgrammeCardView({
  programme,
  eager = false,
  priority = false,
}: {
  programme: ProgrammeCardData;
  eager?: boolean;
  priority?: boolean;
}) {
  return (
    <article className="listing-card programme-card">
      <Link to={`/programmes/${programme.slug}`}>
        {programme.photo ? (
          <Photo
            path={programme.photo}
            sizes={CARD_SIZES}
            alt=""
            priority={eager && priority}
            loading={eager ? "eager" : "lazy"}
          />
        ) : (
          <div className="photo-placeholder" aria-hidden="true" />
        )}
        <div className="body">
          <h3>{programme.name}</h3>
          <p className="muted">{programme.ville}</p>
          <p className="price">
            {programme.prixMin != null ? `à partir de ${formatPrice(programme.prixMin)}` : "Prix à venir"}
          </p>
          <p className="muted">
            {programme.lotCount} lot{programme.lotCount > 1 ? "s" : ""}
          </p>
        </div>
      </Link>
    </article>
  );
}
