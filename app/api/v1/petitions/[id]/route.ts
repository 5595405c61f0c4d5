import { getDb } from "@/db/client";
import { apiError, cachedJson } from "@/lib/open-data/http";
import { petitionDetailJson } from "@/lib/open-data/petition-json";
import { loadPetitionPageData } from "@/lib/petitions/petition-page-data";
import { loggable } from "@/lib/errors";
import { serialNumberOf } from "@/lib/validation/numbers";

export const dynamic = "force-dynamic";

/** GET /api/v1/petitions/{number} — one public petition with counts by region; 404 for anything not public. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const notFound = () => apiError("not_found", `No public petition has the number ${JSON.stringify(id.slice(0, 20))}.`);
  if (serialNumberOf(id) === null) return notFound();
  try {
    const data = await loadPetitionPageData({ db: getDb(), number: Number(id) });
    if (!data) return notFound();
    return cachedJson(request, petitionDetailJson(data));
  } catch (error) {
    console.error("[api] petition detail failed:", loggable(error));
    return apiError("internal", "Internal error");
  }
}
