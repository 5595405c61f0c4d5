import { z } from "zod";

/** C0 control characters other than tab, line feed and carriage return. Postgres refuses NUL in text outright. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * What no text field may hold, found in one pass: a control character as above, or half of a
 * UTF-16 surrogate pair without its other half. Postgres refuses NUL in text and both in JSON
 * ("\u0000", "\ud800"), and the driver would otherwise turn a lone half into U+FFFD silently.
 * No `u` flag: the pattern reads UTF-16 code units.
 */
const UNSTORABLE = new RegExp(`${CONTROL_CHARACTERS.source}|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`);
const ALL_UNSTORABLE = new RegExp(UNSTORABLE.source, "g");

/** True when the text can be stored and shown as it is: no control characters, no lone surrogates. */
export function isPlainText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/**
 * The one refinement of free text, for every schema: a string that refuses control characters
 * and lone surrogates with the "controlCharacters" key (shown next to the field), then takes
 * the field's own checks (`.trim().min(…)`…) as `z.string()` would.
 */
export function plainString(params?: Parameters<typeof z.string>[0]) {
  // abort: the field's other checks (length, format) would only add noise to this one message.
  return z.string(params).refine(isPlainText, { message: "controlCharacters", abort: true });
}

/**
 * A search box's text from a URL: trimmed, cut to `max` characters, control characters and lone
 * surrogates turned into spaces (a search is forgiving: a NUL would otherwise fail the query, and
 * a longer text the page, with a 500).
 */
export function searchText(max: number) {
  return z
    .string()
    .trim()
    .transform((value) => value.replace(ALL_UNSTORABLE, " ").trim().slice(0, max).trim());
}

/**
 * The open-data API's search text: as searchText, but longer than `max` is refused (400 naming
 * `q`) rather than cut, so that a client learns of its mistake instead of getting other results.
 */
export function apiSearchText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .transform((value) => value.replace(ALL_UNSTORABLE, " ").trim());
}
