import type { Metadata } from "next";
import { siteUrl } from "@/lib/config";
import type { Locale } from "@/lib/i18n/locales";

/** Open Graph wants a territory with the language. */
const OG_LOCALES: Record<Locale, string> = { kk: "kk_KZ", ru: "ru_RU", en: "en_GB" };

/** Size of the generated petition preview image (the usual large card). */
export const PREVIEW_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** Collapses whitespace and cuts a description at a word near `max` characters. */
export function shortDescription(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?—-]+$/u, "")}…`;
}

/**
 * The <title>, description, canonical address, Open Graph and Twitter card of a public page, in
 * the page's language, with absolute URLs built from the configured site address (a preview is
 * read by another site's crawler, which knows no relative URL).
 */
export function linkPreview(options: {
  title: string;
  description: string;
  /** The page's path, e.g. /petitions/12. */
  path: string;
  locale: Locale;
  siteName: string;
  image?: { path: string; alt: string };
  type?: "website" | "article";
}): Metadata {
  const base = siteUrl();
  const url = `${base}${options.path}`;
  const description = shortDescription(options.description);
  const images = options.image ? [{ url: `${base}${options.image.path}`, ...PREVIEW_IMAGE_SIZE, alt: options.image.alt, type: "image/png" }] : undefined;
  return {
    title: options.title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: options.type ?? "website",
      siteName: options.siteName,
      title: options.title,
      description,
      url,
      locale: OG_LOCALES[options.locale],
      ...(images ? { images } : {}),
    },
    twitter: {
      card: images ? "summary_large_image" : "summary",
      title: options.title,
      description,
      ...(images ? { images: images.map(({ url, alt }) => ({ url, alt })) } : {}),
    },
  };
}
