/** Codes a domain function can refuse with; each maps to one HTTP status. */
export const ERROR_STATUS = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * A refusal the user may see. `message` is a message key in the "errors" catalog
 * (translated by the caller); details of failures never travel in it.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "DomainError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError || (error as { name?: string } | null)?.name === "DomainError";
}

/** What a server action returns: success with data, or a refusal the form can show. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

/** The database's own error behind a thrown one: its SQLSTATE `code`, and the constraint it names. */
export interface DatabaseError {
  code: string;
  constraint_name?: unknown;
  constraint?: unknown;
}

/**
 * The database's error behind `error`, or null: Drizzle wraps driver errors (its own carries
 * the statement and its parameters, and the driver's sits in `cause`), and both drivers set
 * `code` to the SQLSTATE; so the first error along the cause chain that has a code.
 */
export function databaseErrorOf(error: unknown): DatabaseError | null {
  for (let current = error as { code?: unknown; cause?: unknown } | null, depth = 0; current && typeof current === "object" && depth < 4; depth++) {
    if (typeof current.code === "string") return current as DatabaseError;
    current = current.cause as typeof current;
  }
  return null;
}

/**
 * True when the database refused a value rather than failed: a data exception (SQLSTATE class
 * 22: out of range, bad text or JSON, an unstorable character), a broken constraint (23) or a
 * value past a limit of the database (54). Sent again alone, the same value fails again; other
 * values sent with it would not. Connection losses, shutdowns, a full disk or deadlocks are not.
 */
export function isRefusedValue(error: unknown): boolean {
  const code = databaseErrorOf(error)?.code;
  return !!code && /^(22|23|54)[0-9A-Z]{3}$/.test(code);
}

/**
 * What of an unexpected error goes to the log: its name and message, the database's own
 * message and code when a query failed, and the stack frames. Never a statement's parameters:
 * Drizzle puts them in its message ("Failed query: … params: …"), and they hold people's
 * names, addresses and IIN hashes.
 */
export function loggable(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : null;
  const failedQuery = error.message.startsWith("Failed query:");
  const message = failedQuery ? `a query failed: ${cause ? cause.message : "no reason given"}` : error.message;
  const code = databaseErrorOf(error)?.code;
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at "));
  const withCode = code && !message.includes(code) ? `${message} (${code})` : message;
  return [`${error.name}: ${withCode}`, ...frames].join("\n");
}

/**
 * SQLSTATEs of a database that is away for now rather than of a wrong request: shut down or
 * restarting (57P01–57P03), refusing writes (25006 read-only: a replica, or writes switched off
 * while its disk is full), out of room (53100 disk full, 53200 memory, 53300 connections), an
 * I/O error (58030); and the whole class 08, a connection that failed or was cut.
 */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "25006", "53100", "53200", "53300", "58030"]);
/** The drivers' own codes for a connection that could not be made or was lost (postgres.js, Node's sockets). */
const UNAVAILABLE_CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * True when `error` says the database cannot serve right now (a restart, a cut connection,
 * read-only, a full disk): nothing was written by the failed statement, and the same request
 * may succeed in a moment. Such failures are answered 503 with Retry-After, never 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = databaseErrorOf(error)?.code;
  return !!code && (code.startsWith("08") || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_CONNECTION_CODES.has(code));
}
