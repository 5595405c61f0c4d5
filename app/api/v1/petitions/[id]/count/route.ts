import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { jsonError } from "@/lib/http/json-error";
import { readPublicCount } from "@/lib/petitions/hot-path/count-cache";

export const dynamic = "force-dynamic";

/**
 * The live count of a public petition. The custom server answers this URL itself from a
 * cache at most 200 ms old (lib/petitions/hot-path); this handler is the fallback.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const count = /^\d+$/.test(raw) ? await readPublicCount(getDb(), Number(raw)) : null;
  if (!count) return jsonError("not_found", "No such petition");
  const etag = `W/"${count.confirmed}-${count.invalidated}-${count.threshold ?? ""}"`;
  const headers = { "cache-control": "public, s-maxage=1, stale-while-revalidate=5", etag, "access-control-allow-origin": "*" };
  if (request.headers.get("if-none-match")?.split(",").some((tag) => tag.trim() === etag)) return new Response(null, { status: 304, headers });
  return Response.json(count, { headers });
}
