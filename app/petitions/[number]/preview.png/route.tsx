import { getTranslations } from "next-intl/server";
import { petitionPreviewImage } from "../_components/preview-image";
import { getDb } from "@/db/client";
import { jsonError } from "@/lib/http/json-error";
import { DEFAULT_LOCALE, isLocale, localized } from "@/lib/i18n/locales";
import { readCount } from "@/lib/petitions/counts";
import { findPublicPetition } from "@/lib/petitions/petition-page-data";

/**
 * GET /petitions/{number}/preview.png?lang=kk — the link-preview card of a public petition, in the
 * language of the page that links it. Private, hidden and unknown petitions answer 404 alike.
 */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }): Promise<Response> {
  const { number } = await params;
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  if (!/^[1-9]\d{0,9}$/.test(number)) return jsonError("not_found", "No such petition");
  const db = getDb();
  const found = await findPublicPetition(db, Number(number));
  if (!found) return jsonError("not_found", "No such petition");
  const { petition } = found;
  const [count, t, tStates, tCommon] = await Promise.all([
    readCount(db, petition.id),
    getTranslations({ locale, namespace: "sharing.image" }),
    getTranslations({ locale, namespace: "petitions.states" }),
    getTranslations({ locale, namespace: "common" }),
  ]);
  const numbers = new Intl.NumberFormat(locale);
  const target = petition.responseThreshold;
  // Only a petition still collecting shows progress; a finished one shows its state instead.
  const collecting = petition.state === "open" && Boolean(target);
  return petitionPreviewImage(
    {
      siteName: tCommon("siteName"),
      caption: t("caption", { number: petition.number }),
      title: petition.title,
      addressee: t("to", { agency: localized(petition.agency, locale) }),
      count: t("signatures", { count: count.confirmed }),
      status: collecting ? t("towards", { count: numbers.format(count.confirmed), target: numbers.format(target!) }) : tStates(petition.state),
      progress: collecting ? Math.min(1, count.confirmed / target!) : null,
    },
    // Counts move: a crawler may keep the card ten minutes, not longer.
    { "cache-control": "public, max-age=600, s-maxage=600" },
  );
}
