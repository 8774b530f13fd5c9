import { AssigneeLabel, AssignForm, type AssigneeOption } from "~/components/inquiries/Assignment";
import { formatInquiryDate, InquiryStatusBadge } from "~/components/inquiries/InquiryStatus";
import { formatWait } from "~/domain/followup/leads";
import type { InquiryStatus } from "~/domain/inquiries/status";
import { type ContactMethod, METHOD_LABELS } from "~/kit";

/**
 * The facts a lead's pages show in their `<dl className="facts">`, the same for a property or
 * programme inquiry and a vehicle lead. Each renders one or more `<div><dt/><dd/></div>` groups.
 */

/** "Attribuée à": the reassignment form for members who may assign, else the assignee's name. */
export function AssigneeFact({
  id,
  assignee,
  members,
  action,
}: {
  id: string;
  assignee: AssigneeOption | null;
  /** Null when the member may not reassign. */
  members: AssigneeOption[] | null;
  action: string;
}) {
  return (
    <div>
      <dt>Attribuée à</dt>
      <dd>
        {members ? (
          <AssignForm id={id} current={assignee} members={members} action={action} />
        ) : (
          <AssigneeLabel assignee={assignee} />
        )}
      </dd>
    </div>
  );
}

/** Status, arrival and — once answered — how long the first answer took. */
export function LeadClockFacts({
  status,
  receivedAt,
  responseSeconds,
}: {
  status: InquiryStatus;
  receivedAt: string;
  responseSeconds: number | null;
}) {
  return (
    <>
      <div>
        <dt>Statut</dt>
        <dd>
          <InquiryStatusBadge status={status} />
        </dd>
      </div>
      <div>
        <dt>Reçue le</dt>
        <dd>
          <time dateTime={receivedAt}>{formatInquiryDate(receivedAt)}</time>
        </dd>
      </div>
      {responseSeconds !== null ? (
        <div>
          <dt>Première réponse</dt>
          <dd>après {formatWait(responseSeconds)}</dd>
        </div>
      ) : null}
    </>
  );
}

/** A phone number as a link that dials it. */
export function PhoneLink({ phone }: { phone: string }) {
  return <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>{phone}</a>;
}

/** A vehicle buyer's contact details: e-mail (a link when `emailHref` is given), phone, place, preferred method. */
export function VehicleBuyerFacts({
  buyer,
  emailHref,
}: {
  buyer: { email: string; phone: string; city: string; province: string; preferredContactMethod: ContactMethod };
  emailHref?: string;
}) {
  return (
    <>
      <div>
        <dt>E-mail</dt>
        <dd>{emailHref ? <a href={emailHref}>{buyer.email}</a> : buyer.email}</dd>
      </div>
      <div>
        <dt>Téléphone</dt>
        <dd>
          <PhoneLink phone={buyer.phone} />
        </dd>
      </div>
      <div>
        <dt>Localisation</dt>
        <dd>
          {buyer.city}, {buyer.province}
        </dd>
      </div>
      <div>
        <dt>Contact préféré</dt>
        <dd>{METHOD_LABELS[buyer.preferredContactMethod]}</dd>
      </div>
    </>
  );
}
