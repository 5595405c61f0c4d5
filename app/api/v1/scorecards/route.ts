import { scorecardListResponse } from "@/lib/open-data/scorecards-api";

export const dynamic = "force-dynamic";

/** GET /api/v1/scorecards — the agencies' league table as JSON, or CSV with ?format=csv (lib/open-data/scorecards-openapi.ts). */
export async function GET(request: Request): Promise<Response> {
  return scorecardListResponse(request);
}
