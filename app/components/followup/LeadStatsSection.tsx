import { Link } from "@remix-run/react";
import { formatWait } from "~/domain/followup/leads";
import { STATS_WINDOWS } from "~/domain/followup/stats";

/** What the dashboard's loader hands over (the JSON of GET /pro/stats). */
export type LeadStatsView = {
  days: number;
  scope: "organisation" | "own";
  received: number;
  perDay: { date: string; count: number }[];
  answered: number;
  medianResponseSeconds: number | null;
  answeredWithinHourShare: number | null;
  waiting: {
    total: number;
    oldest: {
      kind: string;
      id: string;
      title: string;
      buyerFirstName: string;
      ageSeconds: number;
      path: string;
      assignee: { id: string; name: string } | null;
    }[];
  };
  perMember:
    | {
        member: { id: string; name: string; role: string; active: boolean } | null;
        received: number;
        answered: number;
        medianResponseSeconds: number | null;
        answeredWithinHourShare: number | null;
        waiting: number;
      }[]
    | null;
};

const dayLabel = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "short", timeZone: "UTC" });
const longDayLabel = new Intl.DateTimeFormat("fr-FR", {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});

function percent(share: number | null) {
  return share === null ? "—" : `${Math.round(share * 100)} %`;
}

/**
 * Leads received per day as bars. Drawn on the server (plain SVG in the HTML, no script), scaled
 * by its viewBox to any width, with a title and a description for screen readers; the table below
 * gives every figure as text.
 */
function LeadsPerDayChart({ perDay }: { perDay: LeadStatsView["perDay"] }) {
  // A small viewBox keeps the labels legible once scaled down to a phone's width.
  const width = 400;
  const height = 160;
  const top = 16;
  const bottom = 24;
  const left = 28;
  const plotWidth = width - left;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...perDay.map((d) => d.count));
  const slot = plotWidth / Math.max(1, perDay.length);
  const barWidth = Math.max(1, slot * 0.7);
  const total = perDay.reduce((sum, d) => sum + d.count, 0);
  const busiest = perDay.reduce((best, d) => (d.count > best.count ? d : best), perDay[0] ?? { date: "", count: 0 });
  const first = perDay[0];
  const last = perDay[perDay.length - 1];
  return (
    <svg
      className="stats-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="leads-chart-title leads-chart-desc"
    >
      <title id="leads-chart-title">Demandes reçues par jour</title>
      <desc id="leads-chart-desc">
        {`${total} demande${total > 1 ? "s" : ""} sur ${perDay.length} jours` +
          (busiest && busiest.count
            ? `, au plus ${busiest.count} le ${longDayLabel.format(new Date(busiest.date))}.`
            : ".")}
      </desc>
      <line x1={left} y1={top + plotHeight} x2={width} y2={top + plotHeight} stroke="#9ca3af" strokeWidth="1" />
      <text x={left - 4} y={top + 4} textAnchor="end" fontSize="13" fill="#4b5563">
        {max}
      </text>
      <text x={left - 4} y={top + plotHeight} textAnchor="end" fontSize="13" fill="#4b5563">
        0
      </text>
      {perDay.map((d, i) => {
        const barHeight = (d.count / max) * plotHeight;
        return (
          <rect
            key={d.date}
            x={left + i * slot + (slot - barWidth) / 2}
            y={top + plotHeight - barHeight}
            width={barWidth}
            height={barHeight}
            fill="#1d4ed8"
          >
            <title>{`${dayLabel.format(new Date(d.date))} : ${d.count}`}</title>
          </rect>
        );
      })}
      {first ? (
        <text x={left} y={height - 6} fontSize="13" fill="#4b5563">
          {dayLabel.format(new Date(first.date))}
        </text>
      ) : null}
      {last ? (
        <text x={width} y={height - 6} textAnchor="end" fontSize="13" fill="#4b5563">
          {dayLabel.format(new Date(last.date))}
        </text>
      ) : null}
    </svg>
  );
}

/** The share answered within the hour as one horizontal gauge. */
function WithinHourGauge({ share }: { share: number | null }) {
  const value = share ?? 0;
  return (
    <svg
      className="stats-gauge"
      viewBox="0 0 300 20"
      role="img"
      aria-label={`Répondu en moins d’une heure : ${percent(share)}`}
    >
      <rect x="0" y="0" width="300" height="20" rx="4" fill="#e5e7eb" />
      <rect x="0" y="0" width={300 * value} height="20" rx="4" fill={value >= 0.5 ? "#15803d" : "#b45309"} />
    </svg>
  );
}

