import type { z } from "zod";

// The open-data lists refuse a bad query with 400 (the pages forgive it), so a client learns of
// its mistake instead of silently getting other data. Every list reads its query the same way.

/** What is wrong with each query parameter, by name. */
export type FieldErrors = Record<string, string[]>;

/** A query refused, with a message naming the parameters at fault. */
export type InvalidQuery = { ok: false; message: string; fieldErrors: FieldErrors };

/** A query read strictly: its parsed value, or why it was refused. */
export type StrictQuery<Query> = { ok: true; query: Query } | InvalidQuery;

/**
 * Reads a list query from a URL against a strict zod object schema: an unknown, repeated or
 * invalid parameter is an error, never a guess. An empty value (`?state=`, as a GET form sends
 * it) means the parameter was not given. `finish`, when the schema accepted the query, turns it
 * into the result and may add errors the schema cannot see (limits that depend on another parameter).
 */
export function parseStrictQuery<Parsed>(url: URL, schema: z.ZodType<Parsed>, knownParameters: readonly string[]): StrictQuery<Parsed>;
export function parseStrictQuery<Parsed, Query>(
  url: URL,
  schema: z.ZodType<Parsed>,
  knownParameters: readonly string[],
  finish: (parsed: Parsed, fieldErrors: FieldErrors) => Query,
): StrictQuery<Query>;
export function parseStrictQuery<Parsed>(
  url: URL,
  schema: z.ZodType<Parsed>,
  knownParameters: readonly string[],
  finish: (parsed: Parsed, fieldErrors: FieldErrors) => unknown = (parsed) => parsed,
): StrictQuery<unknown> {
  const raw: Record<string, string> = {};
  const fieldErrors: FieldErrors = {};
  for (const [key, value] of url.searchParams) {
    if (value.trim() === "") continue;
    if (key in raw) fieldErrors[key] = ["Give this parameter once."];
    raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) fieldErrors[key] = [`Unknown parameter. Known: ${knownParameters.join(", ")}.`];
      } else {
        (fieldErrors[String(issue.path[0] ?? "query")] ??= []).push(issue.message);
      }
    }
  }
  const query = parsed.success ? finish(parsed.data, fieldErrors) : undefined;
  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    return { ok: false, message: `Invalid query parameter: ${Object.keys(fieldErrors).join(", ")}.`, fieldErrors };
  }
  return { ok: true, query };
}
