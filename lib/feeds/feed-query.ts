import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";

/** A feed's query: only `lang`, once, one of the site's languages. Anything else is refused. */
export type FeedQuery = { ok: true; locale: Locale } | { ok: false; message: string };

export function parseFeedQuery(url: URL): FeedQuery {
  for (const key of new Set(url.searchParams.keys())) {
    if (key !== "lang") return { ok: false, message: `Unknown query parameter "${key.slice(0, 40)}"` };
  }
  const values = url.searchParams.getAll("lang");
  if (values.length > 1) return { ok: false, message: 'The query parameter "lang" is repeated' };
  if (values.length === 0) return { ok: true, locale: DEFAULT_LOCALE };
  return isLocale(values[0]) ? { ok: true, locale: values[0] } : { ok: false, message: '"lang" must be kk, ru or en' };
}

/** A path segment "<name>.atom" → name, or null for anything else. */
export function feedName(segment: string): string | null {
  return segment.endsWith(".atom") ? segment.slice(0, -".atom".length) : null;
}
