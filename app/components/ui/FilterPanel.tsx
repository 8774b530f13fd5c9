import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { formatNumberFr } from "~/utils/format-fr";

const CountContext = createContext<number | null>(null);

/**
 * Search filters in a panel that folds on a phone (a native <details>, so it works without
 * JavaScript) and stays open on a laptop. With JavaScript on and a `countUrl`, the submit button
 * follows the filters being changed: "Voir 12 annonces" (`countUrl?…` answers `{ count }`).
 */
export function FilterPanel({
  children,
  activeCount,
  initialCount,
  countUrl,
  defaultOpen = false,
}: {
  children: ReactNode;
  activeCount: number;
  initialCount: number | null;
  countUrl?: string;
  defaultOpen?: boolean;
}) {
  const [count, setCount] = useState(initialCount);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const request = useRef<AbortController>();
  // A new result page brings its own count (state adjusted during render, not in an effect).
  const [shownFor, setShownFor] = useState(initialCount);
  if (shownFor !== initialCount) {
    setShownFor(initialCount);
    setCount(initialCount);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (event: { target: EventTarget }) => {
    const form = (event.target as HTMLElement).closest("form");
    if (!form || !countUrl) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      request.current?.abort();
      request.current = new AbortController();
      const params = new URLSearchParams();
      for (const [key, value] of new FormData(form)) if (typeof value === "string" && value) params.set(key, value);
      try {
        const res = await fetch(`${countUrl}?${params}`, { signal: request.current.signal });
        const body: { count: number | null } = await res.json();
        setCount(body.count);
      } catch {
        // Offline or aborted: the button keeps its last count; submitting still works.
      }
    }, 300);
  };

  return (
    <details className="filter-panel" open={defaultOpen || undefined} onChange={onChange} onInput={onChange}>
      <summary>
        <span>
          Filtres
          {activeCount ? (
            <span className="filter-count">
              {" "}
              · {activeCount} actif{activeCount > 1 ? "s" : ""}
            </span>
          ) : null}
        </span>
      </summary>
      <CountContext.Provider value={count}>{children}</CountContext.Provider>
    </details>
  );
}

/** The panel's submit button: "Voir N annonces" with JavaScript on, `fallback` without it. */
FilterPanel.Submit = function FilterPanelSubmit({ busy, fallback }: { busy: boolean; fallback: string }) {
  const count = useContext(CountContext);
  const label =
    count === null
      ? fallback
      : count === 0
        ? "Aucune annonce"
        : `Voir ${formatNumberFr(count)} annonce${count > 1 ? "s" : ""}`;
  return (
    <button type="submit" aria-busy={busy || undefined} className="filter-submit">
      {busy ? (
        "Recherche…"
      ) : (
        <>
          <span className="js-only">{label}</span>
          <span className="no-js-only">{fallback}</span>
        </>
      )}
    </button>
  );
};
