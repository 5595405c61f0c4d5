import { ERROR_STATUS, isDomainError, type ErrorCode, loggable } from "@/lib/errors";

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
