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

