import { isDomainError, loggable } from "@/lib/errors";

/**
 * Turns a thrown error into what a form shows: the domain's message key and field errors,
 * or a generic key for anything unexpected (logged here, never shown).
 */
export function toActionError(error: unknown): { message: string; code: string; fieldErrors?: Record<string, string[]> } {
  if (isDomainError(error)) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  console.error("[action] unexpected error:", loggable(error));
  return { code: "internal", message: "internal" };
}
