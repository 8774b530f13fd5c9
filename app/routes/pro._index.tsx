import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LeadStatsSection } from "~/components/followup/LeadStatsSection";
import { sectionsOf, SECTION_LABELS, type ProSection } from "~/domain/accounts/kinds";
import { parseStatsWindow } from "~/domain/followup/stats";
import { leadStats } from "~/domain/followup/stats.server";
import { can, type LeadAccess } from "~/domain/teams/permissions";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Tableau de bord — Vitrine" }];

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** A pro's listings counted per status in one statement, from the (proId, status) index. */
function perStatus(rows: { status: string; _count: { _all: number } }[]): Record<string, number | undefined> {
  return Object.fromEntries(rows.map((row) => [row.status, row._count._all]));
}

/** One line of figures per section the pro's kind has (nothing is counted for the others). */
async function sectionSummary(
  access: LeadAccess,
  section: ProSection,
  stats: Promise<{ waiting: { unread: number } }>,
): Promise<string> {
  const { proId } = access;
  switch (section) {
    case "properties": {
      const rows = await db.property.groupBy({ by: ["status"], where: { proId }, _count: { _all: true } });
      const counts = perStatus(rows);
      return `${counts.active ?? 0} en ligne · ${plural(counts.draft ?? 0, "brouillon", "brouillons")}`;
    }
    case "programmes": {
      const [programmes, lots] = await Promise.all([
        db.programme.groupBy({ by: ["status"], where: { proId }, _count: { _all: true } }),
        db.lot.count({ where: { programme: { proId }, status: "disponible" } }),
      ]);
      const counts = perStatus(programmes);
      return `${counts.active ?? 0} en ligne · ${plural(counts.draft ?? 0, "brouillon", "brouillons")} · ${plural(lots, "lot disponible", "lots disponibles")}`;
    }
    case "vehicles": {
      const rows = await db.vehicle.groupBy({ by: ["status"], where: { proId }, _count: { _all: true } });
      const counts = perStatus(rows);
      return `${counts.active ?? 0} en ligne · ${plural(counts.draft ?? 0, "brouillon", "brouillons")}`;
    }
    case "contacts": {
      // The statistics count the new leads this member sees (an agent: their own) with the waiting ones.
      const { unread } = (await stats).waiting;
      return plural(unread, "nouvelle demande", "nouvelles demandes");
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
  const stats = leadStats({ access, days });
  const [summaries, leadStatsView] = await Promise.all([
    Promise.all(sections.map((section) => sectionSummary(access, section, stats))),
    stats,
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
