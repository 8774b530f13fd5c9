import type { SerializeFrom, ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  FavoriteButton,
  FavoriteNotice,
  formatPrice,
  formatSurface,
  LOT_STATUS_LABELS,
  lotStatusBadge,
  uploadUrl,
} from "~/kit";
import { favoriteNotice, withNotice } from "~/components/programmes/favorite-notices";
import { addFavorite, listFavorites, parseFavoriteTarget, type Favorite } from "~/domain/favorites/favorites.server";
import { requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { pageRoute } from "~/utils/errors.server";
import { readBody, wantsJson } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Mes favoris — Vitrine" }];

/** GET /pro/favorites — the page, or seed 003's `{data: [...]}` newest first. */
export const loader = /* @__PURE__ */ pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const pro = await requireVerifiedPro(request);
  const favorites = await listFavorites(pro.id);
  if (wantsJson(request)) return json({ data: favorites });
  return json({ favorites, notice: favoriteNotice(new URL(request.url)) });
});

/** POST /pro/favorites `{programmeId}` or `{lotId}` → 201 `{data}` (JSON); a form post saves and comes back here. */
export const action = /* @__PURE__ */ pageRoute(
  async ({ request }: ActionFunctionArgs) => {
    const pro = await requireVerifiedPro(request);
    if (request.method !== "POST") throw new DomainError("METHOD_NOT_ALLOWED", "Method not allowed");
    const body = await readBody(request);
    if (wantsJson(request)) {
      const favorite = await addFavorite(pro.id, parseFavoriteTarget(body));
      return json({ data: favorite }, { status: 201 });
    }
    const { programmeId, lotId } = body;
    await addFavorite(
      pro.id,
      parseFavoriteTarget({ programmeId: programmeId ? programmeId : null, lotId: lotId ? lotId : null }),
    );
    return redirect(withNotice("/pro/favorites", programmeId ? "programme-ajoute" : "lot-ajoute"));
  },
  {
    formError: (error) =>
      redirect(withNotice("/pro/favorites", error.code === "DUPLICATE" ? "deja-favori" : "cible-introuvable")),
  },
);

/** JSON requests never render the page, so the component only sees the page shape. */
type PageData = Extract<SerializeFrom<typeof loader>, { favorites: unknown }>;

export default function Favorites() {
  const { favorites, notice } = useLoaderData<typeof loader>() as PageData;
  return (
    <div>
      <h1>Mes favoris</h1>
      <FavoriteNotice notice={notice} />
      {favorites.length === 0 ? (
        <div className="card">
          <p>Vous n’avez encore rien sauvegardé.</p>
          <p>
            Parcourez les <Link to="/programmes">programmes neufs</Link> et cliquez sur « Sauvegarder » pour retrouver
            ici un programme ou un lot.
          </p>
        </div>
      ) : (
        <ul className="favorite-list">
          {favorites.map((favorite) => (
            <FavoriteItem key={favorite.id} favorite={favorite} />
          ))}
        </ul>
      )}
    </div>
  );
}

function FavoriteItem({ favorite }: { favorite: Favorite }) {
  const { programme, lot } = favorite;
  const added = `Ajouté le ${new Date(favorite.createdAt).toLocaleDateString("fr-FR")}`;
  const remove = (context: string) => (
    <FavoriteButton
      action={`/pro/favorites/${favorite.id}`}
      intent="remove"
      field="favoriteId"
      value={favorite.id}
      context={context}
    />
  );
  if (programme) {
    const photo = programme.photos[0];
    return (
      <li className="favorite-item card" data-favorite={favorite.id}>
        {photo ? (
          <img src={uploadUrl(photo)} alt="" width={160} height={107} loading="lazy" />
        ) : (
          <div className="photo-placeholder" aria-hidden="true" />
        )}
        <div className="favorite-body">
          <span className="badge">Programme</span>
          <h2>
            <Link to={`/programmes/${programme.slug}`}>{programme.name}</Link>
          </h2>
          <p className="muted">{programme.ville}</p>
          <p>
            De {formatPrice(programme.prixMin)} à {formatPrice(programme.prixMax)}
          </p>
          <p className="muted">{added}</p>
        </div>
        <div className="favorite-actions">{remove(`le programme ${programme.name} de vos favoris`)}</div>
      </li>
    );
  }
  if (lot) {
    return (
      <li className="favorite-item card" data-favorite={favorite.id}>
        <div className="photo-placeholder lot-placeholder" aria-hidden="true">
          {lot.type}
        </div>
        <div className="favorite-body">
          <span className="badge">Lot</span>
          <h2>
            Lot {lot.reference} · {lot.type} · {formatSurface(lot.surface)}
          </h2>
          <p>
            Programme <Link to={`/programmes/${lot.programme.slug}`}>{lot.programme.name}</Link>
          </p>
          <p>
            <span className="price">{formatPrice(lot.price)}</span>{" "}
            <span className={`badge ${lotStatusBadge(lot.status)}`}>{LOT_STATUS_LABELS[lot.status]}</span>{" "}
            <span className="muted">{lot.isComplete ? "Dossier complet" : "Incomplet"}</span>
          </p>
          <p className="muted">{added}</p>
        </div>
        <div className="favorite-actions">{remove(`le lot ${lot.reference} de vos favoris`)}</div>
      </li>
    );
  }
  return null;
}
