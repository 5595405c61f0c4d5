import { createHmac } from "node:crypto";

// Kazakhstan's IIN: YYMMDD C NNNN K (reference/iin.md).

const WEIGHTS_FIRST = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const WEIGHTS_SECOND = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function checkDigit(digits: number[], weights: number[]): number {
  return digits.slice(0, 11).reduce((sum, d, i) => sum + d * weights[i], 0) % 11;
}

/** True when the IIN has 12 digits, a real birth date for its century digit, and the right check digit. */
export function isValidIin(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const century = digits[6];
  if (century > 6) return false;
  const yy = Number(value.slice(0, 2));
  const mm = Number(value.slice(2, 4));
  const dd = Number(value.slice(4, 6));
  // 0 is used for foreign nationals without century information: check month and day only.
  const year = century === 0 ? 2000 + yy : 1800 + 100 * Math.floor((century - 1) / 2) + yy;
  const date = new Date(Date.UTC(year, mm - 1, dd));
  if (date.getUTCMonth() !== mm - 1 || date.getUTCDate() !== dd) return false;
  let k = checkDigit(digits, WEIGHTS_FIRST);
  if (k === 10) k = checkDigit(digits, WEIGHTS_SECOND);
  if (k === 10) return false;
  return k === digits[11];
}

/** The keyed hash stored instead of the IIN, so duplicates are caught and the number is never kept. */
export function hashIin(iin: string): string {
  const key = process.env.BIRGE_IIN_KEY || process.env.AUTH_SECRET;
  if (!key) throw new Error("BIRGE_IIN_KEY or AUTH_SECRET must be set");
  return createHmac("sha256", key).update(`iin:${iin}`).digest("base64url");
}
