import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LeadStatsSection } from "~/components/followup/LeadStatsSection";
import { parseStatsWindow } from "~/domain/followup/stats";
import { leadStats } from "~/domain/followup/stats.server";
import { leadWhere } from "~/domain/teams/permissions";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Tableau de bord — Vitrine" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const pro = await requireVerifiedPro(request);
  const access = leadAccess(pro);
  const leads = leadWhere(access); // an agent counts only their own leads
  // An unknown window in the address shows the default one rather than an error page.
  const days = parseStatsWindow(new URL(request.url).searchParams.get("jours")) ?? 30;
  const [activeListings, draftListings, newInquiries, favorites, vehicles, newLeads] = await Promise.all([
    db.property.count({ where: { proId: pro.id, status: "active" } }),
    db.property.count({ where: { proId: pro.id, status: "draft" } }),
    db.contactRequest.count({ where: { ...leads, status: "new_request" } }),
    db.proFavorite.count({ where: { proId: pro.id } }),
    db.vehicle.count({ where: { proId: pro.id, status: "available" } }),
    db.vehicleLead.count({ where: { ...leads, status: "new_request", notifiedAt: { not: null } } }),
  ]);
  const leadStatsView = await leadStats({ access, days });
  return json({
    name: pro.member.name,
    kind: pro.kind,
    stats: { activeListings, draftListings, newInquiries, favorites, vehicles, newLeads },
    leadStats: leadStatsView,
  });
}

export default function Dashboard() {
  const { name, kind, stats, leadStats: leadStatsView } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{`Bonjour ${name}`}</h1>
      <div className="dashboard-links">
        {kind !== "dealership" ? (
          <Link to="/pro/properties" className="card">
            <strong>Mes annonces</strong>
            <p className="muted">
              {stats.activeListings} en ligne · {stats.draftListings} brouillon{stats.draftListings > 1 ? "s" : ""}
            </p>
          </Link>
        ) : (
          <Link to="/vehicles" className="card">
            <strong>Mes véhicules</strong>
            <p className="muted">
              {stats.vehicles} disponible{stats.vehicles > 1 ? "s" : ""}
            </p>
          </Link>
        )}
        <Link to="/pro/contacts" className="card">
          <strong>Demandes de contact</strong>
          <p className="muted">
            {stats.newInquiries + stats.newLeads} nouvelle{stats.newInquiries + stats.newLeads > 1 ? "s" : ""}
          </p>
        </Link>
        <Link to="/pro/favorites" className="card">
          <strong>Favoris</strong>
          <p className="muted">{stats.favorites} programme(s) ou lot(s) sauvegardé(s)</p>
        </Link>
        <Link to="/pro/settings" className="card">
          <strong>Paramètres</strong>
          <p className="muted">Jetons d’API et sessions</p>
        </Link>
      </div>
      <LeadStatsSection stats={leadStatsView} />
    </div>
  );
}
