import { Link } from "@remix-run/react";

type Subject = {
  property: { slug: string; title: string } | null;
  programme: { slug: string; name: string } | null;
  lot: { reference: string } | null;
  programmeId: string | null;
  propertyTitle: string;
};

/** What an inquiry is about: a listing, or a programme and maybe one of its lots (or what is left of them). */
export function InquirySubject({ inquiry }: { inquiry: Subject }) {
  if (inquiry.property) return <Link to={`/properties/${inquiry.property.slug}`}>{inquiry.property.title}</Link>;
  if (inquiry.programme) {
    return (
      <>
        <Link to={`/programmes/${inquiry.programme.slug}`}>{inquiry.programme.name}</Link>
        {inquiry.lot ? <span className="muted">{` · lot ${inquiry.lot.reference}`}</span> : null}
      </>
    );
  }
  return (
    <>
      {inquiry.propertyTitle}{" "}
      <span className="muted">{inquiry.programmeId !== null ? "(programme supprimé)" : "(annonce supprimée)"}</span>
    </>
  );
}
