import { getDb } from "@/db/client";
import { toDayString } from "@/lib/calendar/working-days";
import { apiError, cachedJson } from "@/lib/open-data/http";
import { listActivities } from "@/lib/public-control/list-activities";
import { activityListJson, parseActivityApiQuery } from "@/lib/public-control/open-data";
import { loggable } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** GET /api/v1/activities — public activities, filtered and paginated (lib/open-data/activities-openapi.ts). */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const query = parseActivityApiQuery(url);
  if (!query.ok) return apiError("validation", query.message, { fieldErrors: query.fieldErrors });
  try {
    const result = await listActivities(getDb(), query.filters, toDayString(new Date()));
    return cachedJson(request, activityListJson(url, result));
  } catch (error) {
    console.error("[api] activities list failed:", loggable(error));
    return apiError("internal", "Internal error");
  }
}
