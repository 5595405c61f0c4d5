import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { sendInternalError } from "@/lib/http/json-error";
import { applySecurityHeaders } from "@/lib/http/security-headers";
import { loggable } from "@/lib/errors";

/**
 * Next.js, prepared, as a function that renders one request: in server.ts (PGlite, development)
 * or in a render worker. A render that fails is logged; its client gets a JSON 500 if nothing
 * was sent yet, or a closed connection. Next is loaded here, not at import, so a process that
 * never renders carries none of its request bookkeeping.
 *
 * Every answer starts with the security headers (Next's own failures, such as its plain-text
 * 500, carry none otherwise), and a form post or server action that Next fails on is answered
 * 400 (answerFailedActionAs400).
 */
export async function startNextRenderer(options: { dev: boolean; port: number }): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  const { default: next } = await import("next");
  const app = next({ dev: options.dev, dir: process.cwd(), hostname: "localhost", port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  return (req, res) => {
    applySecurityHeaders(req, res);
    if (!options.dev) answerFailedActionAs400(req, res);
    handle(req, res).catch((error) => {
      console.error("[birge] request failed:", loggable(error));
      if (!res.headersSent) sendInternalError(res);
      else res.destroy();
    });
  };
}

/**
 * A form post or server action (a POST to a page) reaches Next with arguments it cannot decode
 * (not Flight encoding, a missing part), or with arguments of the wrong shape for the action
 * (no FormData, a missing field): Next answers 500. Birge's actions return their refusals —
 * validation, permissions, the database's faults — as values (toActionError), so an action
 * that throws has been sent what no form of ours sends. The answer is then a 400 with a JSON
 * body instead of Next's 500; Next has logged the error with its digest already.
 */
function answerFailedActionAs400(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== "POST" || (req.url ?? "/").startsWith("/api/")) return;
  // Node's own methods, called directly: the wrappers below stay in place (Next's compression
  // wraps them in turn, so they must never be swapped back), and only decide once.
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  let decision: "next" | "ours" | undefined;
  /** At Next's first write: its answer goes out, or — a 5xx other than 503 — ours does instead. */
  const decide = (): "next" | "ours" => {
    if (decision) return decision;
    if (res.statusCode < 500 || res.statusCode === 503 || res.headersSent) return (decision = "next");
    decision = "ours";
    for (const name of res.getHeaderNames()) if (name !== "set-cookie" && !name.startsWith("x-") && name !== "cache-control") res.removeHeader(name);
    applySecurityHeaders(req, res);
    const body = JSON.stringify({ error: { code: "validation", message: "The form could not be read; reload the page and send it again." } });
    original.writeHead.call(res, 400, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
    (original.end as (chunk: string) => ServerResponse).call(res, body);
    return decision;
  };
  res.writeHead = function writeHead(this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (!decision) res.statusCode = statusCode;
    return decide() === "next" ? (original.writeHead as (...args: unknown[]) => ServerResponse).call(res, statusCode, ...rest) : res;
  } as typeof res.writeHead;
  res.flushHeaders = () => {
    if (decide() === "next") original.flushHeaders.call(res);
  };
  // What Next goes on writing after our answer has nowhere to go.
  res.write = function write(...args: unknown[]) {
    if (decide() === "next") return (original.write as (...a: unknown[]) => boolean).apply(res, args);
    const callback = args.find((a): a is () => void => typeof a === "function");
    if (callback) process.nextTick(callback);
    return true;
  } as typeof res.write;
  res.end = function end(...args: unknown[]) {
    if (decide() === "next") return (original.end as (...a: unknown[]) => ServerResponse).apply(res, args);
    const callback = args.find((a): a is () => void => typeof a === "function");
    if (callback) process.nextTick(callback);
    return res;
  } as typeof res.end;
}

/**
 * Stops taking connections and closes the idle ones; settles once the requests under way have
 * finished, or after `graceMs`. Start it first, then finish other work, then await it.
 */
export function closeServer(server: Server, graceMs: number): Promise<unknown> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections?.();
  return Promise.race([closed, new Promise((resolve) => setTimeout(resolve, graceMs))]);
}
