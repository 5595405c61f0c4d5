import { getDb } from "@/db/client";
import { siteUrl } from "@/lib/config";
import { loggable } from "@/lib/errors";
import { activityFeedItems } from "@/lib/feeds/feed-entries";
import { feedName, parseFeedQuery } from "@/lib/feeds/feed-query";
import { atomResponse, feedTranslator, feedUrl, translatorFor } from "@/lib/feeds/feed-response";
import { visibleActivityByNumber } from "@/lib/public-control/load-activity";
import { apiError } from "@/lib/open-data/http";

export const dynamic = "force-dynamic";

/** GET /feeds/activities/{number}.atom — one public-control activity's timeline, newest first. */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }): Promise<Response> {
  const url = new URL(request.url);
  const query = parseFeedQuery(url);
  if (!query.ok) return apiError("validation", query.message);
  const name = feedName((await params).number);
  if (name === null || !/^[1-9]\d{0,8}$/.test(name)) return apiError("not_found", "Not found");
  try {
    const db = getDb();
    // As a visitor sees it: someone's draft is not public, so its feed does not exist.
    const activity = await visibleActivityByNumber(db, Number(name), null);
    if (!activity) return apiError("not_found", "Not found");
    const t = feedTranslator(query.locale);
    const all = translatorFor(query.locale);
    const entries = await activityFeedItems(db, activity.id);
    const site = siteUrl();
    const page = `${site}/activities/${activity.number}`;
    return atomResponse(request, {
      id: `${site}/feeds/activities/${activity.number}.atom`,
      title: t("activity.title", { number: activity.number, title: activity.title }),
      subtitle: t("activity.subtitle"),
      self: feedUrl(`/feeds/activities/${activity.number}.atom`, query.locale, url.searchParams.has("lang")),
      alternate: page,
      language: query.locale,
      fallbackUpdated: activity.updatedAt,
      entries: entries.map((entry) => {
        const key = `activities.timeline.actions.${entry.entityType === "information_request" ? `request_${entry.action}` : entry.action}`;
        const number = typeof entry.data.number === "number" ? entry.data.number : typeof entry.data.position === "number" ? entry.data.position : 0;
        return {
          id: `${page}#event-${entry.id}`,
          title: all.has(key) ? all(key, { number }) : all("activities.timeline.other"),
          link: `${page}#timeline`,
          updated: entry.occurredAt,
        };
      }),
    });
  } catch (error) {
    console.error("[feeds] activity feed failed:", loggable(error));
    return apiError("internal", "Internal error");
  }
}
