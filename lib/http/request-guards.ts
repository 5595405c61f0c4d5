import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyLimitFor } from "./body-limits";
import { sendJsonError } from "./json-error";
import { isSameOrigin } from "./same-origin";

// What server.ts refuses before a request reaches the hot path or Next: addresses and headers
// no page can use, cross-site form posts, and bodies over their route's limit. Each is the
// client's mistake (or attack), answered 4xx with a JSON body and the security headers, where
// deeper down it would have been a 500 (README "Hostile requests").

/** A host name or IPv4 address, or an IPv6 address in brackets, with an optional port. */
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(:\d{1,5})?$/;
const PROTOCOLS = new Set(["http", "https"]);
/** Methods that carry a change: a form post or a server action. */
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The URL's path decodes as UTF-8 (Next fails with a 500 on `/activities/%FF`). */
function pathDecodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses with 400 an address or header that nothing behind could use: a NUL (%00), which
 * Postgres cannot hold in text; a path whose %-encoding is not UTF-8; a Host or X-Forwarded-Host
 * that is not a host name; an X-Forwarded-Proto other than http or https (Auth.js builds its
 * URLs from them). Returns true when it answered.
 */
export function refuseMalformedAddress(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  if (/%00/i.test(url)) return refuse(res, 400, "validation", "The address contains a NUL character (%00), which no page or field accepts.");
  if (!pathDecodes(url.split("?", 1)[0])) return refuse(res, 400, "validation", "The address contains a %-escape that is not valid UTF-8.");
  const host = headerValue(req, "host");
  if (host !== undefined && !HOST.test(host)) return refuse(res, 400, "validation", "The Host header is not a host name.");
  const forwardedHost = headerValue(req, "x-forwarded-host");
  if (forwardedHost !== undefined && !forwardedHost.split(",").every((value) => HOST.test(value.trim()))) {
    return refuse(res, 400, "validation", "The X-Forwarded-Host header is not a host name.");
  }
  const proto = headerValue(req, "x-forwarded-proto");
  if (proto !== undefined && !proto.split(",").every((value) => PROTOCOLS.has(value.trim().toLowerCase()))) {
    return refuse(res, 400, "validation", "The X-Forwarded-Proto header must be http or https.");
  }
  return false;
}

/**
 * A form post or server action to a page (not /api/…, whose routes check their own callers)
 * whose Origin is not this site, is "null", or is not a URL: refused with 403 before Next,
 * which would answer it with a 500.
 */
export function refuseCrossSitePost(req: IncomingMessage, res: ServerResponse): boolean {
  if (!UNSAFE_METHODS.has(req.method ?? "GET") || (req.url ?? "/").startsWith("/api/")) return false;
  if (req.headers.origin === undefined) return false;
  const headers = { get: (name: string) => headerValue(req, name.toLowerCase()) ?? null } as Headers;
  if (isSameOrigin(headers)) return false;
  closeAfterAnswer(req);
  return refuse(res, 403, "forbidden", "Cross-site request refused.", { connection: "close" });
}

/**
 * A body larger than its route accepts (lib/http/body-limits.ts), by its Content-Length, is
 * answered 413 before it is read; so is a body of unknown length (chunked) sent to a route that
 * is not the hot path, which would otherwise have to be read to learn its size (411). The
 * connection is closed after the answer: what the client is still sending is not read.
 */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse): boolean {
  const declared = req.headers["content-length"];
  const path = (req.url ?? "/").split("?", 1)[0];
  const limit = bodyLimitFor(path, req.headers["content-type"]);
  if (declared === undefined) {
    if (req.headers["transfer-encoding"] === undefined) return false;
    return refuseBody(req, res, 411, "Send the body with a Content-Length.");
  }
  if (Number(declared) <= limit) return false;
  return refuseBody(req, res, 413, `The request is larger than this address accepts (${Math.floor(limit / 1024)} KB).`);
}

function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, message: string): true {
  closeAfterAnswer(req);
  refuse(res, status, "too_large", message, { connection: "close" });
  return true;
}

/** How long, and how much, a refused body is still read after the answer before the connection is cut. */
const LINGER_MS = 5_000;
const LINGER_MAX_BYTES = 128 * 1024 * 1024;

/**
 * Closes the connection once the answer is out, the way a client still sending its body can
 * read that answer: our side is ended (FIN), and what the client goes on sending is read and
 * dropped until it closes its side, for at most LINGER_MS or LINGER_MAX_BYTES. Node would destroy
 * the socket at once, and data arriving at a destroyed socket makes the kernel reset the
 * connection — which can discard the 413 before the client has read it (under load, the
 * hostile suite's client saw a write EPIPE instead of the answer).
 */
export function closeAfterAnswer(req: IncomingMessage): void {
  const socket = req.socket;
  socket.destroySoon = function lingeringClose() {
    socket.end();
    let read = 0;
    const cut = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    const timer = setTimeout(cut, LINGER_MS);
    timer.unref();
    socket.once("end", cut);
    socket.once("close", () => clearTimeout(timer));
    socket.on("data", (chunk: Buffer) => {
      read += chunk.length;
      if (read > LINGER_MAX_BYTES) cut();
    });
    socket.resume();
  };
}

function refuse(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): true {
  sendJsonError(res, status, code, message, headers);
  return true;
}
