import { z } from "zod";
import { getDb } from "@/db/client";
import { AGENCY_LEVELS } from "@/db/schema/agencies";
import { listScorecards, SCORECARD_SORTS, scorecardForAgency } from "@/lib/scorecards/read-scorecards";
import { apiError, cachedResponse } from "./http";
import { paginationLinkHeader } from "./pagination";
import { scorecardDetailJson, scorecardListJson, scorecardsCsv } from "./scorecard-json";
import { parseStrictQuery } from "./strict-query";
import { loggable } from "@/lib/errors";

// The route handlers of /api/v1/scorecards, /api/v1/scorecards.csv and
// /api/v1/scorecards/{agencySlug}. Scorecards change at most every few minutes (the refresh
// job), so shared caches keep them longer than petition counts.

/** Shared caches keep a scorecard a minute, and serve it stale for five while refetching. */
export const SCORECARD_CACHE_CONTROL = "public, s-maxage=60, stale-while-revalidate=300";

export const SCORECARD_FORMATS = ["json", "csv"] as const;
export type ScorecardFormat = (typeof SCORECARD_FORMATS)[number];

/** Query parameters the list accepts, nothing else. */
export const SCORECARD_LIST_PARAMETERS = ["sort", "level", "page", "perPage", "format"] as const;

const LIST_LIMITS = { json: { max: 500, default: 100 }, csv: { max: 5000, default: 5000 } } as const;

const listQuerySchema = z.strictObject({
  sort: z.enum(SCORECARD_SORTS).optional().default("on_time"),
  level: z.enum(AGENCY_LEVELS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
  perPage: z.coerce.number().int().min(1).max(LIST_LIMITS.csv.max).optional(),
  format: z.enum(SCORECARD_FORMATS).optional(),
});

/** Reads the list query strictly (see parseStrictQuery); the page size's limit depends on the format. */
export function parseScorecardListQuery(url: URL, forcedFormat?: ScorecardFormat) {
  return parseStrictQuery(url, listQuerySchema, SCORECARD_LIST_PARAMETERS, (parsed, fieldErrors) => {
    const format = forcedFormat ?? parsed.format ?? "json";
    if (forcedFormat && parsed.format && parsed.format !== forcedFormat) fieldErrors.format = [`This address always answers ${forcedFormat}.`];
    const perPage = parsed.perPage ?? LIST_LIMITS[format].default;
    if (perPage > LIST_LIMITS[format].max) fieldErrors.perPage = [`At most ${LIST_LIMITS[format].max} for ${format}.`];
    return { ...parsed, format, perPage };
  });
}

const cacheHeaders = { "cache-control": SCORECARD_CACHE_CONTROL };

/** GET /api/v1/scorecards (JSON, or CSV with ?format=csv) and /api/v1/scorecards.csv. */
export async function scorecardListResponse(request: Request, forcedFormat?: ScorecardFormat): Promise<Response> {
  const url = new URL(request.url);
  const parsed = parseScorecardListQuery(url, forcedFormat);
  if (!parsed.ok) return apiError("validation", parsed.message, { fieldErrors: parsed.fieldErrors });
  const { query } = parsed;
  try {
    const result = await listScorecards(getDb(), { sort: query.sort, level: query.level, page: query.page, perPage: query.perPage });
    if (query.format === "json") {
      return cachedResponse(request, JSON.stringify(scorecardListJson(url, result, query.sort)), "application/json; charset=utf-8", {
        ...cacheHeaders,
        "x-total-count": String(result.total),
      });
    }
    const link = paginationLinkHeader(url, result.page, result.pageCount);
    return cachedResponse(request, scorecardsCsv(result.items), "text/csv; charset=utf-8", {
      ...cacheHeaders,
      "content-disposition": 'attachment; filename="birge-scorecards.csv"',
      "x-total-count": String(result.total),
      ...(link ? { link } : {}),
    });
  } catch (error) {
    console.error("[api] scorecards list failed:", loggable(error));
    return apiError("internal", "Internal error");
  }
}

/** GET /api/v1/scorecards/{agencySlug} (JSON, or one CSV row with ?format=csv). */
export async function scorecardDetailResponse(request: Request, slug: string): Promise<Response> {
  const url = new URL(request.url);
  const format = url.searchParams.get("format") || "json";
  const unknown = [...url.searchParams.keys()].filter((key) => key !== "format");
  if (unknown.length > 0 || !(SCORECARD_FORMATS as readonly string[]).includes(format)) {
    return apiError("validation", "Invalid query parameter: only format=json or format=csv is accepted.", {
      fieldErrors: Object.fromEntries([...unknown.map((key) => [key, ["Unknown parameter. Known: format."]]), ...(unknown.length ? [] : [["format", ["Use json or csv."]]])]),
    });
  }
  const notFound = () => apiError("not_found", `No agency has the slug ${JSON.stringify(slug.slice(0, 60))}.`);
  if (slug.length === 0 || slug.length > 200) return notFound();
  try {
    const view = await scorecardForAgency(getDb(), slug);
    if (!view) return notFound();
    if (format === "csv") {
      return cachedResponse(request, scorecardsCsv([view]), "text/csv; charset=utf-8", {
        ...cacheHeaders,
        "content-disposition": `attachment; filename="birge-scorecard-${view.agency.slug.replace(/[^\w-]/g, "_")}.csv"`,
      });
    }
    return cachedResponse(request, JSON.stringify(scorecardDetailJson(view)), "application/json; charset=utf-8", cacheHeaders);
  } catch (error) {
    console.error("[api] scorecard detail failed:", loggable(error));
    return apiError("internal", "Internal error");
  }
}
