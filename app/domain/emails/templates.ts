/**
 * Every e-mail Vitrine sends, in French, from one layout (./layout). Each function takes plain
 * values (already decrypted, already formatted where it matters) and returns `{subject, text, html}`
 * for `sendMail`. No database, no environment: callers pass absolute links built from `APP_URL`.
 */
import { formatWait } from "~/domain/followup/leads";
import { ROLE_LABELS, type MemberRole } from "~/domain/teams/permissions";
import { renderEmail, type Block, type Email } from "./layout";

export type { Email } from "./layout";

const PRO_FOOTER = "Vous recevez cet e-mail parce que vous publiez des annonces sur Vitrine.";
const BUYER_FOOTER =
  "Vous recevez cet e-mail parce que vous avez contacté un professionnel depuis Vitrine. Ne partagez jamais vos mots de passe.";
const ACCOUNT_FOOTER = "Vous recevez cet e-mail à propos de votre compte professionnel Vitrine.";

// ---- To pros.

export type LeadNotificationInput = {
  recipientName: string;
  listingTitle: string;
  buyer: { name: string; email: string; phone: string | null };
  message: string;
  /** The lead in the pro's space. */
  leadUrl: string;
  /** e.g. "votre annonce", "votre programme". */
  listingKind?: string;
};

/** A new property or programme inquiry, with what the pro needs to call back at once. */
export function leadNotificationEmail(input: LeadNotificationInput): Email {
  const kind = input.listingKind ?? "votre annonce";
  return renderEmail({
    subject: `Nouvelle demande pour « ${input.listingTitle} »`,
    preheader: `${input.buyer.name} vous a écrit au sujet de ${kind}.`,
    greeting: `Bonjour ${input.recipientName},`,
    blocks: [
      {
        kind: "paragraph",
        text: `${input.buyer.name} vous a envoyé une demande au sujet de ${kind} « ${input.listingTitle} ».`,
      },
      { kind: "quote", label: "Son message :", text: input.message },
      {
        kind: "facts",
        rows: [
          ["Nom", input.buyer.name],
          ["E-mail", input.buyer.email],
          ["Téléphone", input.buyer.phone ?? "non communiqué"],
        ],
      },
      {
        kind: "paragraph",
        text: "Les acheteurs contactés dans l’heure donnent bien plus souvent suite : répondez vite.",
      },
      { kind: "button", label: "Répondre depuis Vitrine", href: input.leadUrl },
    ],
    footer: PRO_FOOTER,
  });
}

export type DealershipNotificationInput = {
  requestId: number;
  companyName: string;
  buyer: {
    fullName: string;
    email: string;
    phone: string;
    province: string;
    city: string;
    /** Already in words ("E-mail", "Téléphone", "WhatsApp"). */
    preferredContactMethod: string;
    additionalComments: string | null;
  };
  vehicles: { label: string }[];
  leadUrl: string;
};

/** The end of a vehicle buyer's anonymity window: the buyer's details and this dealership's vehicles. */
export function dealershipNotificationEmail(input: DealershipNotificationInput): Email {
  const { buyer } = input;
  const count = input.vehicles.length;
  const plural = count > 1;
  const blocks: Block[] = [
    {
      kind: "paragraph",
      text: `Un acheteur s’intéresse à ${plural ? "vos véhicules suivants" : "votre véhicule suivant"} :`,
    },
    { kind: "list", items: input.vehicles.map((v) => v.label) },
    { kind: "paragraph", text: "Coordonnées de l’acheteur :" },
    {
      kind: "facts",
      rows: [
        ["Nom", buyer.fullName],
        ["E-mail", buyer.email],
        ["Téléphone", buyer.phone],
        ["Localisation", `${buyer.city}, ${buyer.province}`],
        ["Moyen de contact préféré", buyer.preferredContactMethod],
      ],
    },
    buyer.additionalComments
      ? // The buyer's own words, quoted as such: nothing typed can pass for part of our message.
        {
          kind: "quote",
          label: "Commentaires de l’acheteur (ses propres mots, non vérifiés par Vitrine) :",
          text: buyer.additionalComments,
        }
      : { kind: "note", text: "Commentaires de l’acheteur : (aucun)" },
    ...(buyer.additionalComments ? [{ kind: "note" as const, text: "(fin des commentaires de l’acheteur)" }] : []),
    { kind: "button", label: "Suivre et répondre depuis Vitrine", href: input.leadUrl },
  ];
  return renderEmail({
    subject: `Nouvelle demande de contact pour ${count} véhicule${plural ? "s" : ""} (demande n° ${input.requestId})`,
    preheader: `${buyer.fullName} attend votre réponse.`,
    greeting: `Bonjour ${input.companyName},`,
    blocks,
    footer: PRO_FOOTER,
  });
}

export type WaitingLead = {
  listingTitle: string;
  buyerFirstName: string;
  waitingSeconds: number;
  url: string;
};

/**
 * A lead is still unanswered. Names the waiting leads (listing, buyer's first name, age, link) and
 * nothing else about the buyer: no address, no phone, no message.
 */
