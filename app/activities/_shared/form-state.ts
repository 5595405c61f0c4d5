import { toActionError } from "@/lib/validation/action-error";

/** What the activity and organization forms' server actions return to useActionState. */
export interface AreaFormState {
  /** After success: a key of "<namespace>.notices". */
  notice?: string;
  /** A key of "<namespace>.errors" or of "errors". */
  message?: string;
  /** Field name → keys of "<namespace>.validation", "files.errors" or "validation". */
  fieldErrors?: Record<string, string[]>;
  /** What was submitted, so the form shows it again after a refusal (never files). */
  values?: Record<string, string>;
  /** Changes after every submit, so a form that succeeded can reset itself. */
  submittedAt?: number;
}

/** The submitted text fields, as strings. */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, String(formData.get(field) ?? "")]));
}

/** A refusal from a domain function as form state: message and field errors, never details. */
export function refused(error: unknown, values?: Record<string, string>): AreaFormState {
  const { message, fieldErrors } = toActionError(error);
  return { message, fieldErrors, values, submittedAt: Date.now() };
}
