import { scorecardListResponse } from "@/lib/open-data/scorecards-api";

export const dynamic = "force-dynamic";

/** GET /api/v1/scorecards.csv — the league table as a spreadsheet; the list's parameters apply. */
export async function GET(request: Request): Promise<Response> {
  return scorecardListResponse(request, "csv");
}
