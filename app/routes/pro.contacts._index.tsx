import { InquirySubject } from "~/kit";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  excerpt,
  formatInquiryDate,
  InquiryStatusBadge,
  InquiryStatusButtons,
} from "~/components/inquiries/InquiryStatus";
import { AssigneeFilterLinks, AssigneeLabel, AssignForm } from "~/components/inquiries/Assignment";
import { Toast } from "~/components/ui/Toast";
import {
  assignInquiry,
  changeInquiryStatus,
  listInquiries,
  statusFilterSchema,
} from "~/domain/inquiries/inquiries.server";
import { assignableMembers, assigneeFilterSchema } from "~/domain/teams/assignment.server";
import { assignmentRefusal, can } from "~/domain/teams/permissions";
import {
  INQUIRY_STATUS_LABELS,
  INQUIRY_STATUSES,
  type InquiryStatus,
  statusChangeRefusal,
} from "~/domain/inquiries/status";
import { leadAccess, requireVerifiedPro } from "~/utils/auth.server";
import { DomainError } from "~/utils/errors";
import { pageRoute } from "~/utils/errors.server";
import { pageParamsOrNull, readBody } from "~/utils/http.server";

const PAGE_SIZE = 20;

/** Keeps only the inbox's own query parameters (filter, page size, cursor) for links and redirects. */
function inboxSearch(url: URL, overrides: Record<string, string | null> = {}) {
  const params = new URLSearchParams();
  for (const key of ["status", "assignee", "limit", "cursor"]) {
    const value = key in overrides ? overrides[key] : url.searchParams.get(key);
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const pro = await requireVerifiedPro(request);
  const url = new URL(request.url);
  const filter = statusFilterSchema.safeParse(url.searchParams.get("status"));
  const status = filter.success ? filter.data : undefined;
  const assigneeFilter = assigneeFilterSchema.safeParse(url.searchParams.get("assignee"));
  const assignee = assigneeFilter.success ? assigneeFilter.data : undefined;
  const page = pageParamsOrNull(url) ?? { limit: PAGE_SIZE, cursor: null }; // a damaged link shows the first page
  const result = await listInquiries(leadAccess(pro), page, { status, assignee });
  const mayAssign = can.assignLeads(pro.member);
  return json({
    status: status ?? null,
    assignee: assignee ?? null,
    assigneeHrefs: Object.fromEntries(
      (["all", "me", "none"] as const).map((value) => [
        value,
        `/pro/contacts${inboxSearch(url, { assignee: value === "all" ? null : value, cursor: null })}`,
      ]),
    ) as Record<"all" | "me" | "none", string>,
    members: mayAssign ? await assignableMembers(pro.id) : null,
    filterHrefs: Object.fromEntries(
      [null, ...INQUIRY_STATUSES].map((value) => [
        value ?? "all",
        `/pro/contacts${inboxSearch(url, { status: value, cursor: null })}`,
      ]),
    ) as Record<"all" | InquiryStatus, string>,
    isFirstPage: !page.cursor,
    search: inboxSearch(url),
    nextHref: result.cursor.next ? `/pro/contacts${inboxSearch(url, { cursor: result.cursor.next })}` : null,
    firstHref: `/pro/contacts${inboxSearch(url, { cursor: null })}`,
    updated: UPDATED_MESSAGES[url.searchParams.get("updated") ?? ""] ?? null,
    hereHref: `/pro/contacts${inboxSearch(url)}`,
    inquiries: result.data.map((inquiry) => ({
      id: inquiry.id,
      property: inquiry.property,
      programme: inquiry.programme,
      programmeId: inquiry.programmeId,
      lot: inquiry.lot,
      propertyTitle: inquiry.propertyTitle,
      senderName: inquiry.senderName,
      excerpt: excerpt(inquiry.message),
      status: inquiry.status,
      assignee: inquiry.assignee,
      createdAt: inquiry.createdAt,
    })),
  });
}

/**
 * Row forms: `intent=status` (inquiry id and target status) or `intent=assign` (inquiry id and
 * assigneeId), then back to the same page.
 */
export const action = /* @__PURE__ */ pageRoute(
  async ({ request }: ActionFunctionArgs) => {
    const pro = await requireVerifiedPro(request);
    const form = await readBody(request);
    const id = String(form.id ?? "");
    if (form.intent === "assign") await assignInquiry(leadAccess(pro), id, form.assigneeId);
    else if (form.intent === "status") await changeInquiryStatus(leadAccess(pro), id, form.status);
    else throw new DomainError("VALIDATION_ERROR", "Unknown intent");
    if (form.intent === "assign") return redirect(`/pro/contacts${inboxSearch(new URL(request.url))}`);
    // Back to the same page, which confirms the change in a toast (with or without JavaScript).
    const search = new URLSearchParams(inboxSearch(new URL(request.url)));
    search.set("updated", String(form.status));
    return redirect(`/pro/contacts?${search}`);
  },
  { formError: (error) => assignmentRefusal(error) ?? statusChangeRefusal(error.code) },
);

const UPDATED_MESSAGES: Record<string, string> = {
  read: "Demande marquée comme lue.",
  replied: "Demande marquée comme répondue.",
  new_request: "Demande marquée comme nouvelle.",
};

export default function PropertyInbox() {
  const {
    status,
    assignee,
    assigneeHrefs,
    members,
    inquiries,
    nextHref,
    firstHref,
    isFirstPage,
    search,
    filterHrefs,
    updated,
    hereHref,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formAction = `/pro/contacts?index${search ? `&${search.slice(1)}` : ""}`;
  return (
    <div>
      <h2 className="visually-hidden">Demandes sur vos biens</h2>
      {actionData?.errors ? (
        <div className="notice notice-error" role="alert">
          {Object.values(actionData.errors).flat()[0]}
        </div>
      ) : null}
      {/* The status transitions are one-way (seed 000), so there is nothing to undo: no "Annuler". */}
      {updated ? <Toast key={updated + search} message={updated} closeHref={hereHref} /> : null}
      <nav className="inquiry-filters actions" aria-label="Filtrer par statut">
        <span className="muted">Filtrer :</span>
        <Link to={filterHrefs.all} aria-current={status === null ? "true" : undefined}>
          Toutes
        </Link>
        {INQUIRY_STATUSES.map((value) => (
          <Link key={value} to={filterHrefs[value]} aria-current={status === value ? "true" : undefined}>
            {INQUIRY_STATUS_LABELS[value]}
          </Link>
        ))}
      </nav>
      <AssigneeFilterLinks current={assignee} hrefs={assigneeHrefs} />
      {inquiries.length === 0 ? (
        <p className="muted">
          {status ? `Aucune demande au statut « ${INQUIRY_STATUS_LABELS[status]} ».` : "Aucune demande pour le moment."}
        </p>
      ) : (
        <table className="inquiry-table">
          <thead>
            <tr>
              <th scope="col">Demande</th>
              <th scope="col">Reçue le</th>
              <th scope="col">Statut</th>
              <th scope="col">Attribuée à</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {inquiries.map((inquiry) => (
              <tr key={inquiry.id} data-inquiry-id={inquiry.id}>
                <td className="inquiry-cell">
                  <strong className="inquiry-sender">{inquiry.senderName}</strong>
                  <span className="inquiry-subject">
                    <InquirySubject inquiry={inquiry} />
                  </span>
                  <span className="inquiry-excerpt muted">{inquiry.excerpt}</span>
                </td>
                <td data-label="Reçue le">
                  <time dateTime={inquiry.createdAt}>{formatInquiryDate(inquiry.createdAt)}</time>
                </td>
                <td data-label="Statut">
                  <InquiryStatusBadge status={inquiry.status} />
                </td>
                <td data-label="Attribuée à">
                  {members ? (
                    <AssignForm id={inquiry.id} current={inquiry.assignee} members={members} action={formAction} />
                  ) : (
                    <AssigneeLabel assignee={inquiry.assignee} />
                  )}
                </td>
                <td>
                  <div className="actions">
                    <Link to={`/pro/contacts/${inquiry.id}`} className="button button-small">
                      Voir<span className="visually-hidden"> la demande de {inquiry.senderName}</span>
                    </Link>
                    <InquiryStatusButtons id={inquiry.id} status={inquiry.status} action={formAction} small />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pagination" aria-label="Pages">
        {!isFirstPage ? <Link to={firstHref}>Plus récentes</Link> : <span />}
        {nextHref ? <Link to={nextHref}>Plus anciennes</Link> : null}
      </nav>
    </div>
  );
}
