import { AGENCY_LEVELS } from "@/db/schema/agencies";
import { MIN_SETTLED_TO_RANK } from "@/lib/scorecards/measures";
import { SCORECARD_SORTS } from "@/lib/scorecards/read-scorecards";
import { itemLinksSchema, linkHeader, listPageSchema, perPageParameter, ref, responseRefs, totalCountHeader, type OpenApiModule } from "./openapi-shared";
import { SCORECARD_CSV_COLUMNS } from "./scorecard-json";
import { SCORECARD_CACHE_CONTROL, SCORECARD_FORMATS } from "./scorecards-api";

// The scorecards part of the open-data API (see openapi.ts). Keep in step with
// lib/open-data/scorecard-json.ts and scorecards-api.ts, which produce what this describes.

const TAG = "Scorecards";
const share = (description: string) => ({ type: ["number", "null"], minimum: 0, maximum: 1, description: `${description} Three decimals; null when there is nothing to divide by.` });
const counter = (description: string) => ({ type: "integer", minimum: 0, description });

const headers = {
  "Cache-Control": { description: `Always \`${SCORECARD_CACHE_CONTROL}\`: scorecards are recomputed every few minutes.`, schema: { type: "string" } },
  ETag: ref.header("ETag"),
};

const totalCount = totalCountHeader("Agencies listed, on all pages.");
const formatParameter = { name: "format", in: "query", required: false, schema: { type: "string", enum: [...SCORECARD_FORMATS], default: "json" } };

const listParameters = [
  {
    name: "sort",
    in: "query",
    required: false,
    description:
      "Order of the league table. `on_time`: highest share answered on time first (then the shorter median); `median`: fewest median working days first; `overdue`: most items overdue now first. " +
      `Agencies with fewer than ${MIN_SETTLED_TO_RANK} settled items come after the ranked ones, with \`rank: null\`.`,
    schema: { type: "string", enum: [...SCORECARD_SORTS], default: "on_time" },
  },
  { name: "level", in: "query", required: false, description: "Only agencies of this level (ranks are then among them).", schema: { type: "string", enum: [...AGENCY_LEVELS] } },
  ref.parameter("Page"),
];