export function leadReminderEmail(input: {
  recipientName: string;
  lead: WaitingLead;
  /** Other leads of the same recipient still waiting, oldest first (a few at most). */
  others: WaitingLead[];
  othersTotal: number;
  settingsUrl: string;
}): Email {
  const describe = (l: WaitingLead) =>
    `« ${l.listingTitle} » — ${l.buyerFirstName || "un visiteur"}, en attente depuis ${formatWait(l.waitingSeconds)} : ${l.url}`;
  const blocks: Block[] = [
    {
      kind: "paragraph",
      text: `${input.lead.buyerFirstName || "Un visiteur"} attend votre réponse depuis ${formatWait(input.lead.waitingSeconds)} au sujet de « ${input.lead.listingTitle} ».`,
    },
    { kind: "button", label: "Voir la demande", href: input.lead.url },
  ];
  if (input.others.length) {
    blocks.push(
      { kind: "paragraph", text: `Autres demandes en attente (${input.othersTotal}) :` },
      { kind: "list", items: input.others.map(describe) },
    );
  }
  blocks.push({
    kind: "note",
    text: `Vous pouvez désactiver ces rappels dans vos paramètres : ${input.settingsUrl}`,
  });
  return renderEmail({
    subject: `Rappel : une demande attend votre réponse (« ${input.lead.listingTitle} »)`,
    preheader: `En attente depuis ${formatWait(input.lead.waitingSeconds)}.`,
    greeting: `Bonjour ${input.recipientName},`,
    blocks,
    footer: PRO_FOOTER,
  });
}

// ---- To buyers.

/** A pro's reply written in Vitrine. The buyer answers it with their mail client (Reply-To the pro). */
export function leadReplyEmail(input: {
  buyerName: string;
  listingTitle: string;
  listingUrl: string | null;
  message: string;
  authorName: string;
  companyName: string;
}): Email {
  return renderEmail({
    subject: `Réponse de ${input.companyName} : « ${input.listingTitle} »`,
    preheader: `${input.authorName} vous a répondu.`,
    greeting: `Bonjour ${input.buyerName},`,
    blocks: [
      {
        kind: "paragraph",
        text: `${input.authorName} (${input.companyName}) a répondu à votre demande au sujet de « ${input.listingTitle} » :`,
      },
      { kind: "quote", text: input.message },
      ...(input.listingUrl ? [{ kind: "button" as const, label: "Revoir l’annonce", href: input.listingUrl }] : []),
      { kind: "note", text: "Pour continuer l’échange, répondez simplement à cet e-mail." },
    ],
    footer: BUYER_FOOTER,
  });
}

/**
 * The buyer's receipt for a property or programme inquiry: what they sent, the listing, what comes
 * next. It never carries the pro's address (the pro answers through Vitrine).
 */
export function inquiryAcknowledgementEmail(input: {
  buyerName: string;
  listingTitle: string;
  listingUrl: string | null;
  message: string;
  companyName: string;
}): Email {
  return renderEmail({
    subject: `Votre demande pour « ${input.listingTitle} » a bien été envoyée`,
    preheader: `${input.companyName} a reçu votre message.`,
    greeting: `Bonjour ${input.buyerName},`,
    blocks: [
      {
        kind: "paragraph",
        text: `Votre demande au sujet de « ${input.listingTitle} » a bien été transmise à ${input.companyName}.`,
      },
      { kind: "quote", label: "Votre message :", text: input.message },
      {
        kind: "paragraph",
        text: "Le professionnel vous répondra par e-mail ou par téléphone, en général dans la journée. Vous n’avez rien d’autre à faire.",
      },
      ...(input.listingUrl ? [{ kind: "button" as const, label: "Revoir l’annonce", href: input.listingUrl }] : []),
      { kind: "note", text: "Si vous n’êtes pas à l’origine de cette demande, ignorez simplement cet e-mail." },
    ],
    footer: BUYER_FOOTER,
  });
}

// ---- Accounts.

/** The forgotten-password link (single use, valid `validMinutes`). */
export function passwordResetEmail(input: { name: string; resetUrl: string; validMinutes: number }): Email {
  return renderEmail({
    subject: "Réinitialisation de votre mot de passe Vitrine",
    preheader: `Lien valable ${input.validMinutes} minutes.`,
    greeting: `Bonjour ${input.name},`,
    blocks: [
      { kind: "paragraph", text: "Vous avez demandé à choisir un nouveau mot de passe pour votre compte Vitrine." },
      { kind: "button", label: "Choisir un nouveau mot de passe", href: input.resetUrl },
      {
        kind: "note",
        text: `Ce lien est valable ${input.validMinutes} minutes et ne sert qu’une fois. Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe ne change pas.`,
      },
    ],
    footer: ACCOUNT_FOOTER,
  });
}

/** An invitation to join an organisation (link valid `validDays`, single use). */
export function teamInvitationEmail(input: {
  inviteeName: string;
  inviterName: string;
  companyName: string;
  role: MemberRole;
  invitationUrl: string;
  validDays: number;
}): Email {
  const role = ROLE_LABELS[input.role].toLowerCase();
  return renderEmail({
    subject: `${input.inviterName} vous invite à rejoindre ${input.companyName} sur Vitrine`,
    preheader: `Invitation valable ${input.validDays} jours.`,
    greeting: `Bonjour ${input.inviteeName},`,
    blocks: [
      {
        kind: "paragraph",
        text: `${input.inviterName} vous invite à rejoindre l’équipe de ${input.companyName} sur Vitrine en tant que ${role}.`,
      },
      { kind: "button", label: "Accepter l’invitation", href: input.invitationUrl },
      {
        kind: "note",
        text: `Ce lien est valable ${input.validDays} jours et ne sert qu’une fois. Vous y choisirez votre mot de passe.`,
      },
    ],
    footer: ACCOUNT_FOOTER,
  });
}
