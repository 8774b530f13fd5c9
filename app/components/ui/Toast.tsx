import { Link } from "@remix-run/react";
import { useState } from "react";

/**
 * A short confirmation at the bottom of the screen ("Demande marquée comme lue."), announced
 * politely to screen readers. It stays until closed or until the next page: nothing vanishes
 * before it can be read. Without JavaScript, "Fermer" is a link to `closeHref`; an optional
 * `undo` form (e.g. "Annuler") is a native form either way.
 */
export function Toast({ message, closeHref, undo }: { message: string; closeHref: string; undo?: React.ReactNode }) {
  const [open, setOpen] = useState(true);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {open ? (
        <div className="toast">
          <p>{message}</p>
          {undo}
          <Link
            to={closeHref}
            replace
            preventScrollReset
            className="toast-close"
            onClick={(event) => {
              event.preventDefault();
              setOpen(false);
            }}
          >
            Fermer
          </Link>
        </div>
      ) : null}
    </div>
  );
}
