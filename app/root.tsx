import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useNavigation,
  useRouteError,
  useLocation,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { ERROR_ID_ELEMENT, useErrorId } from "~/components/ui/error-id";
import stylesheet from "~/styles/app.css";
import { siteFrame } from "~/utils/nav.server";
import { useNonce } from "~/utils/nonce";
import { useRootData } from "~/kit";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Vitrine — annonces immobilières, programmes neufs et véhicules" },
  { name: "description", content: "Trouvez un bien, un programme neuf ou un véhicule et contactez le professionnel." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await siteFrame(request));
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* Marks JavaScript as on before the first paint: enhanced layouts (photo mosaic) never jump. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: "document.documentElement.classList.add('js')" }} />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Header() {
  const data = useRootData();
  const pro = data?.pro;
  const location = useLocation();
  const menu = useRef<HTMLDetailsElement>(null);
  // With JavaScript on, a navigation closes the phone menu (without it, the new page starts closed).
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.key]);
  const mainLinks = [
    { to: "/properties", label: "Annonces" },
    { to: "/programmes", label: "Programmes neufs" },
    { to: "/vehicles", label: "Véhicules" },
  ];
  const accountLinks: { to: string; label: string; count?: number; className?: string }[] = pro
    ? [
        ...(pro.role === "admin"
          ? [
              { to: "/admin/identities", label: "Pièces d’identité" },
              { to: "/admin/jobs", label: "Tâches en échec" },
            ]
          : [{ to: "/pro", label: "Mon espace" }]),
        ...(pro.verified && pro.role !== "admin"
          ? [{ to: "/pro/contacts", label: "Demandes", count: data.unread, className: "inbox-link" }]
          : []),
      ]
    : [
        { to: "/login", label: "Se connecter" },
        { to: "/register", label: "Espace pro", className: "button button-small" },
      ];
  const count = (n?: number) =>
    n ? (
      <span className="badge badge-count" aria-label={`${n} non lues`}>
        {n}
      </span>
    ) : null;
  const logout = (
    <Form method="post" action="/logout" className="inline-form">
      <button type="submit" className="link-button">
        Se déconnecter
      </button>
    </Form>
  );
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand" aria-label="Vitrine, accueil">
          <span className="brand-mark" aria-hidden="true" />
          Vitrine
        </Link>
        <nav aria-label="Navigation principale" className="main-nav">
          {mainLinks.map((link) => (
            <NavLink key={link.to} to={link.to}>
              {link.label}
            </NavLink>
          ))}
        </nav>
        <nav aria-label="Espace professionnel" className="account-nav">
          {accountLinks.map((link) => (
            <NavLink key={link.to} to={link.to} className={link.className} end={link.to === "/pro"}>
              {link.label}
              {count(link.count)}
            </NavLink>
          ))}
          {pro ? logout : null}
        </nav>
        <details className="mobile-menu" ref={menu}>
          <summary>
            <span className="menu-icon" aria-hidden="true" />
            Menu{pro && data.unread ? <span className="badge badge-count">{data.unread}</span> : null}
          </summary>
          <div className="mobile-menu-panel">
            <nav aria-label="Menu">
              <ul>
                {mainLinks.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to}>{link.label}</NavLink>
                  </li>
                ))}
              </ul>
              <h2>{pro ? (pro.companyName ?? pro.name) : "Professionnels"}</h2>
              <ul>
                {accountLinks.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to} className={link.className} end={link.to === "/pro"}>
                      {link.label}
                      {count(link.count)}
                    </NavLink>
                  </li>
                ))}
                {pro ? <li>{logout}</li> : null}
              </ul>
            </nav>
          </div>
        </details>
      </div>
      <PendingBar />
    </header>
  );
}

function PendingBar() {
  const navigation = useNavigation();
  return navigation.state !== "idle" ? (
    <div className="pending-bar" role="progressbar" aria-label="Chargement" />
  ) : null;
}

function Footer() {
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <nav aria-label="Liens de bas de page">
          <ul>
            <li>
              <Link to="/properties">Acheter ou louer</Link>
            </li>
            <li>
              <Link to="/programmes">Immobilier neuf</Link>
            </li>
            <li>
              <Link to="/vehicles">Véhicules d’occasion</Link>
            </li>
            <li>
              <Link to="/register">Publier vos annonces</Link>
            </li>
          </ul>
        </nav>
        <p>© {new Date().getFullYear()} Vitrine — la place de marché des professionnels vérifiés.</p>
      </div>
    </footer>
  );
}

function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Aller au contenu
      </a>
      <Header />
      <main id="main" className="container">
        {children}
      </main>
      <Footer />
    </>
  );
}

export default function App() {
  return (
    <SiteLayout>
      <Outlet />
    </SiteLayout>
  );
}

/** 404, 403, 429 and 500 pages keep the site's header and footer; a 500 shows the logged error id. */
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const data = isRouteErrorResponse(error) ? (error.data as { error?: { errorId?: string } } | null) : null;
  const errorId = useErrorId(typeof data === "object" ? data?.error?.errorId : null);
  const title =
    status === 404
      ? "Page introuvable"
      : status === 403
        ? "Accès refusé"
        : status === 429
          ? "Trop de demandes"
          : status >= 400 && status < 500
            ? "Demande incorrecte"
            : "Une erreur est survenue";
  // A refused action names its reason (e.g. "Seul le propriétaire du compte peut gérer l’équipe.").
  const refusal = status === 403 && isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : null;
  const detail =
    refusal ??
    (status === 404
      ? "La page demandée n’existe pas ou n’est plus en ligne : l’annonce a peut-être été vendue ou retirée."
      : status === 403
        ? "Vous n’avez pas accès à cette page."
        : status === 429
          ? "Vous avez envoyé trop de demandes en peu de temps. Merci de réessayer dans quelques minutes."
          : status >= 400 && status < 500
            ? "Les informations reçues sont incomplètes ou illisibles. Revenez à la page précédente et réessayez."
            : "Nous n’avons pas pu afficher cette page. Réessayez dans un instant.");
  return (
    <SiteLayout>
      <div className="error-page container">
        <p className="error-code" aria-hidden="true">
          {status}
        </p>
        <h1>{title}</h1>
        <p>{detail}</p>
        {status >= 500 && errorId ? (
          <p className="muted">
            Référence de l’erreur, à nous indiquer si elle persiste : <code id={ERROR_ID_ELEMENT}>{errorId}</code>
          </p>
        ) : null}
        <p className="actions actions-center">
          <Link to="/" className="button">
            Retour à l’accueil
          </Link>
          <Link to="/properties" className="button button-secondary">
            Voir les annonces
          </Link>
        </p>
      </div>
    </SiteLayout>
  );
}
