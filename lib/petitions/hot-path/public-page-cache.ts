import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { hasSessionCookie } from "./http-handler";

const PETITION_PAGE = /^\/petitions\/\d+\/?(\?|$)/;
/** The petition page for people who are not signed in: a CDN keeps it a second, then revalidates in the background. */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=5";
const PRIVATE = "private, no-cache, no-store, max-age=0, must-revalidate";

/**
 * Makes the public petition page cacheable by a CDN: for a GET without a session cookie
 * (the page shows the header's sign-in state, so a signed-in page is never shared), sets
 * Cache-Control before Next renders (Next keeps a Cache-Control it finds), and — as Next
 * sends no ETag for dynamic pages — buffers the HTML to add a weak ETag and answer a
 * matching If-None-Match with 304. The page depends on the language (cookie or
 * Accept-Language), hence Vary. Anything but a 200 without Set-Cookie goes out private.
 */
export function cachePublicPetitionPage(req: IncomingMessage, res: ServerResponse): void {
  if ((req.method !== "GET" && req.method !== "HEAD") || !PETITION_PAGE.test(req.url ?? "")) return;
  // Client-side navigations fetch an RSC payload that depends on the router state: not shared.
  if (req.headers["rsc"] || req.headers["next-router-state-tree"] || (req.url ?? "").includes("_rsc=")) return;
  if (hasSessionCookie(req)) return;
  res.setHeader("Cache-Control", PUBLIC_PAGE_CACHE_CONTROL);

  const chunks: Buffer[] = [];
  const originalEnd = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  const originalWriteHead = res.writeHead;
  const originalFlushHeaders = res.flushHeaders;
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, (typeof encoding === "string" ? encoding : "utf8") as BufferEncoding) : Buffer.from(chunk as Uint8Array);
  const callbackOf = (...args: unknown[]) => args.find((a): a is () => void => typeof a === "function");

  res.writeHead = function writeHead(statusCode: number, ...rest: unknown[]) {
    res.statusCode = statusCode;
    const headers = rest.find((a) => a && typeof a === "object") as OutgoingHttpHeaders | string[] | undefined;
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    return res;
  } as typeof res.writeHead;
  res.flushHeaders = () => {};
  res.write = function write(chunk: unknown, ...rest: unknown[]) {
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, rest[0]));
    const callback = callbackOf(...rest);
    if (callback) process.nextTick(callback);
    return true;
  } as typeof res.write;
  res.end = function end(chunk?: unknown, ...rest: unknown[]) {
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(toBuffer(chunk, rest[0]));
    const callback = callbackOf(chunk, ...rest);
    if (callback) res.once("finish", callback);
    const body = Buffer.concat(chunks);
    // Node writes the head through res.writeHead: give it back before sending.
    res.writeHead = originalWriteHead;
    res.flushHeaders = originalFlushHeaders;
    // The body goes out in one piece, with its length (compression may have asked for chunks).
    res.removeHeader("Transfer-Encoding");
    if (res.statusCode !== 200 || res.getHeader("set-cookie")) {
      res.setHeader("Cache-Control", PRIVATE);
      res.setHeader("Content-Length", body.length);
      return originalEnd(req.method === "HEAD" ? undefined : body);
    }
    const etag = `W/"${createHash("sha1").update(body).digest("base64url")}"`;
    res.setHeader("ETag", etag);
    const vary = String(res.getHeader("Vary") ?? "");
    res.setHeader("Vary", [vary, "Cookie", "Accept-Language"].filter(Boolean).join(", "));
    const ifNoneMatch = req.headers["if-none-match"];
    if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === etag)) {
      res.statusCode = 304;
      res.removeHeader("Content-Length");
      res.removeHeader("Content-Type");
      return originalEnd();
    }
    res.setHeader("Content-Length", body.length);
    return originalEnd(req.method === "HEAD" ? undefined : body);
  } as typeof res.end;
}
