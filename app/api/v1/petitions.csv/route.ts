import { getDb } from "@/db/client";
import { petitionsCsv } from "@/lib/open-data/csv";
import { apiError, cachedResponse } from "@/lib/open-data/http";
import { paginationLinkHeader } from "@/lib/open-data/pagination";
import { parsePetitionApiQuery } from "@/lib/open-data/petition-query";
import { listPetitions } from "@/lib/petitions/list-petitions";
import { loggable } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** GET /api/v1/petitions.csv — the list endpoint's filters, as a spreadsheet (up to 1000 rows a page). */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const query = parsePetitionApiQuery(url, { maxPerPage: 1000, defaultPerPage: 1000 });
  if (!query.ok) return apiError("validation", query.message, { fieldErrors: query.fieldErrors });
  try {
    const result = await listPetitions(getDb(), query.filters);
    const link = paginationLinkHeader(url, result.page, result.pageCount);
    return cachedResponse(request, petitionsCsv(result.items), "text/csv; charset=utf-8", {
      "content-disposition": 'attachment; filename="birge-petitions.csv"',
      "x-total-count": String(result.total),
      ...(link ? { link } : {}),
    });
  } catch (error) {
    console.error("[api] petitions CSV failed:", loggable(error));
    return apiError("internal", "Internal error");
  }
}
