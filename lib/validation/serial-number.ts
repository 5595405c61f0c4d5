/** The largest value of a Postgres `integer` (serial) column. */
export const MAX_SERIAL = 2_147_483_647;

/**
 * A petition's or activity's number from a URL segment: digits only, 1 to 2,147,483,647, or
 * null. A larger number would reach Postgres and fail the query (a 500) where "no such page"
 * is the answer.
 */
export function serialNumberOf(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null;
  const number = Number(raw);
  return number <= MAX_SERIAL ? number : null;
}
