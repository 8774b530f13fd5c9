import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { SECTION_LABELS, sectionsOf } from "~/domain/accounts/kinds";
import { can } from "~/domain/teams/permissions";
import { requirePro, requireVerifiedPro } from "~/utils/auth.server";

/** Pro area: sign-in for every page, and the identity gate except on the identity and settings pages. */
const UNGATED = ["/pro/identity", "/pro/settings"];

export async function loader({ request }: LoaderFunctionArgs) {
  const pro = await requirePro(request);
  const { pathname } = new URL(request.url);
  if (pro.role === "admin" && !UNGATED.includes(pathname)) throw redirect("/admin/identities");
  // requireVerifiedPro: pages go to /pro/identity, JSON gets 403 CNI_REQUIRED (a redirect thrown
  // here would otherwise win over the leaf loader's JSON answer).
  if (pro.identityStatus !== "verified" && !UNGATED.includes(pathname)) await requireVerifiedPro(request);
  return json({
    verified: pro.identityStatus === "verified",
    kind: pro.kind,
    companyName: pro.companyName,
    managesTeam: can.manageTeam(pro.member),
  });
}

export default function ProLayout() {
  const { verified, kind, companyName, managesTeam } = useLoaderData<typeof loader>();
  return (
    <div>
      <p className="muted">Espace professionnel — {companyName}</p>
      {verified ? (
        <nav className="tabs" aria-label="Espace pro">
          <NavLink to="/pro" end>
            Tableau de bord
          </NavLink>
          {sectionsOf(kind, { managesTeam }).map((section) => (
            <NavLink key={section} to={`/pro/${section}`}>
              {SECTION_LABELS[section]}
            </NavLink>
          ))}
        </nav>
      ) : null}
      <Outlet />
    </div>
  );
}
