import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { formatPrice, PROPERTY_TYPE_LABELS, PropertyStatusBadge } from "~/kit";
import { PropertyForm } from "~/components/listings/PropertyForm";
import { createProperty, listOwnProperties } from "~/domain/listings/listings.server";
import { CreatePropertySchema } from "~/domain/listings/rules";
import { requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { pageRoute } from "~/utils/errors.server";
import { fieldIssues, parsePageParams, readBody, wantsJson } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Mes annonces — Vitrine" }];

/** GET /pro/properties — the pro's own listings, newest first, cursor pages (page and JSON). */
export const loader = /* @__PURE__ */ pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const pro = await requireVerifiedPro(request);
  const url = new URL(request.url);
  const page = await listOwnProperties(pro.id, parsePageParams(url));
  if (wantsJson(request)) return json(page);
  return json({
    properties: page.data.map((p) => ({
      id: p.id,
      title: p.title,
      slug: p.slug,
      city: p.city,
      type: p.type,
      price: p.price,
      transactionType: p.transactionType,
      status: p.status,
      photoCount: p.photos.length,
      updatedAt: p.updatedAt,
    })),
    next: page.cursor.next,
    isFirstPage: !url.searchParams.get("cursor"),
  });
});

/**
 * POST /pro/properties — creates a listing. JSON: 201 `{data}`. A form post goes to the new
 * listing's edit page, or shows the form again with its errors (the creation page posts here too).
 */
export const action = /* @__PURE__ */ pageRoute(async ({ request }: ActionFunctionArgs) => {
  const pro = await requireVerifiedPro(request);
  if (request.method !== "POST") throw new DomainError("METHOD_NOT_ALLOWED", "Method not allowed");
  const parsed = CreatePropertySchema.safeParse(await readBody(request));
  if (!parsed.success) throw new DomainError("VALIDATION_ERROR", "Invalid property", fieldIssues(parsed.error));
  const property = await createProperty(pro.id, parsed.data);
  if (wantsJson(request)) return json({ data: property }, { status: 201 });
  return redirect(`/pro/properties/${property.id}?notice=created`);
});

type PageData = Extract<SerializeFrom<typeof loader>, { properties: unknown }>;

export default function ProProperties() {
  const { properties, next, isFirstPage } = useLoaderData<typeof loader>() as PageData;
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const deleted = new URLSearchParams(location.search).get("notice") === "deleted";

  if (actionData && "errors" in actionData) {
    return (
      <div>
        <h1>Nouvelle annonce</h1>
        <PropertyForm
          action="/pro/properties?index"
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
        <h1>Mes annonces</h1>
        <Link to="/pro/properties/new" className="button">
          Nouvelle annonce
        </Link>
      </div>
      {deleted ? (
        <div className="notice notice-success" role="status">
          L’annonce a été supprimée, ainsi que ses photos.
        </div>
      ) : null}
      {properties.length === 0 && isFirstPage ? (
        <div className="card">
          <p>Vous n’avez pas encore d’annonce.</p>
          <p>
            <Link to="/pro/properties/new">Créez votre première annonce</Link> : elle reste en brouillon jusqu’à ce que
            vous la publiiez.
          </p>
        </div>
      ) : (
        <table>
          <caption className="visually-hidden">Vos annonces, les plus récentes d’abord</caption>
          <thead>
            <tr>
              <th scope="col">Annonce</th>
              <th scope="col">Ville</th>
              <th scope="col">Prix</th>
              <th scope="col">Photos</th>
              <th scope="col">Statut</th>
              <th scope="col">Modifiée le</th>
            </tr>
          </thead>
          <tbody>
            {properties.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/pro/properties/${p.id}`}>{p.title}</Link>
                  <div className="muted">{PROPERTY_TYPE_LABELS[p.type]}</div>
                </td>
                <td data-label="Ville">{p.city}</td>
                <td data-label="Prix">{formatPrice(p.price, p.transactionType)}</td>
                <td data-label="Photos">{p.photoCount}</td>
                <td data-label="Statut">
                  <PropertyStatusBadge status={p.status} />
                </td>
                <td data-label="Modifiée le">{new Date(p.updatedAt).toLocaleDateString("fr-FR")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pagination" aria-label="Pages de vos annonces">
        {!isFirstPage ? <Link to="/pro/properties">← Annonces les plus récentes</Link> : <span />}
        {next ? <Link to={`/pro/properties?cursor=${encodeURIComponent(next)}`}>Annonces plus anciennes →</Link> : null}
      </nav>
    </div>
  );
}
