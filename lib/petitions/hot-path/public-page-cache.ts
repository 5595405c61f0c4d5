import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { isLocale, LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locales";
import { hasSessionCookie, parseCookies } from "./http-handler";

/** The pages a crowd lands on: the home page, the petition list (with its filters and search) and a petition's page. */
const PUBLIC_PAGE = /^\/(petitions(\/\d+)?\/?)?(\?|$)/;
/** Those pages for people who are not signed in: a CDN keeps them a second, then revalidates in the background. */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=5";
const PRIVATE = "private, no-cache, no-store, max-age=0, must-revalidate";
/** A query naming the private support token (?support=…). */
const SUPPORT_LINK = /[?&]support=/;
/** Headers of a rendered page that belong to its connection or moment, not to the page. */
const NOT_KEPT = new Set(["date", "connection", "keep-alive", "transfer-encoding", "set-cookie"]);

/** A rendered public page, kept for a moment in this process. */
interface KeptPage {
  headers: OutgoingHttpHeaders;
  body: Buffer;
  etag: string;
  renderedAt: number;
}

export interface PublicPageCacheOptions {
  /**
   * How long a rendered page is served to everyone else who asks (ms). Half a second: the
   * page's count stays within the 1 s the count endpoint promises, and a crowd on one
   * petition costs two renders a second instead of one per viewer. 0 turns keeping off.
   */
  keepMs?: number;
  /** Most pages kept at once (one per petition and language); beyond it the oldest go. */
  maxPages?: number;
  now?: () => number;
}

/**
 * The public pages a crowd lands on (home, petition list and search, a petition's page)
 * without a CDN in front: for a GET without a session cookie (the pages show the header's
 * sign-in state, so a signed-in page is never shared), it
 *
 * - sets Cache-Control before Next renders (Next keeps a Cache-Control it finds), so that a
 *   CDN may keep it a second;
 * - buffers the HTML to add a weak ETag and answer a matching If-None-Match with 304 (Next
 *   sends no ETag for dynamic pages);
 * - keeps the rendered page for `keepMs` and serves it to the next viewers of the same URL in
 *   the same language, and lets viewers who arrive while it renders wait for that render
 *   instead of starting their own — the origin's own micro-cache, so that a viral petition's
 *   crowd does not queue for renders (~17 ms of CPU each) even with no CDN configured.
 *
 * The page depends on the language (cookie or Accept-Language) and is compressed as the
 * request's Accept-Encoding asks, hence Vary and the key.
 * Anything but a 200 without Set-Cookie goes out private and is not kept.
 */
export function createPublicPageCache(options: PublicPageCacheOptions = {}) {
  const keepMs = options.keepMs ?? 500;
  const maxPages = options.maxPages ?? 2_000;
  const now = options.now ?? Date.now;
  const kept = new Map<string, KeptPage>();
  const rendering = new Map<string, Promise<KeptPage | null>>();

  function keyOf(req: IncomingMessage): string {
    const chosen = parseCookies(req.headers.cookie).get(LOCALE_COOKIE);
    const locale = isLocale(chosen) ? chosen : negotiateLocale(req.headers["accept-language"]);
    // Next compresses as the request's Accept-Encoding asks: a gzipped page is kept for gzip askers only.
    return `${locale}\u0000${req.headers["accept-encoding"] ?? ""}\u0000${req.url}`;
  }

  function keep(key: string, page: KeptPage) {
    if (keepMs <= 0) return;
    kept.delete(key);
    kept.set(key, page);
    // Oldest first in a Map's order: drop from the front.
    while (kept.size > maxPages) kept.delete(kept.keys().next().value!);
  }

  function sendKept(req: IncomingMessage, res: ServerResponse, page: KeptPage): void {
    for (const [name, value] of Object.entries(page.headers)) if (value !== undefined) res.setHeader(name, value);
    const ifNoneMatch = req.headers["if-none-match"];
    if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === page.etag)) {
      res.statusCode = 304;
      res.removeHeader("Content-Length");
      res.removeHeader("Content-Type");
      res.end();
      return;
    }
    res.statusCode = 200;
    res.setHeader("Content-Length", page.body.length);
    res.end(req.method === "HEAD" ? undefined : page.body);
  }

  /**
   * Answers `req` from a kept page, or waits for the render already under way, or calls
   * `render()` (Next's handler) with `res` wrapped to add the headers and keep the result.
   */
  return function handlePublicPage(req: IncomingMessage, res: ServerResponse, render: () => void): void {
    if ((req.method !== "GET" && req.method !== "HEAD") || !PUBLIC_PAGE.test(req.url ?? "")) return render();
    // Client-side navigations fetch an RSC payload that depends on the router state: not shared.
    if (req.headers["rsc"] || req.headers["next-router-state-tree"] || (req.url ?? "").includes("_rsc=")) return render();
    if (hasSessionCookie(req)) return render();
    // A petition opened through its creator's private support link: the token is in the address, so
    // neither this cache nor a CDN or browser cache may keep the page.
    if (SUPPORT_LINK.test(req.url ?? "")) {
      res.setHeader("Cache-Control", PRIVATE);
      return render();
    }

    const key = keyOf(req);
    const fresh = kept.get(key);
    if (fresh && now() - fresh.renderedAt < keepMs) {
      sendKept(req, res, fresh);
      return;
    }
    const underway = rendering.get(key);
    if (underway) {
      void underway.then((page) => (page ? sendKept(req, res, page) : renderAndKeep(req, res, render, null)));
      return;
    }
    let settle!: (page: KeptPage | null) => void;
    rendering.set(key, new Promise<KeptPage | null>((resolve) => (settle = resolve)));
    renderAndKeep(req, res, render, (page) => {
      rendering.delete(key);
      if (page) keep(key, page);
      settle(page);
    });
  };

  function renderAndKeep(req: IncomingMessage, res: ServerResponse, render: () => void, done: ((page: KeptPage | null) => void) | null) {
    res.setHeader("Cache-Control", PUBLIC_PAGE_CACHE_CONTROL);
    let finished = false;
    const finish = (page: KeptPage | null) => {
      if (finished) return;
      finished = true;
      done?.(page);
    };
    res.once("close", () => finish(null));

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
        finish(null);
        return originalEnd(req.method === "HEAD" ? undefined : body);
      }
      const etag = `W/"${createHash("sha1").update(body).digest("base64url")}"`;
      res.setHeader("ETag", etag);
      const vary = String(res.getHeader("Vary") ?? "");
      res.setHeader("Vary", [vary, "Cookie", "Accept-Language"].filter(Boolean).join(", "));
      // A HEAD renders no body: nothing to keep for the GETs.
      if (req.method === "GET") {
        const headers: OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(res.getHeaders())) if (!NOT_KEPT.has(name) && name !== "content-length") headers[name] = value;
        finish({ headers, body, etag, renderedAt: now() });
      } else finish(null);
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
    render();
  }
}
