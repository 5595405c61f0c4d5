import { cachedJson } from "@/lib/open-data/http";
import { buildOpenApiDocument } from "@/lib/open-data/openapi";

export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 description of the open-data API. */
export async function GET(request: Request): Promise<Response> {
  return cachedJson(request, buildOpenApiDocument());
}
