import type { SerializeFrom, ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  Breadcrumbs,
  excerpt,
  FavoriteButton,
  FavoriteNotice,
  formatPrice,
  formatSurface,
  Gallery,
  InquiryForm,
  inquiryStateOf,
  JsonLd,
  LOT_STATUS_LABELS,
  lotStatusBadge,
  seoMeta,
  siteOrigin,
  uploadUrl,
  useRootData,
} from "~/kit";
import { inquiryAction } from "~/domain/inquiries/submit-action.server";
import { favoriteNotice, withNotice, type FavoriteNoticeKey } from "~/components/programmes/favorite-notices";
import {
  addFavorite,
  parseFavoriteTarget,
  removeFavorite,
  savedInProgramme,
} from "~/domain/favorites/favorites.server";
import { getProgrammeBySlug } from "~/domain/programmes/programmes.server";
import { getCurrentPro, requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { pageRoute } from "~/utils/errors.server";
import { apiError, readBody, typedValues, wantsJson } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) =>
  data && "programme" in data
    ? seoMeta({
        origin: siteOrigin(matches),
        path: location.pathname,
        title: `${data.programme.name} — programme neuf à ${data.programme.ville} — Vitrine`,
        description: excerpt(
          `Programme neuf à ${data.programme.ville}, de ${formatPrice(data.programme.prixMin)} à ` +
            `${formatPrice(data.programme.prixMax)}. ${data.programme.description}`,
        ),
        image: data.programme.photos[0] ? uploadUrl(data.programme.photos[0]) : null,
        type: "article",
      })
    : [{ title: "Programme introuvable — Vitrine" }, { name: "robots", content: "noindex" }];

async function programmeOr404(slug: string | undefined) {
  const programme = await getProgrammeBySlug(slug ?? "");
  if (!programme) throw apiError("NOT_FOUND", "Programme not found");
  return programme;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const programme = await programmeOr404(params.slug);
  if (wantsJson(request)) return json({ data: programme });

  // Programme data comes from the cache; who saved what is per pro and always read fresh.
  const pro = await getCurrentPro(request);
  const viewer = !pro ? "visitor" : pro.identityStatus === "verified" ? "verified" : "unverified";
  const saved =
    viewer === "verified"
      ? await savedInProgramme(
          pro!.id,
          programme.id,
          programme.lots.map((l) => l.id),
        )
      : { programme: null, lots: {} };
  return json({ programme, viewer, saved, notice: favoriteNotice(new URL(request.url)) });
}

/**
 * The page's native forms: the documentation request (any visitor; the same action as
 * `POST /contact-requests`), and the favorites buttons (verified pros).
 */
export async function action(args: ActionFunctionArgs) {
  const { request } = args;
  if (wantsJson(request)) throw apiError("METHOD_NOT_ALLOWED", "Use POST /contact-requests or POST /pro/favorites");
  // A small urlencoded body (capped by the server): reading a copy tells which form was sent.
  const intent = (await readBody(request.clone()).catch(() => ({}) as Record<string, unknown>)).intent;
  if (intent === "inquiry") {
    await programmeOr404(args.params.slug);
    return inquiryAction(args);
  }
  return favoriteAction(args);
}

const favoriteAction = /* @__PURE__ */ pageRoute(
  async ({ request, params }: ActionFunctionArgs) => {
    const pro = await requireVerifiedPro(request);
    const programme = await programmeOr404(params.slug);
    const back = (key: FavoriteNoticeKey) => redirect(withNotice(`/programmes/${programme.slug}`, key));
    const form = await readBody(request);
    switch (form.intent) {
      case "save-programme":
        await addFavorite(pro.id, parseFavoriteTarget({ programmeId: programme.id }));
        return back("programme-ajoute");
      case "save-lot": {
        const lotId = String(form.lotId ?? "");
        if (!programme.lots.some((lot) => lot.id === lotId)) return back("cible-introuvable");
        await addFavorite(pro.id, parseFavoriteTarget({ lotId }));
        return back("lot-ajoute");
      }
      case "remove": {
        const { kind } = await removeFavorite(pro.id, String(form.favoriteId ?? ""));
        return back(kind === "programme" ? "programme-retire" : "lot-retire");
      }
    }
    throw new DomainError("VALIDATION_ERROR", "Unknown intent", [{ field: "intent", message: "Action inconnue" }]);
  },
  {
    formError: (error, request) => {
      const intent = typedValues(request).intent;
      if (!intent || error.code === "VALIDATION_ERROR") return undefined;
      const key: FavoriteNoticeKey =
        error.code === "DUPLICATE"
          ? "deja-favori"
          : error.code === "NOT_FOUND" && intent === "remove"
            ? "favori-introuvable"
            : "cible-introuvable";
      return redirect(withNotice(new URL(request.url).pathname, key));
    },
  },
);

/** JSON requests never render the page, so the component only sees the page shape. */
type PageData = Extract<SerializeFrom<typeof loader>, { viewer: unknown }>;

