import { getDb } from "@/db/client";
import { siteUrl } from "@/lib/config";
import { loggable } from "@/lib/errors";
import { petitionFeedItems } from "@/lib/feeds/feed-entries";
import { parseFeedQuery } from "@/lib/feeds/feed-query";
import { atomResponse, feedTranslator, feedUrl } from "@/lib/feeds/feed-response";
import { apiError } from "@/lib/open-data/http";

export const dynamic = "force-dynamic";

/** GET /feeds/petitions.atom — petitions newly open for signatures and newly answered. */
export async function GET(request: Request): Promise<Response> {
  const query = parseFeedQuery(new URL(request.url));
  if (!query.ok) return apiError("validation", query.message);
  try {
    const t = feedTranslator(query.locale);
    const items = await petitionFeedItems(getDb());
    const site = siteUrl();
    return atomResponse(request, {
      id: `${site}/feeds/petitions.atom`,
      title: t("petitions.title"),
      subtitle: t("petitions.subtitle"),
      self: feedUrl("/feeds/petitions.atom", query.locale, new URL(request.url).searchParams.has("lang")),
      alternate: `${site}/petitions`,
      language: query.locale,
      entries: items.map((item) => ({
        id: `${site}/petitions/${item.number}#${item.kind}`,
        title: t(`petitions.${item.kind}`, { number: item.number, title: item.title }),
        link: `${site}/petitions/${item.number}`,
        updated: item.at,
        summary: item.request,
      })),
    });
  } catch (error) {
    console.error("[feeds] petitions feed failed:", loggable(error));
    return apiError("internal", "Internal error");
  }
}
