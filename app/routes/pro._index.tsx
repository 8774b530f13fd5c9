import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LeadStatsSection } from "~/components/followup/LeadStatsSection";
import { sectionsOf, SECTION_LABELS, type ProSection } from "~/domain/accounts/kinds";
import { parseStatsWindow } from "~/domain/followup/stats";
import { leadStats, newLeadCount } from "~/domain/followup/stats.server";
import { can, type LeadAccess } from "~/domain/teams/permissions";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Tableau de bord — Vitrine" }];

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** One line of figures per section the pro's kind has (nothing is counted for the others). */
async function sectionSummary(request: Request, access: LeadAccess, section: ProSection): Promise<string> {
  const { proId } = access;
  switch (section) {
    case "properties": {
      const [active, draft] = await Promise.all([
        db.property.count({ where: { proId, status: "active" } }),
        db.property.count({ where: { proId, status: "draft" } }),
      ]);
      return `${active} en ligne · ${plural(draft, "brouillon", "brouillons")}`;
    }
    case "programmes": {
      const [active, draft, lots] = await Promise.all([
        db.programme.count({ where: { proId, status: "active" } }),
        db.programme.count({ where: { proId, status: "draft" } }),
        db.lot.count({ where: { programme: { proId }, status: "disponible" } }),
      ]);
      return `${active} en ligne · ${plural(draft, "brouillon", "brouillons")} · ${plural(lots, "lot disponible", "lots disponibles")}`;
    }
    case "vehicles": {
      const [active, draft] = await Promise.all([
        db.vehicle.count({ where: { proId, status: "active" } }),
        db.vehicle.count({ where: { proId, status: "draft" } }),
      ]);
      return `${active} en ligne · ${plural(draft, "brouillon", "brouillons")}`;
    }
    case "contacts": {
      // An agent counts only their own leads; the navigation's badge shares the count.
      return plural(await newLeadCount(access, request), "nouvelle demande", "nouvelles demandes");
    }
    case "favorites":
      return `${await db.proFavorite.count({ where: { proId } })} programme(s) ou lot(s) sauvegardé(s)`;
    case "team":
      return plural(await db.member.count({ where: { proId, active: true } }), "membre actif", "membres actifs");
    case "settings":
      return "Jetons d’API et sessions";
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const pro = await requireVerifiedPro(request);
  const sections = sectionsOf(pro.kind, { managesTeam: can.manageTeam(pro.member) });
  const access = leadAccess(pro);
  // An unknown window in the address shows the default one rather than an error page.
  const days = parseStatsWindow(new URL(request.url).searchParams.get("jours")) ?? 30;
  const [summaries, leadStatsView] = await Promise.all([
    Promise.all(sections.map((section) => sectionSummary(request, access, section))),
    leadStats({ access, days }),
  ]);
  return json({
    name: pro.member.name,
    cards: sections.map((section, i) => ({ section, label: SECTION_LABELS[section], summary: summaries[i] })),
    leadStats: leadStatsView,
  });
}

export default function Dashboard() {
  const { name, cards, leadStats: leadStatsView } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{`Bonjour ${name}`}</h1>
      <div className="dashboard-links">
        {cards.map((card) => (
          <Link key={card.section} to={`/pro/${card.section}`} className="card">
            <strong>{card.section === "contacts" ? "Demandes de contact" : card.label}</strong>
            <p className="muted">{card.summary}</p>
          </Link>
        ))}
      </div>
      <LeadStatsSection stats={leadStatsView} />
    </div>
  );
}
