import type { z } from "zod";

/** zod issues grouped by field path; messages are keys of the "validation" catalog. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_form";
    (result[field] ??= []).push(issue.message);
  }
  return result;
}
