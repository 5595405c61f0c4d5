import { toActionError } from "@/lib/validation/action-error";

/** What every moderation form's server action returns to useActionState (success redirects). */
export interface ModerationFormState {
  /** A key of the "errors" catalog (or of "moderation.errors"). */
  message?: string;
  /** Field name → keys of the "validation" catalog (or of "moderation.validation"). */
  fieldErrors?: Record<string, string[]>;
  /** What was submitted, so the form shows it again after a refusal. */
  values?: Record<string, string>;
}

/** The submitted text fields, as strings. */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, String(formData.get(field) ?? "")]));
}

/** A refusal from a domain function as form state: message and field errors, never details. */
export function refused(error: unknown, values?: Record<string, string>): ModerationFormState {
  const { message, fieldErrors } = toActionError(error);
  return { message, fieldErrors, values };
}
