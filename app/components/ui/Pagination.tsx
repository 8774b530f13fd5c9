import { Link } from "@remix-run/react";

/**
 * Numbered pages: the first, the last, and two around the current one ("1 … 4 5 6 … 12").
 * `href(page)` builds each link, keeping the filters and the order.
 */
export function Pagination({
  page,
  pageCount,
  href,
  label = "Pages de résultats",
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  const shown = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  if (page <= 3) [2, 3, 4].forEach((n) => n < pageCount && shown.add(n));
  if (page >= pageCount - 2) [pageCount - 1, pageCount - 2, pageCount - 3].forEach((n) => n > 1 && shown.add(n));
  const pages = [...shown].sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          <span aria-hidden="true">←</span>
          <span className="visually-hidden">Page précédente</span>
        </Link>
      ) : (
        <span />
      )}
      <ol>
        {pages.map((n, index) => (
          <li key={n}>
            {index > 0 && n - pages[index - 1] > 1 ? (
              <span className="pagination-gap" aria-hidden="true">
                …
              </span>
            ) : null}
            {n === page ? (
              <span aria-current="page">
                <span className="visually-hidden">Page </span>
                {n}
              </span>
            ) : (
              <Link to={href(n)} aria-label={`Page ${n}`}>
                {n}
              </Link>
            )}
          </li>
        ))}
      </ol>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next">
          <span aria-hidden="true">→</span>
          <span className="visually-hidden">Page suivante</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
