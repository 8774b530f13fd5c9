import { Link } from "@remix-run/react";
import { formatPrice, uploadUrl } from "~/domain/programmes/format";

export type ProgrammeCardData = {
  slug: string;
  name: string;
  ville: string;
  prixMin: number | null;
  photo: string | null;
  lotCount: number;
};

export function ProgrammeCardView({ programme, eager = false }: { programme: ProgrammeCardData; eager?: boolean }) {
  return (
    <article className="listing-card programme-card">
      <Link to={`/programmes/${programme.slug}`}>
        {programme.photo ? (
          <img src={uploadUrl(programme.photo)} alt="" width={600} height={400} loading={eager ? "eager" : "lazy"} />
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
