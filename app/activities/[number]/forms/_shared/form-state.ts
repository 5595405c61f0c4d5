import { isDomainError } from "@/lib/errors";
import { toActionError } from "@/lib/validation/action-error";

/** What every form action on these pages returns to useActionState. */
export interface FormState {
  /** After success: a key of "activityForms.notices". */
  notice?: string;
  /** A key of "activityForms.errors" or "errors". */
  message?: string;
  /** Values for the messages, e.g. the earliest day a hearing may be held. */
  params?: Record<string, string | number>;
  /** Field name → keys of "activityForms.validation", "files.errors" or "validation". */
  fieldErrors?: Record<string, string[]>;
  /** What was submitted, so the form shows it again after a refusal (never files). */
  values?: Record<string, string>;
}

/** The submitted text fields, as strings. */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, String(formData.get(field) ?? "")]));
}

/** A refusal from a domain function as form state; `params` carries what a message needs. */
export function refused(error: unknown, values?: Record<string, string>, params?: Record<string, string | number>): FormState {
  const { message, fieldErrors } = toActionError(error);
  const earliest = isDomainError(error) ? (error as { earliestAllowedOn?: string }).earliestAllowedOn : undefined;
  return { message, fieldErrors, values, params: { ...params, ...(earliest ? { day: earliest } : {}) } };
}
