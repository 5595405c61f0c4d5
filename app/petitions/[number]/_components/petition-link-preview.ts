import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { linkPreview } from "@/app/_layout/link-preview";
import type { Locale } from "@/lib/i18n/locales";
import type { PetitionPageData } from "@/lib/petitions/petition-page-data";

/**
 * The petition page's title, description and link preview. The preview image is drawn in the
 * page's language (`?lang=`); a petition still behind its private link gets no preview (its
 * public address and image would 404) and stays out of search engines.
 */
export async function petitionLinkPreview(data: PetitionPageData): Promise<Metadata> {
  const [locale, tCommon, tSharing] = await Promise.all([getLocale(), getTranslations("common"), getTranslations("sharing")]);
  const { petition } = data;
  const path = `/petitions/${petition.number}`;
  if (data.viaSupportLink || data.privately) {
    // Only the title and a neutral description: the public address (canonical, og:url) would 404,
    // and the private support link must not end up in search engines.
    return { title: petition.title, description: tSharing("meta.petitionPrivate"), robots: { index: false, follow: false } };
  }
  return linkPreview({
    title: petition.title,
    description: petition.request,
    path,
    locale: locale as Locale,
    siteName: tCommon("siteName"),
    type: "article",
    image: {
      path: `${path}/preview.png?lang=${locale}`,
      alt: tSharing("image.alt", { number: petition.number, title: petition.title, count: data.counts.confirmed }),
    },
  });
}
