import type { IncomingMessage, ServerResponse } from "node:http";
import { confirmAnswer, confirmedLocation, refusedLocation } from "../confirm-redirects";
import { and, eq, gt } from "drizzle-orm";
import { sessions } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { ERROR_STATUS, isDatabaseUnavailable, isDomainError, loggable } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { closeAfterAnswer } from "@/lib/http/request-guards";
import { isSameOrigin } from "@/lib/http/same-origin";
import { securityHeaderObject } from "@/lib/http/security-headers";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locales";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { isBigSerialId, serialNumberOf } from "@/lib/validation/numbers";
import { signatureFormSchema } from "../schema";
import type { HotPath } from "./hot-path-services";
import { BatchFailedError } from "./micro-batcher";

// The three requests a viral petition brings by the thousand, answered by the custom server
// without Next's ~1 ms request pipeline. Same URLs, bodies and answers as the route handlers
// in app/api/v1/…, which stay as the fallback.

const SIGN = /^\/api\/v1\/petitions\/([^/]+)\/signatures\/?$/;
const CONFIRM = /^\/api\/v1\/signatures\/([^/]+)\/confirm\/?$/;
const COUNT = /^\/api\/v1\/petitions\/([^/]+)\/count\/?$/;
const MAX_BODY_BYTES = 16 * 1024;
/** Auth.js's database-session cookie; over HTTPS it carries the __Secure- prefix. */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** Headers as the shared helpers (same-origin, client IP) read them. */
function headersOf(req: IncomingMessage): Headers {
  return {
    get(name: string) {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
  } as Headers;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) {
      try {
        cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
      } catch {
        cookies.set(name, part.slice(eq + 1).trim());
      }
    }
  }
  return cookies;
}

/** True when the request carries a session cookie (the page then shows who is signed in). */
export function hasSessionCookie(req: IncomingMessage): boolean {
  const header = req.headers.cookie;
  return !!header && SESSION_COOKIES.some((name) => header.includes(name));
}

/** Computed once: the hot path answers thousands of requests a second. */
const SECURITY_HEADERS = securityHeaderObject();

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const payload = body === null ? "" : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store",
    ...SECURITY_HEADERS,
    ...headers,
  });
  res.end(payload);
}

function sendError(res: ServerResponse, error: unknown) {
  if (isDomainError(error)) {
    return send(res, ERROR_STATUS[error.code], {
      error: { code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) },
    });
  }
  // Nothing of the batch was written, or the database is away for a moment (a restart, a cut
  // connection, read-only): the client may simply try again — the settings or count read
  // before a batch fail the same way while Postgres restarts.
  if (error instanceof BatchFailedError || isDatabaseUnavailable(error)) {
    return send(res, 503, { error: { code: "unavailable", message: "Busy, nothing was saved; try again" } }, { "retry-after": "1" });
  }
  console.error("[hot-path] unexpected error:", loggable(error));
  send(res, 500, { error: { code: "internal", message: "Internal error" } });
}

/** 413 for a body over the hot path's limit; the client may still be sending it, so the close lingers. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  closeAfterAnswer(req);
  send(res, 413, { error: { code: "too_large", message: "Request too large" } }, { connection: "close" });
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function localeOf(req: IncomingMessage, cookies: Map<string, string>): Locale {
  const chosen = cookies.get(LOCALE_COOKIE);
  return isLocale(chosen) ? chosen : negotiateLocale(req.headers["accept-language"]);
}

/** The Auth.js session token the request carries, if any. */
function sessionTokenOf(cookies: Map<string, string>): string | undefined {
  return SESSION_COOKIES.map((name) => cookies.get(name)).find(Boolean);
}

async function actorOf(db: Database, token: string, now: Date): Promise<Actor | null> {
  const [session] = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, now)));
  return session ? loadActor(db, session.userId) : null;
}

