/**
 * Atom 1.0 (RFC 4287) written by hand: three feeds need a dozen elements, not a package.
 * Pure: the caller passes every entry and the instant the feed was last updated.
 */

/** One entry of a feed. `id` is a permanent IRI (the page's URL plus a fragment naming the event). */
export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  summary?: string;
}

/** A whole feed: its own address (`self`), the page it mirrors (`alternate`), and its entries, newest first. */
export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  self: string;
  alternate: string;
  language: string;
  author: string;
  entries: AtomEntry[];
  /** When nothing has happened yet: the feed still needs an <updated>. */
  fallbackUpdated: Date;
}

// XML 1.0 forbids most control characters even escaped; a petition text with one must not break the feed.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML element or a double-quoted attribute. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function entryXml(entry: AtomEntry): string {
  return [
    "  <entry>",
    `    <id>${xmlText(entry.id)}</id>`,
    `    <title>${xmlText(entry.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xmlText(entry.link)}"/>`,
    `    <updated>${entry.updated.toISOString()}</updated>`,
    entry.summary ? `    <summary>${xmlText(entry.summary)}</summary>` : null,
    "  </entry>",
  ]
    .filter((line) => line !== null)
    .join("\n");
}

/** The feed document. */
export function renderAtom(feed: AtomFeed): string {
  const updated = feed.entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), new Date(0));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">`,
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title>${xmlText(feed.title)}</title>`,
    feed.subtitle ? `  <subtitle>${xmlText(feed.subtitle)}</subtitle>` : null,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
    `  <updated>${(feed.entries.length ? updated : feed.fallbackUpdated).toISOString()}</updated>`,
    `  <author><name>${xmlText(feed.author)}</name></author>`,
    ...feed.entries.map(entryXml),
    "</feed>",
    "",
  ]
    .filter((line) => line !== null)
    .join("\n");
}
