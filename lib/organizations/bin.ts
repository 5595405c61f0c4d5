// Kazakhstan's BIN (business identification number): YYMM T A NNNNN K, 12 digits.
// YYMM: year and month of registration; T: 4 resident, 5 non-resident legal entity, 6 joint
// individual entrepreneurship; A: 0 head office, 1 branch, 2 representative office, 3 farm;
// K: the check digit, computed as for the IIN.

const WEIGHTS_FIRST = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const WEIGHTS_SECOND = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function checkDigit(digits: number[], weights: number[]): number {
  return digits.slice(0, 11).reduce((sum, d, i) => sum + d * weights[i], 0) % 11;
}

/** Why a BIN is refused, or null when its format is right. */
export function binProblem(value: string): "format" | "month" | "type" | "checkDigit" | null {
  if (!/^\d{12}$/.test(value)) return "format";
  const month = Number(value.slice(2, 4));
  if (month < 1 || month > 12) return "month";
  if (!["4", "5", "6"].includes(value[4]) || !["0", "1", "2", "3"].includes(value[5])) return "type";
  const digits = [...value].map(Number);
  let k = checkDigit(digits, WEIGHTS_FIRST);
  if (k === 10) k = checkDigit(digits, WEIGHTS_SECOND);
  if (k === 10 || k !== digits[11]) return "checkDigit";
  return null;
}

export function isValidBin(value: string): boolean {
  return binProblem(value) === null;
}

/** Spaces and dashes people type inside the number are dropped. */
export function normalizeBin(value: string): string {
  return value.replace(/[\s-]/g, "");
}
