import { describe, expect, it } from "vitest";
import { apiReference } from "./api-reference";
import { buildOpenApiDocument } from "./openapi";

describe("the open-data reference a developer reads on /open-data", () => {
  const document = buildOpenApiDocument(undefined, "https://birge.example");
  const areas = apiReference(document);
  const operations = areas.flatMap((area) => area.operations);

  it("shows every operation of the OpenAPI document, each with an example request on this site", () => {
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.map((operation) => `${operation.method} ${operation.path}`).sort()).toEqual(documented.sort());
    for (const operation of operations) {
      expect(operation.summary, operation.id).not.toBe("");
      expect(operation.example, operation.id).toMatch(/^https:\/\/birge\.example\/api\/v1\/[^{}]+$/);
      expect(operation.responses.map((response) => response.status), operation.id).toContain("200");
    }
  });

  it("resolves shared parameters and responses instead of showing $ref", () => {
    const list = operations.find((operation) => operation.id === "listPetitions")!;
    expect(list.parameters.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(["q", "state", "page", "perPage", "If-None-Match"]));
    expect(list.parameters.find((parameter) => parameter.name === "state")!.values).toContain("rejected");
    expect(list.responses.find((response) => response.status === "400")!.description).toMatch(/query parameter/);
    expect(JSON.stringify(areas)).not.toContain("$ref");
  });
});
