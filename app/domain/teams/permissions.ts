/**
 * Who may do what in an organisation (SPEC "Teams"). This is the only place where roles are
 * compared: every loader and action, page or JSON, asks one of these functions through
 * `requirePermission` (~/utils/auth.server) or the lead scope below.
 *
 * - owner: everything;
 * - manager: everything except the team, API tokens and the identity document;
 * - agent: the catalogue (listings, vehicles, programmes) and only the leads assigned to them.
 */
export const MEMBER_ROLES = ["owner", "manager", "agent"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Roles an owner can give; ownership itself is never handed out or taken away here. */
export const ASSIGNABLE_ROLES = ["manager", "agent"] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export type Actor = { role: MemberRole };

export const can = {
  /** /pro/team: invite, change roles, deactivate. */
  manageTeam: (member: Actor) => member.role === "owner",
  /** Create and revoke API tokens. */
  manageApiTokens: (member: Actor) => member.role === "owner",
  /** Submit the organisation's identity document. */
  manageIdentity: (member: Actor) => member.role === "owner",
  /** See and act on every lead of the organisation (an agent sees only theirs). */
  seeAllLeads: (member: Actor) => member.role !== "agent",
  /** Give a lead to someone else, or back to the pool. */
  assignLeads: (member: Actor) => member.role !== "agent",
  /** Choose who is responsible for a listing, vehicle or programme. */
  chooseResponsible: (member: Actor) => member.role !== "agent",
  /** Listings, vehicles, programmes, photos and favorites. */
  manageCatalogue: (_member: Actor) => true,
} as const;

export type Permission = keyof typeof can;

/** Why a permission was refused, for the page people see (French) and the JSON message (English). */
export const REFUSALS: Record<Permission, { page: string; api: string }> = {
  manageTeam: {
    page: "Seul le propriétaire du compte peut gérer l’équipe.",
    api: "Only the account owner can manage the team",
  },
  manageApiTokens: {
    page: "Seul le propriétaire du compte peut gérer les jetons d’API.",
    api: "Only the account owner can manage API tokens",
  },
  manageIdentity: {
    page: "Seul le propriétaire du compte peut envoyer la pièce d’identité.",
    api: "Only the account owner can submit the identity document",
  },
  seeAllLeads: {
    page: "Vous ne voyez que les demandes qui vous sont attribuées.",
    api: "Only owners and managers see every lead",
  },
  assignLeads: {
    page: "Seuls le propriétaire et les responsables peuvent attribuer une demande.",
    api: "Only owners and managers can assign leads",
  },
  chooseResponsible: {
    page: "Seuls le propriétaire et les responsables peuvent choisir le responsable d’une annonce.",
    api: "Only owners and managers can choose who is responsible for a listing",
  },
  manageCatalogue: { page: "Accès refusé.", api: "Forbidden" },
};

/**
 * Who is acting on leads: the organisation and the member with their role (an agent is limited to
 * the leads assigned to them). `leadWhere` turns it into the ownership part of every lead query, so
 * another member's lead is a 404 for an agent, as another organisation's is for everyone.
 */
export type LeadAccess = { proId: string; memberId: string; role: MemberRole };

export function leadWhere(access: LeadAccess): { proId: string; assigneeId?: string } {
  return can.seeAllLeads(access) ? { proId: access.proId } : { proId: access.proId, assigneeId: access.memberId };
}

export const ROLE_LABELS: Record<MemberRole, string> = {
  owner: "Propriétaire",
  manager: "Responsable",
  agent: "Agent",
};

/**
 * The message an inbox page shows when a reassignment is refused; null when the refusal is not
 * about assignment (the status-change messages apply).
 */
export function assignmentRefusal(error: { code: string; details?: { field: string }[] }): string | null {
  if (error.code === "FORBIDDEN") return REFUSALS.assignLeads.page;
  if (error.details?.some((d) => d.field === "assigneeId")) {
    return "Ce membre ne peut pas recevoir la demande (inconnu ou désactivé).";
  }
  return null;
}
