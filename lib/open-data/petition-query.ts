import { z } from "zod";
import { PETITION_LIST_SORTS, type PetitionListFilters } from "@/lib/petitions/list-petitions";
import { petitionListSchema } from "@/lib/petitions/schema";
import { apiSearchText } from "@/lib/validation/text";
import { parseStrictQuery, type InvalidQuery } from "./strict-query";

// The page forgives a bad query (petitionListSchema falls back to defaults); the API refuses
// it with 400, so a client learns of its mistake instead of silently getting other data.
// Same fields and limits: the strict variant unwraps the lenient schema's fallbacks.

const lenient = petitionListSchema.shape;

/** Query parameters the list endpoints accept, nothing else. */
export const PETITION_API_PARAMETERS = ["q", "state", "agency", "region", "sort", "page", "perPage"] as const;

/** The strict query of GET /api/v1/petitions (and its CSV), for lists of at most `maxPerPage`. */
export function petitionApiQuerySchema(options: { maxPerPage: number; defaultPerPage: number }) {
  return z.strictObject({
    q: apiSearchText(200).optional().default(""),
    state: lenient.state.unwrap(),
    agency: lenient.agency.unwrap(),
    region: lenient.region.unwrap(),
    sort: z.enum(PETITION_LIST_SORTS).optional(),
    page: lenient.page.unwrap(),
    perPage: z.coerce.number().int().min(1).max(options.maxPerPage).optional().default(options.defaultPerPage),
  });
}

/** A parsed query, or what was wrong with it, parameter by parameter. */
export type ParsedPetitionQuery = { ok: true; filters: PetitionListFilters } | InvalidQuery;

/** Reads and checks a list query from a URL (see parseStrictQuery: repeated, unknown and invalid parameters are refused). */
export function parsePetitionApiQuery(url: URL, options: { maxPerPage: number; defaultPerPage: number }): ParsedPetitionQuery {
  const parsed = parseStrictQuery(url, petitionApiQuerySchema(options), PETITION_API_PARAMETERS);
  if (!parsed.ok) return parsed;
  const { query } = parsed;
  return {
    ok: true,
    filters: {
      q: query.q,
      state: query.state,
      agency: query.agency,
      region: query.region,
      // No sort given: best match for a search, most signed otherwise.
      sort: query.sort === "relevance" && !query.q ? "most_signed" : (query.sort ?? (query.q ? "relevance" : "most_signed")),
      page: query.page,
      perPage: query.perPage,
    },
  };
}
