import { createTranslator } from "next-intl";
import { siteUrl } from "@/lib/config";
import { loadMessagesSync } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { cachedResponse } from "@/lib/open-data/http";
import { renderAtom, type AtomFeed } from "./atom";

/** A translator over catalogs loaded at run time, so keys are plain strings. */
export interface FeedTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** The feed's words in one language, read from messages/<locale>/feeds.json outside a React render. */
export function feedTranslator(locale: Locale): FeedTranslator {
  return createTranslator({ locale, messages: loadMessagesSync(locale), namespace: "feeds" }) as unknown as FeedTranslator;
}

/** Translations of any namespace (the activity timeline's labels live in "activities"). */
export function translatorFor(locale: Locale): FeedTranslator {
  return createTranslator({ locale, messages: loadMessagesSync(locale) }) as unknown as FeedTranslator;
}

/** A feed's own URL, keeping the language it was asked in. */
export function feedUrl(path: string, locale: Locale, asked: boolean): string {
  return `${siteUrl()}${path}${asked ? `?lang=${locale}` : ""}`;
}

/** The feed as a cacheable response (ETag, 304), typed so feed readers and browsers know it. */
export function atomResponse(request: Request, feed: Omit<AtomFeed, "author" | "fallbackUpdated"> & { fallbackUpdated?: Date }): Response {
  const t = feedTranslator(feed.language as Locale);
  const xml = renderAtom({ ...feed, author: t("author"), fallbackUpdated: feed.fallbackUpdated ?? new Date("2026-01-01T00:00:00Z") });
  return cachedResponse(request, xml, "application/atom+xml; charset=utf-8");
}
