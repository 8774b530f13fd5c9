import { useId, useRef, useState, type ReactNode } from "react";

/**
 * A submit button that asks first, in a native modal <dialog> (focus kept inside, Escape closes,
 * focus back on the button). Without JavaScript the button submits its form directly, so pages
 * that use it keep their own server-side safeguard.
 */
export function ConfirmSubmit({
  children,
  title,
  body,
  confirmLabel,
  className,
  name,
  value,
}: {
  children: ReactNode;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  className?: string;
  name?: string;
  value?: string;
}) {
  const trigger = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [confirmed, setConfirmed] = useState(false);
  const titleId = useId();
  return (
    <>
      <button
        ref={trigger}
        type="submit"
        name={name}
        value={value}
        className={className}
        onClick={(event) => {
          if (confirmed) return;
          event.preventDefault();
          dialog.current?.showModal();
        }}
      >
        {children}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} onClose={() => trigger.current?.focus()}>
        <h2 id={titleId}>{title}</h2>
        <div>{body}</div>
        <p className="actions">
          <button
            type="button"
            className="button-danger"
            onClick={() => {
              setConfirmed(true);
              dialog.current?.close();
              // Submit with the trigger as submitter, so its name/value travel with the form.
              const form = trigger.current?.form;
              if (form && trigger.current) form.requestSubmit(trigger.current);
            }}
          >
            {confirmLabel}
          </button>
          <button type="button" className="button-secondary" onClick={() => dialog.current?.close()}>
            Annuler
          </button>
        </p>
      </dialog>
    </>
  );
}
