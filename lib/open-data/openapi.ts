import { siteUrl } from "@/lib/config";
import { PUBLIC_CACHE_CONTROL } from "./http";
import { cachedResponseHeaders, ref, type OpenApiModule } from "./openapi-shared";
import { petitionsOpenApi } from "./petitions-openapi";
import { scorecardsOpenApi } from "./scorecards-openapi";
import { activitiesOpenApi } from "./activities-openapi";

// The OpenAPI 3.1 document of /api/v1, served at /api/v1/openapi.json. Each area of the API
// describes itself in its own module (paths, tags, schemas); this file holds what they share
// and merges them. To add an area: write lib/open-data/<area>-openapi.ts exporting an
// OpenApiModule (types, $ref helpers and common fragments in openapi-shared.ts) and append it
// to OPEN_API_MODULES.

/** Every area of the API, in the order the document lists them. */
export const OPEN_API_MODULES: readonly OpenApiModule[] = [petitionsOpenApi, activitiesOpenApi, scorecardsOpenApi];

const errorBody = { "application/json": { schema: ref.schema("Error") } };

const shared = {
  schemas: {
    Error: {
      type: "object",
      required: ["error"],
      properties: {
        error: {
          type: "object",
          required: ["code", "message"],
          properties: {
            code: { type: "string", enum: ["validation", "not_found", "rate_limited", "internal"], description: "Stable, machine-readable." },
            message: { type: "string", description: "For people; may change." },
            fieldErrors: {
              type: "object",
              additionalProperties: { type: "array", items: { type: "string" } },
              description: "For `validation`: what is wrong with each query parameter.",
            },
          },
        },
      },
    },
    LocalizedName: {
      type: "object",
      description: "A name in Kazakh, Russian and English.",
      required: ["kk", "ru", "en"],
      properties: { kk: { type: "string" }, ru: { type: "string" }, en: { type: "string" } },
    },
    PageMeta: {
      type: "object",
      required: ["page", "perPage", "total", "pageCount"],
      properties: {
        page: { type: "integer", minimum: 1 },
        perPage: { type: "integer", minimum: 1 },
        total: { type: "integer", minimum: 0, description: "Items matching the filters, on all pages." },
        pageCount: { type: "integer", minimum: 1 },
      },
    },
    PageLinks: {
      type: "object",
      required: ["self", "first", "last", "prev", "next"],
      properties: {
        self: { type: "string", format: "uri" },
        first: { type: "string", format: "uri" },
        last: { type: "string", format: "uri" },
        prev: { type: ["string", "null"], format: "uri" },
        next: { type: ["string", "null"], format: "uri" },
      },
    },
  },
  parameters: {
    IfNoneMatch: {
      name: "If-None-Match",
      in: "header",
      required: false,
      description: "An ETag from an earlier response: the answer is 304 Not Modified with no body when nothing changed.",
      schema: { type: "string" },
    },
    Page: { name: "page", in: "query", required: false, description: "Page number, from 1.", schema: { type: "integer", minimum: 1, maximum: 10000, default: 1 } },
  },
  headers: {
    CacheControl: {
      description: `Always \`${PUBLIC_CACHE_CONTROL}\` on successful reads: shared caches may keep the answer for 10 seconds.`,
      schema: { type: "string" },
    },
    ETag: { description: "A hash of the body; send it back in If-None-Match to revalidate.", schema: { type: "string" } },
  },
  responses: {
    NotModified: {
      description: "The version named by If-None-Match is still current. No body.",
      headers: cachedResponseHeaders,
    },
    BadRequest: {
      description: "A query parameter is unknown, repeated, or has an invalid value. Nothing is guessed: fix the query.",
      content: errorBody,
    },
    NotFound: {
      description: "No such item, or it is not public (drafts, petitions gathering support, hidden, expired).",
      content: errorBody,
    },
  },
};

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown> | undefined, what: string): void {
  for (const [key, value] of Object.entries(source ?? {})) {
    if (key in target) throw new Error(`OpenAPI: ${what} "${key}" is defined twice`);
    target[key] = value;
  }
}

/** The whole document, with the site's own address as the server. */
export function buildOpenApiDocument(modules: readonly OpenApiModule[] = OPEN_API_MODULES, origin: string = siteUrl()) {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = { ...shared.schemas };
  const parameters: Record<string, unknown> = { ...shared.parameters };
  const tags: Array<{ name: string; description: string }> = [];
  for (const module of modules) {
    mergeInto(paths, module.paths, "path");
    mergeInto(schemas, module.schemas, "schema");
    mergeInto(parameters, module.parameters, "parameter");
    tags.push(...module.tags);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Birge open data API",
      version: "1.0.0",
      description:
        "Public, read-only data of Birge: petitions to state bodies of Kazakhstan, their signature counts and the answers. " +
        "No key is needed. Every successful read carries an ETag and Cache-Control; errors are JSON `{ error: { code, message } }`. " +
        "Texts are published as their authors wrote them; names of state bodies and regions come in Kazakh, Russian and English.",
      license: { name: "CC BY 4.0", identifier: "CC-BY-4.0" },
    },
    servers: [{ url: origin }],
    tags,
    paths,
    components: { schemas, parameters, headers: shared.headers, responses: shared.responses },
  };
}
