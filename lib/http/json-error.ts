import type { ServerResponse } from "node:http";
import { ERROR_STATUS, isDomainError, type ErrorCode, loggable } from "@/lib/errors";
import { securityHeaderObject } from "./security-headers";

/** A JSON error body `{ error: { code, message } }` with the code's HTTP status. */
export function jsonError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error: { code, message, ...extra } }, { status: ERROR_STATUS[code] });
}

/** Maps any thrown value to a JSON error; unexpected ones are logged and answered as 500 without detail. */
export function errorResponse(error: unknown): Response {
  if (isDomainError(error)) return jsonError(error.code, error.message, error.fieldErrors ? { fieldErrors: error.fieldErrors } : {});
  console.error("[api] unexpected error:", loggable(error));
  return jsonError("internal", "Internal error");
}

/**
 * The same body on a node:http response, for what server.ts and its render workers answer
 * themselves (a refused address, no worker ready, a render that failed).
 */
export function sendJsonError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "cache-control": "no-store", ...securityHeaderObject(), ...headers });
  res.end(body);
}

export function sendInternalError(res: ServerResponse): void {
  sendJsonError(res, 500, "internal", "Internal error");
}
