import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ProgrammeForm } from "~/components/programmes/ProgrammeForms";
import { formatPrice } from "~/kit";
import { createProgramme, listOwnProgrammes } from "~/domain/programmes/manage.server";
import { CreateProgrammeSchema, PROGRAMME_STATUS_LABELS } from "~/domain/programmes/rules";
import { requireProKind } from "~/utils/auth.server";
import {
  DomainError,
  fieldErrors,
  fieldIssues,
  parsePageParams,
  readBody,
  toResponse,
  wantsJson,
} from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Mes programmes — Vitrine" }];

const BADGE: Record<string, string> = { draft: "badge-draft", active: "badge-active", archived: "badge-sold" };

/** GET /pro/programmes — the developer's programmes, newest first, cursor pages (page and JSON). */
export async function loader({ request }: LoaderFunctionArgs) {
  const pro = await requireProKind(request, "developer");
  const url = new URL(request.url);
  let page;
  try {
    page = await listOwnProgrammes(pro.id, parsePageParams(url));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (wantsJson(request)) throw toResponse(error);
    throw redirect("/pro/programmes");
  }
  if (wantsJson(request)) return json(page);
  return json({
    programmes: page.data.map((p) => ({
      id: p.id,
      name: p.name,
      ville: p.ville,
      status: p.status,
      prixMin: p.prixMin,
      prixMax: p.prixMax,
      lotCount: p.lots.length,
      photoCount: p.photos.length,
    })),
    next: page.cursor.next,
    isFirstPage: !url.searchParams.get("cursor"),
  });
}

/** POST /pro/programmes — creates a programme. JSON: 201 `{data}`; a form goes to the new programme's page. */
export async function action({ request }: ActionFunctionArgs) {
  const pro = await requireProKind(request, "developer");
  const asJson = wantsJson(request);
  if (request.method !== "POST") throw toResponse(new DomainError("METHOD_NOT_ALLOWED", "Method not allowed"));
  let body: Record<string, unknown>;
  try {
    body = await readBody(request);
  } catch (error) {
    if (error instanceof DomainError) throw toResponse(error);
    throw error;
  }
  try {
    const parsed = CreateProgrammeSchema.safeParse(body);
    if (!parsed.success) throw new DomainError("VALIDATION_ERROR", "Invalid programme", fieldIssues(parsed.error));
    const programme = await createProgramme(pro.id, parsed.data);
    if (asJson) return json({ data: programme }, { status: 201 });
    return redirect(`/pro/programmes/${programme.id}?notice=created`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (asJson) throw toResponse(error);
    const values = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >;
    return json(
      { errors: fieldErrors(error.details ?? [{ field: "form", message: error.message }]), values },
      { status: error.status },
    );
  }
}

type PageData = Extract<SerializeFrom<typeof loader>, { programmes: unknown }>;

export default function ProProgrammes() {
  const { programmes, next, isFirstPage } = useLoaderData<typeof loader>() as PageData;
  const actionData = useActionData<typeof action>();
  const deleted = new URLSearchParams(useLocation().search).get("notice") === "deleted";

  if (actionData && "errors" in actionData) {
    return (
      <div>
        <p>
          <Link to="/pro/programmes">← Mes programmes</Link>
        </p>
        <h1>Nouveau programme</h1>
        <ProgrammeForm
          action="/pro/programmes?index"
          values={actionData.values}
          errors={actionData.errors}
          submitLabel="Créer le brouillon"
        />
      </div>
    );
  }

  return (
    <div>
      <div className="page-head">
        <h1>Mes programmes</h1>
        <Link to="/pro/programmes/new" className="button">
          Nouveau programme
        </Link>
      </div>
      {deleted ? (
        <div className="notice notice-success" role="status">
          Le programme a été supprimé, avec ses lots et ses photos. Les demandes reçues restent dans votre boîte de
          réception.
        </div>
      ) : null}
      {programmes.length === 0 && isFirstPage ? (
        <div className="card">
          <p>Vous n’avez pas encore de programme.</p>
          <p>
            <Link to="/pro/programmes/new">Créez votre premier programme</Link>, ajoutez-y ses lots et ses photos, puis
            publiez-le.
          </p>
        </div>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Vos programmes, les plus récents d’abord</caption>
            <thead>
              <tr>
                <th scope="col">Programme</th>
                <th scope="col">Prix</th>
                <th scope="col">Lots</th>
                <th scope="col">Photos</th>
                <th scope="col">Statut</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/pro/programmes/${p.id}`}>{p.name}</Link>
                    <div className="muted">{p.ville}</div>
                  </td>
                  <td data-label="Prix">
                    {p.prixMin != null && p.prixMax != null
                      ? `${formatPrice(p.prixMin)} – ${formatPrice(p.prixMax)}`
                      : "Aucun lot"}
                  </td>
                  <td data-label="Lots">{p.lotCount}</td>
                  <td data-label="Photos">{p.photoCount}</td>
                  <td data-label="Statut">
                    <span className={`badge ${BADGE[p.status]}`}>{PROGRAMME_STATUS_LABELS[p.status]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pagination" aria-label="Pages de vos programmes">
        {!isFirstPage ? <Link to="/pro/programmes">← Programmes les plus récents</Link> : <span />}
        {next ? <Link to={`/pro/programmes?cursor=${encodeURIComponent(next)}`}>Programmes plus anciens →</Link> : null}
      </nav>
    </div>
  );
}
