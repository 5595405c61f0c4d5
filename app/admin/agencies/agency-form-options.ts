import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { AGENCY_LEVELS } from "@/db/schema";
import { listRegions } from "@/lib/agencies/search-agencies";
import { localized, type Locale } from "@/lib/i18n/locales";

/** The level and region choices of the agency form, labelled in the reader's language. */
export async function agencyFormOptions() {
  const [t, locale, regions] = await Promise.all([getTranslations("agencies"), getLocale(), listRegions(getDb())]);
  return {
    levels: AGENCY_LEVELS.map((level) => ({ value: level, label: t(`levels.${level}`) })),
    regions: regions.map((region) => ({ value: region.code, label: localized(region, locale as Locale) })),
  };
}
