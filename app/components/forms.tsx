import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";

export type FieldErrors = Record<string, string[] | undefined>;

/** A labelled input with its error message linked through aria-describedby. */
export function Field({
  label,
  name,
  errors,
  hint,
  ...input
}: { label: ReactNode; name: string; errors?: FieldErrors; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = input.id ?? `field-${name}`;
  const error = errors?.[name]?.[0];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined
        }
        {...input}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextareaField({
  label,
  name,
  errors,
  ...textarea
}: { label: ReactNode; name: string; errors?: FieldErrors } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = textarea.id ?? `field-${name}`;
  const error = errors?.[name]?.[0];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...textarea}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({
  label,
  name,
  errors,
  options,
  placeholder,
  ...select
}: {
  label: ReactNode;
  name: string;
  errors?: FieldErrors;
  options: { value: string; label: string }[];
  placeholder?: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = select.id ?? `field-${name}`;
  const error = errors?.[name]?.[0];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Lists every error at the top of a form, each linked to its field. With JavaScript on, a new set
 * of errors (a failed submit) moves the focus to the summary and scrolls it into view, so that
 * keyboard and screen-reader users start from the list of what to fix.
 */
export function ErrorSummary({ errors, labels }: { errors?: FieldErrors; labels?: Record<string, string> }) {
  const entries = Object.entries(errors ?? {}).filter(([, messages]) => messages && messages.length);
  const summary = useRef<HTMLDivElement>(null);
  const hasErrors = entries.length > 0;
  useEffect(() => {
    if (!hasErrors || !summary.current) return;
    summary.current.focus({ preventScroll: true });
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    summary.current.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" });
  }, [errors, hasErrors]);
  if (!hasErrors) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
      <h2>Merci de corriger {entries.length > 1 ? `les ${entries.length} erreurs` : "l’erreur"} ci-dessous</h2>
      <ul>
        {entries.map(([field, messages]) => (
          <li key={field}>
            {field === "form" ? (
              messages![0]
            ) : (
              <a href={`#field-${field}`}>
                {labels?.[field] ? `${labels[field]} : ` : ""}
                {messages![0]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A submit button that shows a pending state while its form is being sent (JavaScript on). */
export function SubmitButton({
  children,
  pendingLabel,
  name,
  value,
  className,
}: {
  children: ReactNode;
  pendingLabel?: ReactNode;
  name?: string;
  value?: string;
  className?: string;
}) {
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" && (name === undefined || navigation.formData?.get(name) === value);
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={className}
      disabled={pending}
      aria-busy={pending || undefined}
    >
      {pending ? (pendingLabel ?? "Envoi…") : children}
    </button>
  );
}
