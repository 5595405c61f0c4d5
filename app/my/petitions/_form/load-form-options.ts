import "server-only";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listAddressees } from "@/lib/agencies/list-addressees";
import { listRegions } from "@/lib/agencies/search-agencies";
import { localized, type Locale } from "@/lib/i18n/locales";
import type { AddresseeOption } from "./petition-form";

/** Addressees (grouped by level) and regions in the reader's language. */
export async function loadPetitionFormOptions(locale: Locale) {
  const db = getDb();
  const [agencies, regions, t] = await Promise.all([listAddressees(db), listRegions(db), getTranslations("agencies")]);
  const addressees: AddresseeOption[] = agencies.map((a) => ({
    id: a.id,
    name: localized(a, locale),
    level: a.level,
    levelLabel: t(`levels.${a.level}`),
    regional: !!a.regionCode,
  }));
  return { addressees, regions: regions.map((r) => ({ code: r.code, name: localized(r, locale) })) };
}
