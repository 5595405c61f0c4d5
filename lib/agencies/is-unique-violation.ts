/**
 * True when a write failed on a unique constraint (SQLSTATE 23505). Drizzle wraps driver
 * errors, so the code may sit on the error itself or on its cause; both drivers set `code`.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current = error as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown } | null, depth = 0; current && depth < 4; depth++) {
    if (current.code === "23505") {
      if (!constraint) return true;
      const name = current.constraint_name ?? current.constraint;
      return typeof name !== "string" || name === constraint;
    }
    current = current.cause as typeof current;
  }
  return false;
}
