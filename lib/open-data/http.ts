import { createHash } from "node:crypto";
import { jsonError } from "@/lib/http/json-error";
import type { ErrorCode } from "@/lib/errors";

// The HTTP side of the open-data API: every public read is cacheable by shared caches for a
// few seconds and revalidated by ETag, so a popular petition costs the database little.

/** Shared caches may keep a public read 10 s, and serve it stale for a minute while refetching. */
export const PUBLIC_CACHE_CONTROL = "public, s-maxage=10, stale-while-revalidate=60";

/** Open data: any site may read it from a browser, and see the caching and paging headers. */
const CORS_HEADERS = { "access-control-allow-origin": "*", "access-control-expose-headers": "ETag, Link, X-Total-Count" };

/** A strong ETag: a hash of the exact body bytes. */
export function etagFor(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, lists and * allowed). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => bare(tag) === bare(etag));
}

/**
 * A cacheable response: 304 with no body when the client already holds this version,
 * otherwise the body with its ETag and cache headers.
 */
export function cachedResponse(request: Request, body: string, contentType: string, extraHeaders: Record<string, string> = {}): Response {
  const etag = etagFor(body);
  const headers: Record<string, string> = { ...CORS_HEADERS, "cache-control": PUBLIC_CACHE_CONTROL, etag, vary: "accept-encoding", ...extraHeaders };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "content-type": contentType } });
}

export function cachedJson(request: Request, value: unknown, extraHeaders: Record<string, string> = {}): Response {
  return cachedResponse(request, JSON.stringify(value), "application/json; charset=utf-8", extraHeaders);
}

/** `{ error: { code, message } }` with the code's status; errors are never cached. */
export function apiError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): Response {
  const response = jsonError(code, message, extra);
  response.headers.set("cache-control", "no-store");
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}
