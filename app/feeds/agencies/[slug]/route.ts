import { getDb } from "@/db/client";
import { siteUrl } from "@/lib/config";
import { toDayString } from "@/lib/calendar/working-days";
import { loggable } from "@/lib/errors";
import { agencyBySlugForFeed, agencyFeedItems } from "@/lib/feeds/feed-entries";
import { feedName, parseFeedQuery } from "@/lib/feeds/feed-query";
import { atomResponse, feedTranslator, feedUrl } from "@/lib/feeds/feed-response";
import { localized } from "@/lib/i18n/locales";
import { apiError } from "@/lib/open-data/http";

export const dynamic = "force-dynamic";

/** GET /feeds/agencies/{slug}.atom — one state body's published answers and its overdue items. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const url = new URL(request.url);
  const query = parseFeedQuery(url);
  if (!query.ok) return apiError("validation", query.message);
  const slug = feedName((await params).slug);
  if (slug === null) return apiError("not_found", "Not found");
  try {
    const db = getDb();
    const agency = await agencyBySlugForFeed(db, slug);
    if (!agency) return apiError("not_found", "Not found");
    const t = feedTranslator(query.locale);
    const items = await agencyFeedItems(db, agency.id, toDayString(new Date()));
    const site = siteUrl();
    const format = (day: string) => new Intl.DateTimeFormat(query.locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
    return atomResponse(request, {
      id: `${site}/feeds/agencies/${agency.slug}.atom`,
      title: t("agency.title", { agency: localized(agency, query.locale) }),
      subtitle: t("agency.subtitle"),
      self: feedUrl(`/feeds/agencies/${agency.slug}.atom`, query.locale, url.searchParams.has("lang")),
      alternate: `${site}/agencies/${agency.slug}`,
      language: query.locale,
      entries: items.map((item) => {
        const path = item.kind.startsWith("petition") ? `/petitions/${item.number}` : `/activities/${item.number}`;
        return {
          id: `${site}${path}#${item.kind}${item.requestNumber ? `-${item.requestNumber}` : ""}${item.dueOn ? `-${item.dueOn}` : ""}`,
          title: t(`agency.${item.kind}`, { number: item.number, title: item.title, request: item.requestNumber ?? 0 }),
          link: `${site}${path}`,
          updated: item.at,
          summary: item.dueOn ? t("agency.dueOn", { day: format(item.dueOn) }) : undefined,
        };
      }),
    });
  } catch (error) {
    console.error("[feeds] agency feed failed:", loggable(error));
    return apiError("internal", "Internal error");
  }
}
