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
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import stylesheet from "~/styles/app.css";
import { getCurrentPro, leadAccess } from "~/utils/auth.server";
import { unreadInquiryCount } from "~/utils/nav.server";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Vitrine — annonces immobilières, programmes neufs et véhicules" },
  { name: "description", content: "Trouvez un bien, un programme neuf ou un véhicule et contactez le professionnel." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const pro = await getCurrentPro(request);
  const unread = pro && pro.identityStatus === "verified" ? await unreadInquiryCount(leadAccess(pro)) : 0;
  return json({
    pro: pro
      ? {
          name: pro.member.name,
          companyName: pro.companyName,
          role: pro.role,
          verified: pro.identityStatus === "verified",
        }
      : null,
    unread,
  });
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
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
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand" aria-label="Vitrine, accueil">
          Vitrine
        </Link>
        <nav aria-label="Navigation principale" className="main-nav">
          <NavLink to="/properties">Annonces</NavLink>
          <NavLink to="/programmes">Programmes neufs</NavLink>
          <NavLink to="/vehicles">Véhicules</NavLink>
        </nav>
        <nav aria-label="Espace professionnel" className="account-nav">
          {pro ? (
            <>
              {pro.role === "admin" ? (
                <>
                  <NavLink to="/admin/identities">Pièces d’identité</NavLink>
                  <NavLink to="/admin/jobs">Tâches en échec</NavLink>
                </>
              ) : null}
              {pro.role !== "admin" ? <NavLink to="/pro">Mon espace</NavLink> : null}
              {pro.verified && pro.role !== "admin" ? (
                <NavLink to="/pro/contacts" className="inbox-link">
                  Demandes
                  {data.unread > 0 ? (
                    <span className="badge badge-count" aria-label={`${data.unread} non lues`}>
                      {data.unread}
                    </span>
                  ) : null}
                </NavLink>
              ) : null}
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="link-button">
                  Se déconnecter
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/login">Se connecter</NavLink>
              <NavLink to="/register" className="button button-small">
                Espace pro
              </NavLink>
            </>
          )}
        </nav>
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
        <p>© {new Date().getFullYear()} Vitrine — la place de marché des professionnels.</p>
        <nav aria-label="Liens de bas de page">
          <Link to="/properties">Acheter ou louer</Link>
          <Link to="/programmes">Immobilier neuf</Link>
          <Link to="/vehicles">Véhicules d’occasion</Link>
          <Link to="/register">Publier vos annonces</Link>
        </nav>
      </div>
    </footer>
  );
}

export default function App() {
  return (
    <>
      <a href="#main" className="skip-link">
        Aller au contenu
      </a>
      <Header />
      <main id="main" className="container">
        <Outlet />
      </main>
      <Footer />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title =
    status === 404
      ? "Page introuvable"
      : status === 403
        ? "Accès refusé"
        : status === 429
          ? "Trop de demandes"
          : "Une erreur est survenue";
  // A refused action names its reason (e.g. "Seul le propriétaire du compte peut gérer l’équipe.").
  const refusal = status === 403 && isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : null;
  const detail =
    refusal ??
    (status === 404
      ? "La page demandée n’existe pas ou n’est plus en ligne."
      : status === 403
        ? "Vous n’avez pas accès à cette page."
        : status === 429
          ? "Vous avez envoyé trop de demandes en peu de temps. Merci de réessayer dans quelques minutes."
          : "Nous n’avons pas pu afficher cette page. Réessayez dans un instant.");
  return (
    <>
      <header className="site-header">
        <div className="container header-inner">
          <a href="/" className="brand">
            Vitrine
          </a>
        </div>
      </header>
      <main id="main" className="container error-page">
        <h1>{title}</h1>
        <p>{detail}</p>
        <p>
          <a href="/">Retour à l’accueil</a>
        </p>
      </main>
    </>
  );
}
