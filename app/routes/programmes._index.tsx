import type { SerializeFrom, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/forms";
import { ProgrammeCardView } from "~/components/programmes/ProgrammeCard";
import { listProgrammes, listProgrammeVilles, parseProgrammeFilters } from "~/domain/programmes/programmes.server";
import { wantsJson } from "~/utils/http.server";

export const meta: MetaFunction = () => [
  { title: "Programmes immobiliers neufs — Vitrine" },
  {
    name: "description",
    content: "Les programmes neufs des promoteurs : appartements et maisons sur plan, lot par lot.",
  },
];

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

      {programmes.length === 0 ? (
        <p>Aucun programme ne correspond à votre recherche.</p>
      ) : (
        <div className="grid programme-grid">
          {programmes.map((programme, index) => (
            <ProgrammeCardView key={programme.id} programme={programme} eager={index < 3} />
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
