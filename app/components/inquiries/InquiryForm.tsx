import { Form } from "@remix-run/react";
import { ErrorSummary, Field, SelectField, SubmitButton, TextareaField } from "~/components/forms";
import type { InquiryFormState } from "./inquiry-form-state";

const LABELS: Record<string, string> = {
  senderName: "Nom",
  senderEmail: "E-mail",
  senderPhone: "Téléphone",
  message: "Message",
  propertyId: "Annonce",
  lotId: "Lot",
};

export type InquiryProgramme = { id: string; lots: { id: string; reference: string; type: string }[] };

/**
 * The contact form of a property (seed 001) or, given `programme`, the "Recevoir la documentation /
 * Être rappelé" form of a programme (with an optional lot). Posts natively to `action` (the property page itself,
 * or /contact-requests), so it works without JavaScript; with JavaScript the button shows a pending
 * state. The honeypot `website` input is hidden from people by CSS and skipped by keyboard users.
 */
export function InquiryForm({
  propertyId,
  programme,
  propertyTitle,
  action,
  state,
}: {
  propertyId?: string;
  programme?: InquiryProgramme;
  propertyTitle?: string;
  action: string;
  state?: InquiryFormState | null;
}) {
  if (state?.status === "sent") {
    return (
      <div className="notice notice-success inquiry-sent" role="status">
        <p>
          <strong>Votre demande a bien été envoyée.</strong> Le professionnel a été prévenu et vous répondra directement
          {propertyTitle ? ` au sujet de « ${propertyTitle} »` : ""}.
        </p>
      </div>
    );
  }
  if (state?.status === "rate-limited") {
    return (
      <div className="notice notice-warning" role="alert">
        <p>
          <strong>Trop de demandes envoyées en peu de temps.</strong> Merci de patienter une minute avant de réessayer :
          nous limitons les envois pour protéger les professionnels du spam.
        </p>
      </div>
    );
  }
  const errors = state?.status === "invalid" ? state.errors : undefined;
  const values = state && "values" in state ? state.values : {};
  return (
    <Form method="post" action={action} className="inquiry-form form-narrow" noValidate>
      {state?.status === "unavailable" ? (
        <div className="notice notice-error" role="alert">
          {programme
            ? "Ce programme n’est plus en ligne : il ne reçoit plus de demandes."
            : "Cette annonce n’est plus disponible : elle ne reçoit plus de demandes."}
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={LABELS} />
      {programme ? (
        <>
          <input type="hidden" name="intent" value="inquiry" />
          <input type="hidden" name="programmeId" value={programme.id} />
          {programme.lots.length ? (
            <SelectField
              label="Lot qui vous intéresse (facultatif)"
              name="lotId"
              errors={errors}
              options={programme.lots.map((lot) => ({ value: lot.id, label: `${lot.reference} — ${lot.type}` }))}
              placeholder="Le programme en général"
              defaultValue={values.lotId ?? ""}
            />
          ) : null}
        </>
      ) : (
        <input type="hidden" name="propertyId" value={propertyId ?? ""} />
      )}
      <Field
        label="Nom"
        name="senderName"
        errors={errors}
        defaultValue={values.senderName}
        autoComplete="name"
        required
        maxLength={100}
      />
      <Field
        label="E-mail"
        name="senderEmail"
        type="email"
        errors={errors}
        defaultValue={values.senderEmail}
        autoComplete="email"
        required
        maxLength={254}
      />
      <Field
        label="Téléphone (facultatif)"
        name="senderPhone"
        type="tel"
        errors={errors}
        defaultValue={values.senderPhone}
        autoComplete="tel"
        hint="Par exemple 06 12 34 56 78 ou +33 6 12 34 56 78"
      />
      <TextareaField
        label="Message"
        name="message"
        errors={errors}
        defaultValue={values.message}
        rows={5}
        required
        maxLength={2000}
      />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="field-website">Site web (laissez ce champ vide)</label>
        <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <SubmitButton pendingLabel="Envoi en cours…">
        {programme ? "Recevoir la documentation" : "Envoyer ma demande"}
      </SubmitButton>
    </Form>
  );
}
