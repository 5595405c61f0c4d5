// The OpenAPI document as people read it on /open-data: operations grouped by area, every
// $ref resolved, with an example request for each. Pure: takes the document, returns data.

import type { buildOpenApiDocument } from "./openapi";

type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
type Json = Record<string, unknown>;

/** One parameter of an operation, ready to show in a table. */
export interface ReferenceParameter {
  name: string;
  in: string;
  required: boolean;
  description: string;
  /** "integer", "string", … */
  type: string;
  /** Allowed values, when the parameter is an enum. */
  values: string[];
  defaultValue: string | null;
}

/** One response an operation may give. */
export interface ReferenceResponse {
  status: string;
  description: string;
  contentTypes: string[];
}

/** One operation (GET /api/v1/petitions). */
export interface ReferenceOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: ReferenceParameter[];
  responses: ReferenceResponse[];
  /** A request that works on this site, path parameters filled with real-looking values. */
  example: string;
}

/** One area of the API (a tag) with its operations. */
export interface ReferenceArea {
  name: string;
  description: string;
  operations: ReferenceOperation[];
}

/** Values for path parameters in the examples: the demo data has petition and activity 1 and the Akimat of Astana. */
const EXAMPLE_PATH_VALUES: Record<string, string> = { number: "1", id: "1", agencySlug: "akimat-astana" };

/** Example queries for lists, to show a filter at work. */
const EXAMPLE_QUERIES: Record<string, string> = {
  listPetitions: "?state=open&sort=most_signed&perPage=5",
  listPetitionsCsv: "?state=responded",
  listActivities: "?perPage=5",
};

function resolve(document: OpenApiDocument, value: unknown): Json {
  let current = value as Json;
  // Refs point inside the same document ("#/components/parameters/Page"); follow a few levels.
  for (let depth = 0; depth < 5 && current && typeof current.$ref === "string"; depth++) {
    const path = (current.$ref as string).replace(/^#\//, "").split("/");
    current = path.reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document) as Json;
  }
  return current ?? {};
}

function typeOf(schema: Json): string {
  const type = schema.type;
  return Array.isArray(type) ? type.join(" | ") : typeof type === "string" ? type : "string";
}

/** The reference of the whole document, in the document's order of areas and paths. */
export function apiReference(document: OpenApiDocument): ReferenceArea[] {
  const areas: ReferenceArea[] = document.tags.map((tag) => ({ name: tag.name, description: tag.description, operations: [] }));
  const origin = document.servers[0]?.url ?? "";
  for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
    for (const [method, value] of Object.entries(item)) {
      const operation = value as Json;
      const parameters = ((operation.parameters as unknown[]) ?? []).map((raw) => {
        const parameter = resolve(document, raw);
        const schema = resolve(document, parameter.schema);
        return {
          name: String(parameter.name),
          in: String(parameter.in),
          required: parameter.required === true,
          description: String(parameter.description ?? ""),
          type: typeOf(schema),
          values: Array.isArray(schema.enum) ? schema.enum.map(String) : [],
          defaultValue: schema.default === undefined ? null : String(schema.default),
        };
      });
      const responses = Object.entries((operation.responses as Json) ?? {}).map(([status, raw]) => {
        const response = resolve(document, raw);
        return { status, description: String(response.description ?? ""), contentTypes: Object.keys((response.content as Json) ?? {}) };
      });
      const id = String(operation.operationId ?? `${method} ${path}`);
      const examplePath = path.replace(/\{(\w+)\}/g, (_, name: string) => EXAMPLE_PATH_VALUES[name] ?? "1");
      const entry: ReferenceOperation = {
        id,
        method: method.toUpperCase(),
        path,
        summary: String(operation.summary ?? ""),
        description: String(operation.description ?? ""),
        parameters,
        responses,
        example: `${origin}${examplePath}${EXAMPLE_QUERIES[id] ?? ""}`,
      };
      const tags = (operation.tags as string[] | undefined) ?? [];
      let area = areas.find((candidate) => tags.includes(candidate.name));
      if (!area) {
        area = { name: tags[0] ?? "API", description: "", operations: [] };
        areas.push(area);
      }
      area.operations.push(entry);
    }
  }
  return areas.filter((area) => area.operations.length > 0);
}
