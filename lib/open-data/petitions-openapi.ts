import { AGENCY_LEVELS } from "@/db/schema/agencies";
import { PETITION_LIST_SORTS, PETITION_STATE_FILTERS } from "@/lib/petitions/list-petitions";
import { PETITION_STATES, REJECTION_REASONS, RESPONSE_DECISIONS } from "@/lib/petitions/states";
import { TIMELINE_ACTIONS } from "@/lib/petitions/petition-timeline";
import { PETITION_CSV_COLUMNS } from "./csv";
import {
  cachedResponseHeaders,
  itemLinksSchema,
  jsonItemResponses,
  jsonListResponses,
  linkHeader,
  nullableDay,
  nullableInstant,
  perPageParameter,
  ref,
  responseRefs,
  totalCountHeader,
  type OpenApiModule,
} from "./openapi-shared";

// The petitions part of the open-data API (see openapi.ts). Keep in step with
// lib/open-data/petition-json.ts and csv.ts, which produce what this describes.

const TAG = "Petitions";

const listParameters = [
  { name: "q", in: "query", required: false, description: "Full-text search in title, request and reasons (Kazakh, Russian or English words as written; `\"exact phrase\"`, `-word` and `or` work). A petition number (`32`, `#32`) also finds that petition, whatever its public state.", schema: { type: "string", maxLength: 200 } },
  { name: "state", in: "query", required: false, description: "Only petitions in this state. `awaiting_response`: open or closed, past the response threshold, not yet answered. Default: open, closed and responded; rejected petitions are listed with `state=rejected`.", schema: { type: "string", enum: [...PETITION_STATE_FILTERS] } },
  { name: "agency", in: "query", required: false, description: "Only petitions addressed to this state body (its slug, as in `addressee.slug`).", schema: { type: "string", maxLength: 100 } },
  { name: "region", in: "query", required: false, description: "Only petitions about this region (its code, as in `region.code`).", schema: { type: "string", maxLength: 40 } },
  { name: "sort", in: "query", required: false, description: "Order. Default: `relevance` when `q` is given, otherwise `most_signed`.", schema: { type: "string", enum: [...PETITION_LIST_SORTS] } },
  ref.parameter("Page"),
];

