import { scorecardDetailResponse } from "@/lib/open-data/scorecards-api";

export const dynamic = "force-dynamic";

/** GET /api/v1/scorecards/{agencySlug} — one agency's scorecard; 404 when no agency has the slug. */
export async function GET(request: Request, context: { params: Promise<{ agencySlug: string }> }): Promise<Response> {
  const { agencySlug } = await context.params;
  return scorecardDetailResponse(request, agencySlug);
}
