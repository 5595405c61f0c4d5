// The pieces of the OpenAPI document that every area's module uses (see openapi.ts).

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it) or a $ref. */
export type JsonSchema = { [key: string]: unknown };

/** One area's part of the document. Names must not clash with another module's. */
export interface OpenApiModule {
  tags: Array<{ name: string; description: string }>;
  /** Keyed by full path, e.g. "/api/v1/petitions". */
  paths: Record<string, Record<string, unknown>>;
  /** Schemas under #/components/schemas. */
  schemas: Record<string, JsonSchema>;
  /** Parameters under #/components/parameters. */
  parameters?: Record<string, unknown>;
}

/** Refs to the shared pieces, for the modules to use. */
export const ref = {
  schema: (name: string) => ({ $ref: `#/components/schemas/${name}` }),
  parameter: (name: string) => ({ $ref: `#/components/parameters/${name}` }),
  response: (name: string) => ({ $ref: `#/components/responses/${name}` }),
  header: (name: string) => ({ $ref: `#/components/headers/${name}` }),
};

/** Headers every cacheable 200 carries. */
export const cachedResponseHeaders = { "Cache-Control": ref.header("CacheControl"), ETag: ref.header("ETag") };

/** The responses under #/components/responses (defined in openapi.ts), by the status they answer with. */
const RESPONSE_STATUS = { NotModified: "304", BadRequest: "400", NotFound: "404" } as const;

/** Refs to shared responses, keyed by their status: `{ "200": …, ...responseRefs("NotModified", "BadRequest") }`. */
export function responseRefs(...names: Array<keyof typeof RESPONSE_STATUS>): Record<string, { $ref: string }> {
  return Object.fromEntries(names.map((name) => [RESPONSE_STATUS[name], ref.response(name)]));
}

/** X-Total-Count of a list: how many items there are on all pages. */
export const totalCountHeader = (description: string) => ({ description, schema: { type: "integer" } });

/** Link of a CSV list, pointing to its neighbouring pages (see paginationLinkHeader in pagination.ts). */
export const linkHeader = { description: 'rel="next" / rel="prev" links to neighbouring pages, when there are any.', schema: { type: "string" } };

/** The perPage query parameter of a list. */
export const perPageParameter = (maximum: number, defaultValue: number) => ({
  name: "perPage",
  in: "query",
  required: false,
  schema: { type: "integer", minimum: 1, maximum, default: defaultValue },
});

/** The JSON body of a list (see listPageJson in pagination.ts): a page of items, its PageMeta and PageLinks. */
export const listPageSchema = (itemSchema: string, meta: JsonSchema = ref.schema("PageMeta")) => ({
  type: "object",
  required: ["data", "meta", "links"],
  properties: { data: { type: "array", items: ref.schema(itemSchema) }, meta, links: ref.schema("PageLinks") },
});

/** The responses of a JSON list with the usual caching: one page (200), 304, and 400 for a bad query. */
export const jsonListResponses = (description: string, itemSchema: string) => ({
  "200": { description, headers: cachedResponseHeaders, content: { "application/json": { schema: listPageSchema(itemSchema) } } },
  ...responseRefs("NotModified", "BadRequest"),
});

/** The responses of a read of one item as JSON `{ data }` with the usual caching: 200, 304, and 404. */
export const jsonItemResponses = (description: string, itemSchema: string) => ({
  "200": {
    description,
    headers: cachedResponseHeaders,
    content: { "application/json": { schema: { type: "object", required: ["data"], properties: { data: ref.schema(itemSchema) } } } },
  },
  ...responseRefs("NotModified", "NotFound"),
});

/** An item's `links`: its address in the API and its page on the site. */
export const itemLinksSchema = (htmlDescription: string) => ({
  type: "object",
  required: ["self", "html"],
  properties: { self: { type: "string", format: "uri" }, html: { type: "string", format: "uri", description: htmlDescription } },
});

/** Calendar days and instants, as the API writes them. */
export const day = { type: "string", format: "date", description: "A calendar day in Asia/Almaty." };
export const nullableDay = { type: ["string", "null"], format: "date", description: "A calendar day in Asia/Almaty." };
export const nullableInstant = { type: ["string", "null"], format: "date-time" };