/** Owners' and managers' view: the same figures for each member (and the unassigned pool). */
function PerMemberTable({ rows }: { rows: NonNullable<LeadStatsView["perMember"]> }) {
  return (
    <section className="card" aria-labelledby="per-member-title">
      <h3 id="per-member-title">Par membre de l’équipe</h3>
      <div className="table-scroll">
        <table className="stats-table" data-testid="stats-per-member">
          <thead>
            <tr>
              <th scope="col">Membre</th>
              <th scope="col">Reçues</th>
              <th scope="col">Délai médian</th>
              <th scope="col">En moins d’1 h</th>
              <th scope="col">En attente</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.member?.id ?? "pool"}>
                <th scope="row">
                  {row.member ? `${row.member.name}${row.member.active ? "" : " (désactivé)"}` : "Non attribuées"}
                </th>
                <td>{row.received}</td>
                <td>{row.medianResponseSeconds === null ? "—" : formatWait(row.medianResponseSeconds)}</td>
                <td>{percent(row.answeredWithinHourShare)}</td>
                <td>{row.waiting}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The statistics part of the dashboard (`/pro`), over 7, 30 or 90 days. */
export function LeadStatsSection({ stats }: { stats: LeadStatsView }) {
  const whose = stats.scope === "own" ? "Vos demandes" : "Les demandes de l’équipe";
  return (
    <section className="lead-stats" aria-labelledby="lead-stats-title">
      <div className="lead-stats-head">
        <h2 id="lead-stats-title">
          {whose} sur {stats.days} jours
        </h2>
        <nav aria-label="Période" className="lead-stats-windows">
          {STATS_WINDOWS.map((days) => (
            <Link key={days} to={`/pro?jours=${days}`} aria-current={days === stats.days ? "true" : undefined}>
              {days} jours
            </Link>
          ))}
        </nav>
      </div>
      <dl className="stats-figures">
        <div className="card">
          <dt>Demandes reçues</dt>
          <dd data-testid="stat-received">{stats.received}</dd>
        </div>
        <div className="card">
          <dt>Délai médian de première réponse</dt>
          <dd data-testid="stat-median">
            {stats.medianResponseSeconds === null ? "—" : formatWait(stats.medianResponseSeconds)}
          </dd>
        </div>
        <div className="card">
          <dt>Répondu en moins d’une heure</dt>
          {/* A definition list's groups hold only dt and dd: the gauge belongs to the figure. */}
          <dd>
            <span data-testid="stat-within-hour">{percent(stats.answeredWithinHourShare)}</span>
            <WithinHourGauge share={stats.answeredWithinHourShare} />
          </dd>
        </div>
        <div className="card">
          <dt>En attente de réponse</dt>
          <dd data-testid="stat-waiting">{stats.waiting.total}</dd>
        </div>
      </dl>

      <figure className="card stats-chart-figure">
        <LeadsPerDayChart perDay={stats.perDay} />
        <figcaption>
          <details>
            <summary>Voir les chiffres jour par jour</summary>
            <table className="stats-table">
              <thead>
                <tr>
                  <th scope="col">Jour</th>
                  <th scope="col">Demandes</th>
                </tr>
              </thead>
              <tbody>
                {stats.perDay.map((d) => (
                  <tr key={d.date}>
                    <td>{longDayLabel.format(new Date(d.date))}</td>
                    <td>{d.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figcaption>
      </figure>

      <section className="card" aria-labelledby="waiting-title">
        <h3 id="waiting-title">Demandes en attente, les plus anciennes d’abord</h3>
        {stats.waiting.oldest.length === 0 ? (
          <p className="muted">Aucune demande en attente : bravo !</p>
        ) : (
          <ol className="waiting-list">
            {stats.waiting.oldest.map((lead) => (
              <li key={`${lead.kind}-${lead.id}`}>
                <Link to={lead.path}>{lead.title}</Link> — {lead.buyerFirstName || "un visiteur"},{" "}
                <span className="waiting-age">en attente depuis {formatWait(lead.ageSeconds)}</span>
                {stats.scope === "organisation" ? (
                  <span className="muted"> · {lead.assignee ? lead.assignee.name : "non attribuée"}</span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {stats.waiting.total > stats.waiting.oldest.length ? (
          <p className="muted">
            Et {stats.waiting.total - stats.waiting.oldest.length} autre(s) dans{" "}
            <Link to="/pro/contacts">vos demandes</Link>.
          </p>
        ) : null}
      </section>

      {stats.perMember ? <PerMemberTable rows={stats.perMember} /> : null}
    </section>
  );
}
