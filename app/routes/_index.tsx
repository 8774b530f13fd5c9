import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ListingGrid, PROPERTY_TYPE_LABELS, seoMeta, siteOrigin, uploadUrl } from "~/kit";
import { homePageLoader } from "~/domain/listings/home-page.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  seoMeta({
    origin: siteOrigin(matches),
    path: "/",
    title: "Vitrine — biens immobiliers, programmes neufs et véhicules de professionnels",
    description:
      "Appartements et maisons à vendre ou à louer, programmes neufs et véhicules d’occasion, publiés par des " +
      "agences, promoteurs et concessions vérifiés. Contactez le professionnel en un message.",
    image: data?.latest[0]?.photos[0] ? uploadUrl(data.latest[0].photos[0].path) : null,
  });

export const loader = homePageLoader;

export default function Home() {
  const { latest, cities, contacted } = useLoaderData<typeof loader>();
  return (
    <div>
      <section className="hero">
        <h1>Trouvez le bien qui vous ressemble</h1>
        <p>Des annonces publiées par des professionnels vérifiés : agences, promoteurs et concessions.</p>
        <Form method="get" action="/properties" className="form-grid hero-search" aria-label="Rechercher un bien">
          <div className="field">
            <label htmlFor="home-city">Ville</label>
            <input id="home-city" name="city" placeholder="Lyon, Bordeaux…" list="home-cities" autoComplete="off" />
            <datalist id="home-cities">
              {cities.map((city) => (
                <option key={city} value={city} />
              ))}
            </datalist>
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
          <div className="field field-submit">
            <button type="submit" className="button-secondary">
              Rechercher
            </button>
          </div>
        </Form>
      </section>

      <div className="section-head">
        <h2>Dernières annonces</h2>
        <Link to="/properties">Voir toutes les annonces</Link>
      </div>
      {latest.length === 0 ? <p>Aucune annonce en ligne pour le moment.</p> : null}
      <ListingGrid listings={latest} contacted={contacted} />

      <section aria-labelledby="more-title" className="home-more">
        <h2 id="more-title">Et aussi sur Vitrine</h2>
        <div className="dashboard-links">
          <Link to="/programmes" className="card">
            <strong>Programmes neufs</strong>
            <span className="muted">Appartements et maisons sur plan, avec leurs lots disponibles.</span>
          </Link>
          <Link to="/vehicles" className="card">
            <strong>Véhicules d’occasion</strong>
            <span className="muted">Comparez et contactez jusqu’à quatre concessions en une demande.</span>
          </Link>
          <Link to="/register" className="card">
            <strong>Vous êtes professionnel ?</strong>
            <span className="muted">Publiez vos annonces auprès d’acheteurs qualifiés.</span>
          </Link>
        </div>
      </section>
    </div>
  );
}
