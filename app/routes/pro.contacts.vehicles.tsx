import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AssigneeFact, VehicleBuyerFacts } from "~/components/followup/LeadFacts";
import { formatInquiryDate, InquiryStatusBadge, InquiryStatusButtons } from "~/components/inquiries/InquiryStatus";
import { VehicleList } from "~/kit";
import {
  INQUIRY_STATUS_LABELS,
  INQUIRY_STATUSES,
  isInquiryStatus,
  statusChangeRefusal,
} from "~/domain/inquiries/status";
import { AssigneeFilterLinks } from "~/components/inquiries/Assignment";
import { assignableMembers, assigneeFilterSchema } from "~/domain/teams/assignment.server";
import { assignmentRefusal, can } from "~/domain/teams/permissions";
import { assignVehicleLead, changeVehicleLeadStatus, listVehicleLeads } from "~/domain/vehicles/leads.server";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { pageRoute } from "~/utils/errors.server";
import { mailtoHref } from "~/utils/mailto";
import { pageParamsOrNull, parsePageParams, readBody, wantsJson } from "~/utils/http.server";

const PAGE_SIZE = 20;

function tabSearch(url: URL, overrides: Record<string, string | null> = {}) {
  const params = new URLSearchParams();
  for (const key of ["status", "assignee", "cursor"]) {
    const value = key in overrides ? overrides[key] : url.searchParams.get(key);
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The "Véhicules" tab of the inbox: the dealership's leads once the buyer's anonymity window has passed. */
export const loader = /* @__PURE__ */ pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const pro = await requireVerifiedPro(request);
  const url = new URL(request.url);
  const rawStatus = url.searchParams.get("status");
  const status = isInquiryStatus(rawStatus) ? rawStatus : undefined;
  const assigneeFilter = assigneeFilterSchema.safeParse(url.searchParams.get("assignee"));
  const assignee = assigneeFilter.success ? assigneeFilter.data : undefined;
  const access = leadAccess(pro);
  if (wantsJson(request)) return json(await listVehicleLeads(access, parsePageParams(url), { status, assignee }));
  const page = pageParamsOrNull(url) ?? { limit: PAGE_SIZE, cursor: null }; // a damaged link shows the first page
  const result = await listVehicleLeads(access, { limit: PAGE_SIZE, cursor: page.cursor }, { status, assignee });
  return json({
    status: status ?? null,
    assignee: assignee ?? null,
    assigneeHrefs: Object.fromEntries(
      (["all", "me", "none"] as const).map((value) => [
        value,
        `/pro/contacts/vehicles${tabSearch(url, { assignee: value === "all" ? null : value, cursor: null })}`,
      ]),
    ) as Record<"all" | "me" | "none", string>,
    members: can.assignLeads(pro.member) ? await assignableMembers(pro.id) : null,
    isFirstPage: !page.cursor,
    search: tabSearch(url),
    nextHref: result.cursor.next ? `/pro/contacts/vehicles${tabSearch(url, { cursor: result.cursor.next })}` : null,
    firstHref: `/pro/contacts/vehicles${tabSearch(url, { cursor: null })}`,
    leads: result.data,
  });
});

export const action = /* @__PURE__ */ pageRoute(
  async ({ request }: ActionFunctionArgs) => {
    const pro = await requireVerifiedPro(request);
    const form = await readBody(request);
    const id = String(form.id ?? "");
    if (form.intent === "assign") await assignVehicleLead(leadAccess(pro), id, form.assigneeId);
    else if (form.intent === "status") await changeVehicleLeadStatus(leadAccess(pro), id, form.status);
    else throw new DomainError("VALIDATION_ERROR", "Unknown intent");
    return redirect(`/pro/contacts/vehicles${tabSearch(new URL(request.url))}`);
  },
  { formError: (error) => assignmentRefusal(error) ?? statusChangeRefusal(error.code) },
);

export default function VehicleLeadsTab() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!("leads" in data)) return null;
  const { status, assignee, assigneeHrefs, members, leads, nextHref, firstHref, isFirstPage, search } = data;
  const formAction = `/pro/contacts/vehicles${search}`;
  return (
    <div>
      <h2 className="visually-hidden">Demandes sur vos véhicules</h2>
      {actionData?.errors ? (
        <div className="notice notice-error" role="alert">
          {Object.values(actionData.errors).flat()[0]}
        </div>
      ) : null}
      <nav className="inquiry-filters actions" aria-label="Filtrer par statut">
        <span className="muted">Filtrer :</span>
        <Link to="/pro/contacts/vehicles" aria-current={status === null ? "true" : undefined}>
          Toutes
        </Link>
        {INQUIRY_STATUSES.map((value) => (
          <Link
            key={value}
            to={`/pro/contacts/vehicles?status=${value}`}
            aria-current={status === value ? "true" : undefined}
          >
            {INQUIRY_STATUS_LABELS[value]}
          </Link>
        ))}
      </nav>
      <AssigneeFilterLinks current={assignee} hrefs={assigneeHrefs} />
      <p className="muted">
        Les coordonnées d’un acheteur apparaissent ici (et vous sont envoyées par e-mail) une fois passé le délai
        pendant lequel il peut retirer sa demande.
      </p>
      {leads.length === 0 ? (
        <p className="muted">
          {status
            ? `Aucune demande au statut « ${INQUIRY_STATUS_LABELS[status]} ».`
            : "Aucune demande sur vos véhicules pour le moment."}
        </p>
      ) : (
        <ul className="lead-list">
          {leads.map((lead) => (
            <li key={lead.id} className="card lead-card" data-lead-id={lead.id}>
              <div className="lead-header">
                <h3>
                  {lead.buyer.fullName} <span className="muted">— demande n° {lead.requestId}</span>
                </h3>
                <InquiryStatusBadge status={lead.status} />
              </div>
              <p className="muted">
                Envoyée le <time dateTime={lead.createdAt}>{formatInquiryDate(lead.createdAt)}</time>
              </p>
              <dl className="facts">
                <VehicleBuyerFacts
                  buyer={lead.buyer}
                  emailHref={mailtoHref(lead.buyer.email, {
                    subject: `Votre demande n° ${lead.requestId} sur Vitrine`,
                  })}
                />
                <AssigneeFact id={lead.id} assignee={lead.assignee} members={members} action={formAction} />
              </dl>
              {lead.buyer.additionalComments ? <p className="comments">« {lead.buyer.additionalComments} »</p> : null}
              <VehicleList vehicles={lead.vehicles.map((v, i) => ({ key: `${v.vehicleId}-${i}`, ...v }))} />
              <div className="actions">
                <Link to={`/pro/contacts/vehicles/${lead.id}`} className="button button-small">
                  Voir et répondre
                </Link>
                <InquiryStatusButtons id={lead.id} status={lead.status} action={formAction} small />
              </div>
            </li>
          ))}
        </ul>
      )}
      <nav className="pagination" aria-label="Pages">
        {!isFirstPage ? <Link to={firstHref}>Plus récentes</Link> : <span />}
        {nextHref ? <Link to={nextHref}>Plus anciennes</Link> : null}
      </nav>
    </div>
  );
}
