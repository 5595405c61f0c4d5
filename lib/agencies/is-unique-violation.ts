import { databaseErrorOf } from "@/lib/errors";

/**
 * True when a write failed on a unique constraint (SQLSTATE 23505), on `constraint` when it is
 * given and the driver names the constraint (see databaseErrorOf for how the code is found).
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const failure = databaseErrorOf(error);
  if (failure?.code !== "23505") return false;
  if (!constraint) return true;
  const name = failure.constraint_name ?? failure.constraint;
  return typeof name !== "string" || name === constraint;
}
