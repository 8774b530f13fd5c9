import type { SerializeFrom, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field, seoMeta, siteOrigin } from "~/kit";
import { ProgrammeCardView } from "~/components/programmes/ProgrammeCard";
import { listProgrammes, listProgrammeVilles, parseProgrammeFilters } from "~/domain/programmes/programmes.server";
import { wantsJson } from "~/utils/http.server";

export const meta: MetaFunction = ({ matches, location }) =>
  seoMeta({
    origin: siteOrigin(matches),
    path: location.pathname + location.search.replace(/([?&])cursor=[^&]*&?/, "$1").replace(/[?&]$/, ""),
    title: "Programmes immobiliers neufs — Vitrine",
    description:
      "Les programmes neufs des promoteurs : appartements et maisons sur plan, lot par lot, avec leurs prix et leur disponibilité.",
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { values, filters, errors, cursor } = parseProgrammeFilters(url);
  const [page, villes] = await Promise.all([listProgrammes(filters, cursor), listProgrammeVilles()]);
  if (wantsJson(request)) return json(page);

  let nextHref: string | null = null;
  if (page.cursor.next) {
    const next = new URLSearchParams(url.search);
    next.set("cursor", page.cursor.next);
    nextHref = `/programmes?${next}`;
  }
  return json({ programmes: page.data, nextHref, villes, values, errors, filtered: Object.keys(filters).length > 0 });
}

const LABELS = { ville: "Ville", prixMin: "Budget minimum (€)", prixMax: "Budget maximum (€)" };

/** JSON requests never render the page, so the component only sees the page shape. */
type PageData = Extract<SerializeFrom<typeof loader>, { villes: unknown }>;

export default function Programmes() {
  const { programmes, nextHref, villes, values, errors, filtered } = useLoaderData<typeof loader>() as PageData;
  return (
    <div>
      <h1>Programmes neufs</h1>
      <Form
        method="get"
        action="/programmes"
        className="card programme-filters"
        aria-label="Filtrer les programmes"
        noValidate
      >
        <ErrorSummary errors={errors} labels={LABELS} />
        <div className="form-grid">
          <div className="field">
            <label htmlFor="field-ville">{LABELS.ville}</label>
            <select id="field-ville" name="ville" defaultValue={values.ville}>
              <option value="">Toutes les villes</option>
              {villes.map((ville) => (
                <option key={ville} value={ville}>
                  {ville}
                </option>
              ))}
              {values.ville && !villes.includes(values.ville) ? (
                <option value={values.ville}>{values.ville}</option>
              ) : null}
            </select>
          </div>
          <Field
            label={LABELS.prixMin}
            name="prixMin"
            inputMode="numeric"
            defaultValue={values.prixMin}
            errors={errors}
          />
          <Field
            label={LABELS.prixMax}
            name="prixMax"
            inputMode="numeric"
            defaultValue={values.prixMax}
            errors={errors}
          />
        </div>
        <div className="actions">
          <button type="submit">Filtrer</button>
          {filtered || values.ville || values.prixMin || values.prixMax ? (
            <Link to="/programmes" className="button button-secondary">
              Réinitialiser
            </Link>
          ) : null}
        </div>
      </Form>

      <h2 aria-live="polite">
        {programmes.length === 0
          ? "Aucun programme ne correspond à votre recherche"
          : `${programmes.length}${nextHref ? "+" : ""} programme${programmes.length > 1 ? "s" : ""} neuf${programmes.length > 1 ? "s" : ""}`}
      </h2>
      {programmes.length === 0 ? (
        <div className="card empty-state">
          <p>Essayez une autre ville ou élargissez votre budget.</p>
          <p className="actions actions-center">
            <Link to="/programmes" className="button">
              Voir tous les programmes
            </Link>
            <Link to="/properties" className="button button-secondary">
              Voir les annonces
            </Link>
          </p>
        </div>
      ) : (
        <div className="grid programme-grid">
          {programmes.map((programme, index) => (
            <ProgrammeCardView key={programme.id} programme={programme} eager={index < 3} priority={index === 0} />
          ))}
        </div>
      )}
      {nextHref ? (
        <nav className="pagination" aria-label="Pagination">
          <span />
          <Link to={nextHref}>Programmes suivants</Link>
        </nav>
      ) : null}
    </div>
  );
}