export const scorecardsOpenApi: OpenApiModule = {
  tags: [
    {
      name: TAG,
      description:
        "Each state body's public scorecard, recomputed from the public history of petitions and public-control activities every few minutes: " +
        "answers on time, median working days to answer, items open and overdue now, recommendations accepted and implemented.",
    },
  ],
  schemas: {
    Scorecard: {
      type: "object",
      required: ["agency", "ranked", "items", "onTimeShare", "medianWorkingDaysToAnswer", "recommendations", "petitionsAnswered", "informationRequests", "computedAt", "links"],
      properties: {
        agency: {
          type: "object",
          required: ["slug", "level", "regionCode", "name"],
          properties: {
            slug: { type: "string" },
            level: { type: "string", enum: [...AGENCY_LEVELS] },
            regionCode: { type: ["string", "null"] },
            name: ref.schema("LocalizedName"),
          },
        },
        rank: { type: ["integer", "null"], minimum: 1, description: "In lists only: place in the chosen order; null when the agency is not ranked. Ties share a place." },
        ranked: { type: "boolean", description: `True from ${MIN_SETTLED_TO_RANK} settled items (answered, or overdue now): fewer say too little to compare.` },
        items: {
          type: "object",
          description:
            "Items the agency must answer by a statutory deadline, once their clock started: petitions past their response threshold, " +
            "final documents of public control sent to it, information requests addressed to it.",
          required: ["due", "answered", "answeredOnTime", "answeredLate", "openNow", "overdueNow", "settled"],
          properties: {
            due: counter("Items whose clock started."),
            answered: counter("Answered (a lawful refusal of an information request counts as an answer)."),
            answeredOnTime: counter("Answered on or before the due day."),
            answeredLate: counter("Answered after the due day."),
            openNow: counter("Not answered yet."),
            overdueNow: counter("Not answered and past the due day (Asia/Almaty)."),
            settled: counter("answered + overdueNow: the items whose outcome is known."),
          },
        },
        onTimeShare: share("answeredOnTime ÷ (answered + overdueNow)."),
        medianWorkingDaysToAnswer: {
          type: ["number", "null"],
          minimum: 0,
          description: "Median of the working days from the day each clock started to the day of the answer, by the holiday calendar; halves when the count is even.",
        },
        recommendations: {
          type: "object",
          required: ["answered", "accepted", "implemented", "notImplemented", "acceptedShare", "implementedShare"],
          properties: {
            answered: counter("Recommendations of final documents the agency answered."),
            accepted: counter("Accepted or partially accepted."),
            implemented: counter("Accepted ones the public-control subject marked implemented."),
            notImplemented: counter("Accepted ones marked not implemented."),
            acceptedShare: share("accepted ÷ answered."),
            implementedShare: share("implemented ÷ accepted (accepted ones not yet followed up count as not implemented)."),
          },
        },
        petitionsAnswered: counter("Petitions the agency answered publicly."),
        informationRequests: {
          type: "object",
          required: ["answered", "refused"],
          properties: { answered: counter("Answered or refused."), refused: counter("Refused on a legal ground.") },
        },
        computedAt: { type: ["string", "null"], format: "date-time", description: "When these figures last changed; null before the first computation." },
        links: itemLinksSchema("The agency's scorecard page."),
      },
    },
  },
  paths: {
    "/api/v1/scorecards": {
      get: {
        tags: [TAG],
        operationId: "listScorecards",
        summary: "The league table of agencies",
        description:
          "Active agencies with at least one item on their scorecard, ranked ones first. JSON by default; `format=csv` gives the CSV of `/api/v1/scorecards.csv`. " +
          "An unknown, repeated or invalid parameter is refused with 400.",
        parameters: [
          ...listParameters,
          { name: "perPage", in: "query", required: false, description: "Rows per page: up to 500 for JSON (default 100), 5000 for CSV (default 5000).", schema: { type: "integer", minimum: 1, maximum: 5000 } },
          formatParameter,
          ref.parameter("IfNoneMatch"),
        ],
        responses: {
          "200": {
            description: "One page of the league table.",
            headers: { ...headers, "X-Total-Count": totalCount },
            content: {
              "application/json": {
                schema: listPageSchema("Scorecard", {
                  allOf: [
                    ref.schema("PageMeta"),
                    {
                      type: "object",
                      required: ["sort", "refreshedAt"],
                      properties: {
                        sort: { type: "string", enum: [...SCORECARD_SORTS] },
                        refreshedAt: { type: ["string", "null"], format: "date-time", description: "When the scorecards were last recomputed." },
                      },
                    },
                  ],
                }),
              },
              "text/csv": { schema: { type: "string", description: `With format=csv. Columns: ${SCORECARD_CSV_COLUMNS.join(", ")}.` } },
            },
          },
          ...responseRefs("NotModified", "BadRequest"),
        },
      },
    },
    "/api/v1/scorecards.csv": {
      get: {
        tags: [TAG],
        operationId: "listScorecardsCsv",
        summary: "The league table as CSV",
        description:
          "The same rows and order as `/api/v1/scorecards`, as CSV (UTF-8 with a byte-order mark, comma-separated, CRLF, header row). " +
          `Columns: ${SCORECARD_CSV_COLUMNS.join(", ")}. Shares are fractions from 0 to 1; an empty cell means not applicable. ` +
          "Up to 5000 rows per request; the Link header points to the next page.",
        parameters: [...listParameters, perPageParameter(5000, 5000), ref.parameter("IfNoneMatch")],
        responses: {
          "200": {
            description: "The league table as CSV.",
            headers: { ...headers, "X-Total-Count": totalCount, Link: linkHeader },
            content: { "text/csv": { schema: { type: "string" } } },
          },
          ...responseRefs("NotModified", "BadRequest"),
        },
      },
    },
    "/api/v1/scorecards/{agencySlug}": {
      get: {
        tags: [TAG],
        operationId: "getScorecard",
        summary: "One agency's scorecard",
        description: "Zeros for an agency with nothing to answer yet. `format=csv` gives the same as one CSV row.",
        parameters: [
          { name: "agencySlug", in: "path", required: true, description: "The agency's slug, as in `agency.slug`.", schema: { type: "string" } },
          formatParameter,
          ref.parameter("IfNoneMatch"),
        ],
        responses: {
          "200": {
            description: "The scorecard.",
            headers,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["data", "meta"],
                  properties: {
                    data: ref.schema("Scorecard"),
                    meta: { type: "object", required: ["refreshedAt"], properties: { refreshedAt: { type: ["string", "null"], format: "date-time" } } },
                  },
                },
              },
              "text/csv": { schema: { type: "string" } },
            },
          },
          ...responseRefs("NotModified", "BadRequest", "NotFound"),
        },
      },
    },
  },
};
