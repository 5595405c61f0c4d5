import Link from "next/link";

/** The query of the current page, as Next hands it to a page (after awaiting) or as URLSearchParams. */
export type SearchParamsInput = URLSearchParams | Record<string, string | readonly string[] | undefined>;

/** The href of page `page`: the current filters kept, page 1 written without the parameter. */
export function pageHref(basePath: string, searchParams: SearchParamsInput | undefined, page: number, pageParam = "page"): string {
  const params = new URLSearchParams();
  const entries: Array<[string, string | readonly string[] | undefined]> =
    searchParams instanceof URLSearchParams ? [...searchParams.entries()] : Object.entries(searchParams ?? {});
  for (const [key, value] of entries) {
    if (key === pageParam || value === undefined) continue;
    for (const item of typeof value === "string" ? [value] : value) params.append(key, item);
  }
  if (page > 1) params.set(pageParam, String(page));
  const query = params.toString();
  return query ? `${basePath}?${query}` : basePath;
}

type PaginationProps = {
  /** Name of the navigation, e.g. "Pages of results". */
  label: string;
  /** The list's path, e.g. "/agencies". */
  basePath: string;
  /** The current filters, kept on every link. */
  searchParams?: SearchParamsInput;
  page: number;
  pageCount: number;
  /** Name of the query parameter; "page" unless the page lists two things. */
  pageParam?: string;
  previousLabel: string;
  nextLabel: string;
  /** Translated "Page 2 of 7". */
  pageOfLabel: string;
};

/** Previous / "page X of Y" / next. Renders nothing when everything fits on one page. */
export function Pagination({ label, basePath, searchParams, page, pageCount, pageParam = "page", previousLabel, nextLabel, pageOfLabel }: PaginationProps) {
  if (pageCount <= 1) return null;
  const link = "inline-flex min-h-11 items-center gap-2 font-semibold";
  return (
    <nav aria-label={label} className="ds-block mt-8 border-t border-line pt-4">
      <ul className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
        <li className="min-w-0">
          {page > 1 ? (
            <Link href={pageHref(basePath, searchParams, page - 1, pageParam)} rel="prev" className={link}>
              <span aria-hidden="true">←</span>
              {previousLabel}
            </Link>
          ) : null}
        </li>
        <li className="text-muted">{pageOfLabel}</li>
        <li className="min-w-0">
          {page < pageCount ? (
            <Link href={pageHref(basePath, searchParams, page + 1, pageParam)} rel="next" className={link}>
              {nextLabel}
              <span aria-hidden="true">→</span>
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
