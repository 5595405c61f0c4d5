/** The largest value of a Postgres `integer` (int4), the type of every `serial` public number. */
export const MAX_INT4 = 2_147_483_647;

/**
 * True when `value` can be a public number (petition, activity): a whole number from 1 to
 * int4's largest. Anything else cannot name a row, and Postgres refuses to compare an int4
 * column with it ("out of range"): one such value in a batched statement would fail the batch.
 */
export function isSerialNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_INT4;
}

/** A public number as it comes in a URL or form ("42"): the number, or null when it cannot name a row. */
export function serialNumberOf(raw: unknown): number | null {
  if (typeof raw !== "string" || !/^[1-9]\d{0,9}$/.test(raw)) return null;
  const value = Number(raw);
  return isSerialNumber(value) ? value : null;
}

/** True when `value` can be a `bigserial` id (a signature's): a whole number from 1 that a JS number holds exactly. */
export function isBigSerialId(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 1;
}
