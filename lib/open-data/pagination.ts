import { siteUrl } from "@/lib/config";

// How every paginated list of the open-data API answers: the page's items under `data`, the
// PageMeta and PageLinks of the OpenAPI document under `meta` and `links` (see openapi.ts).

/** One page of a list, as the domain's list functions return it. */
export interface ListPage<Item> {
  items: readonly Item[];
  page: number;
  perPage: number;
  total: number;
  pageCount: number;
}

/** Links to the first, previous, next and last pages, keeping the other parameters. */
export function paginationLinks(url: URL, page: number, pageCount: number) {
  const at = (n: number) => {
    const target = new URL(url.pathname, siteUrl());
    for (const [key, value] of url.searchParams) if (key !== "page" && value.trim() !== "") target.searchParams.set(key, value);
    if (n > 1) target.searchParams.set("page", String(n));
    return target.toString();
  };
  return {
    self: at(page),
    first: at(1),
    last: at(pageCount),
    prev: page > 1 ? at(Math.min(page - 1, pageCount)) : null,
    next: page < pageCount ? at(page + 1) : null,
  };
}

/** The Link header of a CSV page (rel="prev" and rel="next"); empty when there is only one page. */
export function paginationLinkHeader(url: URL, page: number, pageCount: number): string {
  const links = paginationLinks(url, page, pageCount);
  return [links.prev ? `<${links.prev}>; rel="prev"` : null, links.next ? `<${links.next}>; rel="next"` : null].filter(Boolean).join(", ");
}

/** The JSON body of a list: `{ data, meta, links }`; `extraMeta` follows the page figures in `meta`. */
export function listPageJson<Item, ItemJson, ExtraMeta extends object = Record<never, never>>(
  url: URL,
  result: ListPage<Item>,
  itemJson: (item: Item) => ItemJson,
  extraMeta?: ExtraMeta,
) {
  return {
    data: result.items.map((item) => itemJson(item)),
    meta: { page: result.page, perPage: result.perPage, total: result.total, pageCount: result.pageCount, ...extraMeta },
    links: paginationLinks(url, result.page, result.pageCount),
  };
}
