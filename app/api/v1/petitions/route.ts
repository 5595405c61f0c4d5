import { getDb } from "@/db/client";
import { apiError, cachedJson } from "@/lib/open-data/http";
import { petitionListJson } from "@/lib/open-data/petition-json";
import { parsePetitionApiQuery } from "@/lib/open-data/petition-query";
import { listPetitions } from "@/lib/petitions/list-petitions";
import { loggable } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** GET /api/v1/petitions — public petitions, filtered and paginated (lib/open-data/petitions-openapi.ts). */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const query = parsePetitionApiQuery(url, { maxPerPage: 100, defaultPerPage: 20 });
  if (!query.ok) return apiError("validation", query.message, { fieldErrors: query.fieldErrors });
  try {
    const result = await listPetitions(getDb(), query.filters);
    return cachedJson(request, petitionListJson(url, result));
  } catch (error) {
    console.error("[api] petitions list failed:", loggable(error));
    return apiError("internal", "Internal error");
  }
}
