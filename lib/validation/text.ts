import { z } from "zod";

/** C0 control characters other than tab, line feed and carriage return. Postgres refuses NUL in text outright. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const ALL_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/**
 * A search box's text from a URL: trimmed, cut to `max` characters, control characters turned
 * into spaces (a search is forgiving: a NUL would otherwise fail the query, and a longer text
 * the page, with a 500).
 */
export function searchText(max: number) {
  return z
    .string()
    .trim()
    .transform((value) => value.replace(ALL_CONTROL_CHARACTERS, " ").trim().slice(0, max).trim());
}
