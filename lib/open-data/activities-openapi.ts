import { ACTIVITY_API_PARAMETERS } from "@/lib/public-control/open-data";
import { ACTIVITY_FORMS, IMPLEMENTATION_STATES, INFORMATION_REQUEST_STATES, PUBLIC, RECOMMENDATION_DECISIONS } from "@/lib/public-control/states";
import { day, itemLinksSchema, jsonItemResponses, jsonListResponses, nullableDay, nullableInstant, perPageParameter, ref, type OpenApiModule } from "./openapi-shared";

// The public-control part of the open-data API (see openapi.ts). Keep in step with
// lib/public-control/open-data.ts, which produces what this describes.

const TAG = "Public control";

export const activitiesOpenApi: OpenApiModule = {
  tags: [
    {
      name: TAG,
      description:
        "Public-control activities (Law \"On Public Control\"): who examines which state body, in which forms, the information requests and their clocks, " +
        "the final document's numbered recommendations and the body's answer to each. Drafts are never published.",
    },
  ],
  schemas: {
    ActivityState: { type: "string", enum: [...PUBLIC] },
    ActivityForm: { type: "string", enum: [...ACTIVITY_FORMS] },
    ActivitySummary: {
      type: "object",
      required: ["number", "title", "subjectMatter", "state", "forms", "subject", "object", "plannedStart", "plannedEnd", "overdueInformationRequests", "links"],
      properties: {
        number: { type: "integer", description: "The activity's public number; it identifies the activity in URLs." },
        title: { type: "string" },
        subjectMatter: { type: "string", description: "What is examined." },
        state: ref.schema("ActivityState"),
        forms: { type: "array", items: ref.schema("ActivityForm"), minItems: 1 },
        subject: {
          description: "Who runs it: a citizen alone, or a verified non-profit organization.",
          oneOf: [
            { type: "object", required: ["type", "name"], properties: { type: { const: "citizen" }, name: { type: ["string", "null"], description: "The citizen's display name." } } },
            {
              type: "object",
              required: ["type", "organization"],
              properties: {
                type: { const: "organization" },
                organization: {
                  type: "object",
                  required: ["slug", "name", "html"],
                  properties: { slug: { type: "string" }, name: { type: "string" }, html: { type: "string", format: "uri" } },
                },
              },
            },
          ],
        },
        object: {
          type: "object",
          description: "The state body examined.",
          required: ["slug", "name"],
          properties: { slug: { type: "string" }, name: ref.schema("LocalizedName") },
        },
        plannedStart: day,
        plannedEnd: day,
        announcedAt: nullableInstant,
        completedAt: nullableInstant,
        finalDocumentDueOn: { ...nullableDay, description: "The final document must be sent by this day: 7 working days after completion." },
        sentAt: nullableInstant,
        answerDueOn: { ...nullableDay, description: "The body must answer every recommendation by this day: 10 working days after sending." },
        answeredAt: nullableInstant,
        closedAt: nullableInstant,
        overdueInformationRequests: { type: "integer", minimum: 0, description: "Information requests past their due day without an answer." },
        links: itemLinksSchema("The activity's page."),
      },
    },
    ActivityDetail: {
      allOf: [
        ref.schema("ActivitySummary"),
        {
          type: "object",
          required: ["goals", "team", "considerationHearing", "informationRequests", "finalDocument", "recommendations", "timeline"],
          properties: {
            goals: { type: "string" },
            team: {
              type: "array",
              items: {
                type: "object",
                required: ["name", "role", "conflictOfInterestDeclaration", "declaredAt"],
                properties: { name: { type: "string" }, role: { type: "string" }, conflictOfInterestDeclaration: { type: "string" }, declaredAt: { type: "string", format: "date-time" } },
              },
            },
            considerationHearing: {
              description: "The body's hearing on the final document, when it scheduled one.",
              oneOf: [{ type: "null" }, { type: "object", required: ["startsAt", "place"], properties: { startsAt: { type: "string", format: "date-time" }, place: { type: "string" } } }],
            },
            informationRequests: {
              type: "array",
              items: {
                type: "object",
                required: ["number", "question", "askedAt", "dueOn", "state", "overdue", "answerText", "refusalGround", "answeredAt", "attachments"],
                properties: {
                  number: { type: "integer" },
                  question: { type: "string" },
                  askedAt: { type: "string", format: "date-time" },
                  dueOn: { ...day, description: "15 working days after asking (a setting)." },
                  state: { type: "string", enum: [...INFORMATION_REQUEST_STATES] },
                  overdue: { type: "boolean", description: "Still pending after its due day." },
                  answerText: { type: ["string", "null"] },
                  refusalGround: { type: ["string", "null"], description: "The legal ground given for refusing." },
                  answeredAt: nullableInstant,
                  attachments: {
                    type: "array",
                    items: { type: "object", required: ["name", "mimeType", "size", "url"], properties: { name: { type: "string" }, mimeType: { type: "string" }, size: { type: "integer" }, url: { type: "string", format: "uri" } } },
                  },
                },
              },
            },
            finalDocument: {
              description: "Published once sent.",
              oneOf: [{ type: "null" }, { type: "object", required: ["factsFound", "sentAt"], properties: { factsFound: { type: "string" }, sentAt: { type: "string", format: "date-time" } } }],
            },
            recommendations: {
              type: "array",
              description: "The final document's recommendations in their numbered order, each with the body's answer and the subject's follow-up.",
              items: {
                type: "object",
                required: ["number", "text", "answer", "implementation"],
                properties: {
                  number: { type: "integer", minimum: 1 },
                  text: { type: "string" },
                  answer: {
                    oneOf: [
                      { type: "null" },
                      {
                        type: "object",
                        required: ["decision", "reasons", "measures", "measuresDueOn", "answeredAt"],
                        properties: {
                          decision: { type: "string", enum: [...RECOMMENDATION_DECISIONS] },
                          reasons: { type: ["string", "null"] },
                          measures: { type: ["string", "null"] },
                          measuresDueOn: nullableDay,
                          answeredAt: nullableInstant,
                        },
                      },
                    ],
                  },
                  implementation: {
                    oneOf: [
                      { type: "null" },
                      {
                        type: "object",
                        required: ["state", "note", "markedAt", "evidence"],
                        properties: {
                          state: { type: "string", enum: [...IMPLEMENTATION_STATES] },
                          note: { type: ["string", "null"] },
                          markedAt: nullableInstant,
                          evidence: { type: ["string", "null"], format: "uri" },
                        },
                      },
                    ],
                  },
                },
              },
            },
            timeline: {
              type: "array",
              description: "The public history, oldest first. Never names who acted.",
              items: {
                type: "object",
                required: ["entity", "action", "occurredAt", "fromState", "toState"],
                properties: {
                  entity: { type: "string", enum: ["activity", "information_request"] },
                  action: { type: "string" },
                  occurredAt: { type: "string", format: "date-time" },
                  fromState: { type: ["string", "null"] },
                  toState: { type: ["string", "null"] },
                },
              },
            },
          },
        },
      ],
    },
  },
  paths: {
    "/api/v1/activities": {
      get: {
        tags: [TAG],
        operationId: "listActivities",
        summary: "List public-control activities",
        description: `Filtered, searched and paginated, the latest announced first. Known parameters: ${ACTIVITY_API_PARAMETERS.join(", ")}. An unknown, repeated or invalid parameter is refused with 400; an empty value counts as not given.`,
        parameters: [
          { name: "q", in: "query", required: false, description: "Full-text search in title, subject matter and goals.", schema: { type: "string", maxLength: 200 } },
          { name: "agency", in: "query", required: false, description: "Only activities examining this state body (its slug, as in `object.slug`).", schema: { type: "string", maxLength: 100 } },
          { name: "organization", in: "query", required: false, description: "Only activities run by this organization (its slug).", schema: { type: "string", maxLength: 100 } },
          { name: "form", in: "query", required: false, description: "Only activities using this form.", schema: ref.schema("ActivityForm") },
          { name: "state", in: "query", required: false, description: "Only activities in this state. Default: every public state.", schema: ref.schema("ActivityState") },
          ref.parameter("Page"),
          perPageParameter(100, 20),
          ref.parameter("IfNoneMatch"),
        ],
        responses: jsonListResponses("One page of activities.", "ActivitySummary"),
      },
    },
    "/api/v1/activities/{number}": {
      get: {
        tags: [TAG],
        operationId: "getActivity",
        summary: "One public-control activity",
        description: "With its team and declarations, information requests, the sent final document, each recommendation with the body's answer and the follow-up, and the public history.",
        parameters: [
          { name: "number", in: "path", required: true, description: "The activity's public number.", schema: { type: "integer", minimum: 1 } },
          ref.parameter("IfNoneMatch"),
        ],
        responses: jsonItemResponses("The activity.", "ActivityDetail"),
      },
    },
  },
};