export default function ProgrammePage() {
  const { programme, viewer, saved, notice } = useLoaderData<typeof loader>() as PageData;
  const inquiryState = inquiryStateOf(useActionData<typeof action>());
  const here = `/programmes/${programme.slug}`;
  const root = useRootData();
  return (
    <article className="programme">
      <JsonLd data={programmeJsonLd(programme, root?.origin ?? "")} />
      <Breadcrumbs
        items={[
          { label: "Accueil", to: "/" },
          { label: "Programmes neufs", to: "/programmes" },
          { label: programme.ville, to: `/programmes?ville=${encodeURIComponent(programme.ville)}` },
          { label: programme.name },
        ]}
      />
      <Gallery photos={programme.photos.map((path) => ({ path }))} title={programme.name} />
      <FavoriteNotice notice={notice} />
      <header className="programme-header">
        <div>
          <h1>{programme.name}</h1>
          <p className="muted">
            {programme.ville} · un programme de {programme.developer}
          </p>
          <p className="price">
            {programme.prixMin != null && programme.prixMax != null
              ? `De ${formatPrice(programme.prixMin)} à ${formatPrice(programme.prixMax)}`
              : "Prix à venir"}
          </p>
          <p className="muted">
            {[programme.address, `${programme.postalCode} ${programme.ville}`.trim()].filter(Boolean).join(", ")}
            {programme.deliveryDate ? ` · livraison ${programme.deliveryDate.replace("-T", ", trimestre ")}` : ""}
          </p>
        </div>
        <div className="programme-favorite">
          {viewer === "verified" ? (
            saved.programme ? (
              <div className="actions">
                <span className="badge badge-active">Dans vos favoris</span>
                <FavoriteButton
                  action={here}
                  intent="remove"
                  field="favoriteId"
                  value={saved.programme}
                  context={`le programme ${programme.name} de vos favoris`}
                />
              </div>
            ) : (
              <FavoriteButton
                action={here}
                intent="save-programme"
                field="programmeId"
                value={programme.id}
                context={`le programme ${programme.name}`}
                className="button"
              />
            )
          ) : viewer === "visitor" ? (
            <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>Connectez-vous pour sauvegarder</Link>
          ) : (
            <Link to="/pro/identity">Faites vérifier votre identité pour sauvegarder</Link>
          )}
        </div>
      </header>

      <section>
        <h2>Le programme</h2>
        {programme.description.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </section>

      <section>
        <h2>Les lots ({programme.lots.length})</h2>
        {programme.lots.length === 0 ? (
          <p>Aucun lot n’est encore proposé à la vente.</p>
        ) : (
          <div className="table-scroll">
            <table className="lots-table">
              <thead>
                <tr>
                  <th scope="col">Référence</th>
                  <th scope="col">Type</th>
                  <th scope="col">Surface</th>
                  <th scope="col">Prix</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Dossier</th>
                  {viewer === "verified" ? (
                    <th scope="col">
                      <span className="visually-hidden">Favoris</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {programme.lots.map((lot) => {
                  const favoriteId = saved.lots[lot.id];
                  return (
                    <tr key={lot.id} id={`lot-${lot.id}`}>
                      <th scope="row">{lot.reference}</th>
                      <td data-label="Type">{lot.type}</td>
                      <td data-label="Surface">{formatSurface(lot.surface)}</td>
                      <td data-label="Prix">{formatPrice(lot.price)}</td>
                      <td data-label="Statut">
                        <span className={`badge ${lotStatusBadge(lot.status)}`}>{LOT_STATUS_LABELS[lot.status]}</span>
                      </td>
                      <td data-label="Dossier">{lot.isComplete ? "Dossier complet" : "Incomplet"}</td>
                      {viewer === "verified" ? (
                        <td>
                          {favoriteId ? (
                            <FavoriteButton
                              action={here}
                              intent="remove"
                              field="favoriteId"
                              value={favoriteId}
                              context={`le lot ${lot.reference} de vos favoris`}
                            />
                          ) : (
                            <FavoriteButton
                              action={here}
                              intent="save-lot"
                              field="lotId"
                              value={lot.id}
                              context={`le lot ${lot.reference}`}
                            />
                          )}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section id="documentation" aria-labelledby="documentation-title" className="card">
        <h2 id="documentation-title">Recevoir la documentation / Être rappelé</h2>
        <p className="muted">
          Le promoteur vous envoie la documentation du programme ou vous rappelle. Précisez un lot si l’un d’eux vous
          intéresse.
        </p>
        <InquiryForm
          programme={{
            id: programme.id,
            lots: programme.lots
              .filter((lot) => lot.status !== "vendu")
              .map((lot) => ({ id: lot.id, reference: lot.reference, type: lot.type })),
          }}
          propertyTitle={programme.name}
          action={`${here}#documentation`}
          state={inquiryState}
        />
      </section>
    </article>
  );
}

/** schema.org Residence (the building) with an AggregateOffer over its lots. */
function programmeJsonLd(programme: PageData["programme"], origin: string) {
  const available = programme.lots.filter((lot) => lot.status === "disponible");
  return {
    "@context": "https://schema.org",
    "@type": "Residence",
    name: programme.name,
    description: programme.description,
    url: `${origin}/programmes/${programme.slug}`,
    image: programme.photos.map((path) => origin + uploadUrl(path)),
    address: { "@type": "PostalAddress", addressLocality: programme.ville, addressCountry: "FR" },
    offers: {
      "@type": "AggregateOffer",
      priceCurrency: "EUR",
      lowPrice: programme.prixMin,
      highPrice: programme.prixMax,
      offerCount: available.length,
      seller: { "@type": "Organization", name: programme.developer },
    },
  };
}
