import { getDb } from "@/db/client";
import { loggable } from "@/lib/errors";
import { apiError, cachedJson } from "@/lib/open-data/http";
import { findSimilarPetitions, PUBLIC_SIMILAR_STATES } from "@/lib/petitions/find-similar-petitions";
import { PETITION_LIMITS, SIMILAR_QUERY_MIN, similarPetitionsQuerySchema } from "@/lib/petitions/schema";

export const dynamic = "force-dynamic";

/**
 * GET /api/petitions/similar?q=<title being typed> — up to five open or answered petitions like
 * it, for the petition form (the moderators' duplicate search, limited to public petitions).
 * Public and cacheable like the open-data reads; the form asks only after typing pauses.
 */
export async function GET(request: Request): Promise<Response> {
  const parsed = similarPetitionsQuerySchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? undefined });
  if (!parsed.success) {
    return apiError("validation", `q must be ${SIMILAR_QUERY_MIN} to ${PETITION_LIMITS.title} characters of text, without control characters`, { fieldErrors: { q: parsed.error.issues.map((issue) => issue.message) } });
  }
  try {
    const rows = await findSimilarPetitions(getDb(), { title: parsed.data.q, states: PUBLIC_SIMILAR_STATES, limit: 5 });
    return cachedJson(request, { data: rows.map(({ number, title, state }) => ({ number, title, state, url: `/petitions/${number}` })) });
  } catch (error) {
    console.error("[api] similar petitions failed:", loggable(error));
    return apiError("internal", "Internal error");
  }
}
