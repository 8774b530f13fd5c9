import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatPrice, PROPERTY_TYPE_LABELS, TRANSACTION_LABELS } from "~/domain/listings/format";
import { db } from "~/utils/db.server";

export const meta: MetaFunction = () => [
  { title: "Vitrine — biens immobiliers, programmes neufs et véhicules de professionnels" },
];

export async function loader(_: LoaderFunctionArgs) {
  const latest = await db.property.findMany({
    where: { status: "active" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 8,
    select: {
      id: true,
      slug: true,
      title: true,
      city: true,
      postalCode: true,
      price: true,
      surface: true,
      rooms: true,
      type: true,
      transactionType: true,
      photos: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], take: 1, select: { path: true } },
    },
  });
  return json({ latest });
}

export default function Home() {
  const { latest } = useLoaderData<typeof loader>();
  return (
    <div>
      <section className="hero">
        <h1>Trouvez le bien qui vous ressemble</h1>
        <p>Des annonces publiées par des professionnels vérifiés : agences, promoteurs et concessions.</p>
        <Form method="get" action="/properties" className="form-grid" aria-label="Rechercher un bien">
          <div className="field">
            <label htmlFor="home-city">Ville</label>
            <input id="home-city" name="city" placeholder="Lyon, Bordeaux…" />
          </div>
          <div className="field">
            <label htmlFor="home-transaction">Projet</label>
            <select id="home-transaction" name="transactionType" defaultValue="">
              <option value="">Acheter ou louer</option>
              <option value="vente">Acheter</option>
              <option value="location">Louer</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="home-type">Type de bien</label>
            <select id="home-type" name="type" defaultValue="">
              <option value="">Tous les types</option>
              {Object.entries(PROPERTY_TYPE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="home-max">Budget maximum (€)</label>
            <input id="home-max" name="maxPrice" inputMode="numeric" />
          </div>
          <div className="field">
            <span aria-hidden="true">&nbsp;</span>
            <button type="submit" className="button-secondary">
              Rechercher
            </button>
          </div>
        </Form>
      </section>

      <h2>Dernières annonces</h2>
      {latest.length === 0 ? <p>Aucune annonce en ligne pour le moment.</p> : null}
      <div className="grid">
        {latest.map((p, index) => (
          <article key={p.id} className="listing-card">
            <Link to={`/properties/${p.slug}`}>
              {p.photos[0] ? (
                <img
                  src={`/uploads/${p.photos[0].path}`}
                  alt=""
                  width={1200}
                  height={800}
                  loading={index < 4 ? "eager" : "lazy"}
                />
              ) : null}
              <div className="body">
                <h3>{p.title}</h3>
                <p className="price">{formatPrice(p.price, p.transactionType)}</p>
                <p className="muted">
                  {PROPERTY_TYPE_LABELS[p.type]} · {TRANSACTION_LABELS[p.transactionType]}
                  {p.surface ? ` · ${p.surface} m²` : ""}
                  {p.rooms ? ` · ${p.rooms} pièces` : ""}
                </p>
                <p className="muted">
                  {p.city} ({p.postalCode})
                </p>
              </div>
            </Link>
          </article>
        ))}
      </div>
      <p>
        <Link to="/properties">Voir toutes les annonces</Link>
      </p>
    </div>
  );
}