export const petitionsOpenApi: OpenApiModule = {
  tags: [{ name: TAG, description: "Public petitions (open, closed, responded, rejected), their signature counts and the addressees' answers." }],
  schemas: {
    PetitionState: { type: "string", enum: PETITION_STATES.filter((s) => ["open", "closed", "responded", "rejected"].includes(s)) },
    PetitionSummary: {
      type: "object",
      required: ["number", "title", "request", "state", "addressee", "region", "signatures", "invalidatedSignatures", "responseThreshold", "links"],
      properties: {
        number: { type: "integer", description: "The petition's public number; it identifies the petition in URLs." },
        title: { type: "string" },
        request: { type: "string", description: "What the petition asks the addressee to do." },
        state: ref.schema("PetitionState"),
        addressee: {
          type: "object",
          required: ["slug", "level", "name"],
          properties: { slug: { type: "string" }, level: { type: "string", enum: [...AGENCY_LEVELS] }, name: ref.schema("LocalizedName") },
        },
        region: {
          oneOf: [{ type: "null" }, { type: "object", required: ["code", "name"], properties: { code: { type: "string" }, name: ref.schema("LocalizedName") } }],
        },
        signatures: { type: "integer", minimum: 0, description: "Confirmed signatures now." },
        invalidatedSignatures: { type: "integer", minimum: 0, description: "Signatures moderators invalidated as fraudulent." },
        responseThreshold: { type: ["integer", "null"], description: "Signatures that oblige the addressee to answer." },
        openedAt: nullableInstant,
        closesOn: nullableDay,
        closedAt: nullableInstant,
        thresholdReachedAt: nullableInstant,
        responseDueOn: { ...nullableDay, description: "The addressee must answer by this day (set when the threshold is reached)." },
        respondedAt: nullableInstant,
        links: itemLinksSchema("The petition's page."),
      },
    },
    PetitionDetail: {
      allOf: [
        ref.schema("PetitionSummary"),
        {
          type: "object",
          required: ["reasons", "counts", "response", "timeline", "answerOverdue"],
          properties: {
            reasons: { type: "string" },
            rejectionReason: { type: ["string", "null"], enum: [...REJECTION_REASONS, null], description: "Set when the petition was rejected." },
            counts: {
              type: "object",
              required: ["signatures", "invalidated", "byRegion", "byDay"],
              properties: {
                signatures: { type: "integer", minimum: 0 },
                invalidated: { type: "integer", minimum: 0 },
                byRegion: {
                  type: "array",
                  description: "Confirmed signatures by the region signers gave, most first.",
                  items: {
                    type: "object",
                    required: ["code", "name", "signatures"],
                    properties: { code: { type: "string" }, name: ref.schema("LocalizedName"), signatures: { type: "integer" } },
                  },
                },
                byDay: {
                  type: "array",
                  description: "Net change of confirmed signatures per day (Asia/Almaty), oldest first; withdrawals and invalidations subtract.",
                  items: { type: "object", required: ["day", "signatures"], properties: { day: { type: "string", format: "date" }, signatures: { type: "integer" } } },
                },
              },
            },
            answerOverdue: { type: "boolean", description: "The response is due and past its day, and no answer is published." },
            response: {
              oneOf: [
                { type: "null" },
                {
                  type: "object",
                  required: ["decision", "reasons", "measures", "publishedAt"],
                  properties: {
                    decision: { type: "string", enum: [...RESPONSE_DECISIONS] },
                    reasons: { type: "string" },
                    measures: {
                      type: "array",
                      items: { type: "object", required: ["text", "dueOn"], properties: { text: { type: "string" }, dueOn: nullableDay } },
                    },
                    publishedAt: { type: "string", format: "date-time" },
                  },
                },
              ],
            },
            timeline: {
              type: "array",
              description: "The petition's public history, oldest first. Never names who acted.",
              items: {
                type: "object",
                required: ["action", "occurredAt", "fromState", "toState", "reason"],
                properties: {
                  action: { type: "string", enum: [...TIMELINE_ACTIONS] },
                  occurredAt: { type: "string", format: "date-time" },
                  fromState: { type: ["string", "null"] },
                  toState: { type: ["string", "null"] },
                  reason: { type: ["string", "null"], description: "A rejection reason code, or a public explanation." },
                },
              },
            },
          },
        },
      ],
    },
  },
  paths: {
    "/api/v1/petitions": {
      get: {
        tags: [TAG],
        operationId: "listPetitions",
        summary: "List public petitions",
        description: "Filtered, searched, sorted and paginated. An unknown, repeated or invalid parameter is refused with 400; an empty value counts as not given.",
        parameters: [
          ...listParameters,
          perPageParameter(100, 20),
          ref.parameter("IfNoneMatch"),
        ],
        responses: jsonListResponses("One page of petitions.", "PetitionSummary"),
      },
    },
    "/api/v1/petitions.csv": {
      get: {
        tags: [TAG],
        operationId: "listPetitionsCsv",
        summary: "List public petitions as CSV",
        description:
          "The same filters and order as `/api/v1/petitions`, as a CSV file (UTF-8 with a byte-order mark, comma-separated, CRLF, header row). " +
          `Columns: ${PETITION_CSV_COLUMNS.join(", ")}. ` +
          "A text cell that starts with =, +, -, @ is prefixed with a single quote so spreadsheets do not run it. " +
          "Up to 1000 rows per request; the Link header points to the next page, X-Total-Count gives the total.",
        parameters: [
          ...listParameters,
          perPageParameter(1000, 1000),
          ref.parameter("IfNoneMatch"),
        ],
        responses: {
          "200": {
            description: "The petitions as CSV.",
            headers: {
              ...cachedResponseHeaders,
              "X-Total-Count": totalCountHeader("Petitions matching the filters, on all pages."),
              Link: linkHeader,
            },
            content: { "text/csv": { schema: { type: "string" } } },
          },
          ...responseRefs("NotModified", "BadRequest"),
        },
      },
    },
    "/api/v1/petitions/{number}": {
      get: {
        tags: [TAG],
        operationId: "getPetition",
        summary: "One public petition",
        description: "With its counts by region and by day, the published answer and the public history.",
        parameters: [
          { name: "number", in: "path", required: true, description: "The petition's public number.", schema: { type: "integer", minimum: 1 } },
          ref.parameter("IfNoneMatch"),
        ],
        responses: jsonItemResponses("The petition.", "PetitionDetail"),
      },
    },
  },
};
