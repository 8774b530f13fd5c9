import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ListingGrid } from "~/components/listings/ListingCard";
import { PROPERTY_TYPE_LABELS } from "~/domain/listings/format";
import { activeCityFacets, latestActiveProperties } from "~/domain/listings/listings.server";

export const meta: MetaFunction = () => [
  { title: "Vitrine — biens immobiliers, programmes neufs et véhicules de professionnels" },
];

export async function loader(_: LoaderFunctionArgs) {
  const [latest, cities] = await Promise.all([latestActiveProperties(8), activeCityFacets()]);
  return json({ latest, cities: cities.map((c) => c.city) });
}

export default function Home() {
  const { latest, cities } = useLoaderData<typeof loader>();
  return (
    <div>
      <section className="hero">
        <h1>Trouvez le bien qui vous ressemble</h1>
        <p>Des annonces publiées par des professionnels vérifiés : agences, promoteurs et concessions.</p>
        <Form method="get" action="/properties" className="form-grid" aria-label="Rechercher un bien">
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
      <ListingGrid listings={latest} />
      <p>
        <Link to="/properties">Voir toutes les annonces</Link>
      </p>
    </div>
  );
}