async function handleSign(hot: HotPath, db: Database, req: IncomingMessage, res: ServerResponse, rawNumber: string) {
  const headers = headersOf(req);
  if (!isSameOrigin(headers)) return send(res, 403, { error: { code: "forbidden", message: "Cross-site request refused" } });
  const number = serialNumberOf(rawNumber);
  if (number === null) return send(res, 404, { error: { code: "not_found", message: "No such petition" } });
  const text = await readBody(req);
  // The rest of the body is not read: the connection closes after the answer.
  if (text === null) return refuseTooLarge(req, res);
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return send(res, 400, { error: { code: "validation", message: "Send a JSON object" } });
  const parsed = signatureFormSchema.safeParse(body);
  if (!parsed.success) return send(res, 400, { error: { code: "validation", message: "Some fields need attention", fieldErrors: fieldErrorsOf(parsed.error) } });
  const cookies = parseCookies(req.headers.cookie);
  const now = new Date();
  const supportToken = (body as { supportToken?: unknown }).supportToken;
  // Most signers are not signed in: no wait for a session that is not there.
  const token = sessionTokenOf(cookies);
  const result = await hot.sign({
    petitionNumber: number,
    supportToken: typeof supportToken === "string" ? supportToken : undefined,
    input: parsed.data,
    ip: clientIp(headers, req.socket.remoteAddress),
    locale: localeOf(req, cookies),
    actor: token ? await actorOf(db, token, now) : null,
    now,
  });
  send(res, 202, result);
}

async function handleConfirm(hot: HotPath, req: IncomingMessage, res: ServerResponse, rawId: string) {
  const wantsJson = (req.headers["content-type"] ?? "").includes("application/json");
  const signatureId = /^\d{1,16}$/.test(rawId) ? Number(rawId) : NaN;
  const text = await readBody(req);
  if (text === null) return refuseTooLarge(req, res);
  let token = "";
  if (wantsJson) {
    try {
      const body = JSON.parse(text) as { t?: unknown } | null;
      if (body && typeof body.t === "string") token = body.t;
    } catch {
      token = "";
    }
  } else {
    token = new URLSearchParams(text).get("t") ?? "";
  }
  try {
    const result = await hot.confirm({ signatureId, token });
    if (wantsJson) return send(res, 200, confirmAnswer(result));
    // A relative Location: the browser resolves it against the address it used.
    res.writeHead(303, { location: confirmedLocation(result), "cache-control": "no-store", "content-length": 0 });
    res.end();
  } catch (error) {
    if (wantsJson) return sendError(res, error);
    const busy = error instanceof BatchFailedError || isDatabaseUnavailable(error);
    const code = isDomainError(error) ? error.message : busy ? "busy" : "internal";
    if (!isDomainError(error) && !busy) console.error("[confirm] unexpected error:", loggable(error));
    res.writeHead(303, {
      location: refusedLocation(signatureId, token, code),
      "cache-control": "no-store",
      "content-length": 0,
    });
    res.end();
  }
}

async function handleCount(hot: HotPath, req: IncomingMessage, res: ServerResponse, rawNumber: string) {
  const number = serialNumberOf(rawNumber);
  const count = number === null ? null : await hot.count(number);
  if (!count) return send(res, 404, { error: { code: "not_found", message: "No such petition" } });
  const etag = `W/"${count.confirmed}-${count.invalidated}-${count.threshold ?? ""}"`;
  const headers = {
    // A CDN may keep it a second and serve it a few more while it fetches a fresh one.
    "cache-control": "public, s-maxage=1, stale-while-revalidate=5",
    etag,
    "access-control-allow-origin": "*",
  };
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === etag)) {
    res.writeHead(304, headers);
    return res.end();
  }
  if (req.method === "HEAD") {
    res.writeHead(200, { ...headers, "content-type": "application/json" });
    return res.end();
  }
  send(res, 200, count, headers);
}

/**
 * Answers the hot requests and returns true, or returns false without touching the request
 * so that the caller hands it to Next (every other URL, and forms posted as multipart).
 */
export function createHotPathHandler(hot: HotPath, db: Database) {
  return function handleHotRequest(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "/";
    if (!url.startsWith("/api/v1/")) return false;
    const path = url.split("?", 1)[0];
    let work: Promise<unknown> | null = null;
    let match: RegExpExecArray | null;
    if (req.method === "POST" && (match = SIGN.exec(path))) work = handleSign(hot, db, req, res, match[1]);
    else if (req.method === "POST" && (match = CONFIRM.exec(path)) && !(req.headers["content-type"] ?? "").startsWith("multipart/")) {
      work = handleConfirm(hot, req, res, match[1]);
    } else if ((req.method === "GET" || req.method === "HEAD") && (match = COUNT.exec(path))) work = handleCount(hot, req, res, match[1]);
    if (!work) return false;
    work.catch((error) => {
      if (!res.headersSent) sendError(res, error);
      else res.destroy();
    });
    return true;
  };
}
