import { getDb } from "@/db/client";
import { toDayString } from "@/lib/calendar/working-days";
import { apiError, cachedJson } from "@/lib/open-data/http";
import { activityByNumber } from "@/lib/public-control/load-activity";
import { loadActivityDetails } from "@/lib/public-control/load-activity-details";
import { activityDetailJson } from "@/lib/public-control/open-data";
import { loggable } from "@/lib/errors";
import { serialNumberOf } from "@/lib/validation/numbers";

export const dynamic = "force-dynamic";

/** GET /api/v1/activities/{number} — one public activity with its recommendations and answers; 404 for drafts. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const notFound = () => apiError("not_found", `No public activity has the number ${JSON.stringify(id.slice(0, 20))}.`);
  if (serialNumberOf(id) === null) return notFound();
  try {
    const db = getDb();
    const activity = await activityByNumber(db, Number(id));
    if (!activity || activity.state === "draft") return notFound();
    // As an anonymous visitor sees it: an unsent final document stays out.
    const details = await loadActivityDetails(db, activity, null, toDayString(new Date()));
    return cachedJson(request, activityDetailJson(details, details.requests.filter((r) => r.overdue).length));
  } catch (error) {
    console.error("[api] activity detail failed:", loggable(error));
    return apiError("internal", "Internal error");
  }
}
