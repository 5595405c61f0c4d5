import { toActionError } from "@/lib/validation/action-error";

/** What every admin form's server action returns to useActionState. */
export interface AdminFormState {
  saved?: boolean;
  /** After success: a key of the "admin" catalog saying what happened, when it is not the form's usual text. */
  notice?: string;
  /** A key of the "errors" catalog (or of "admin.errors"). */
  message?: string;
  /** Field name → keys of the "validation" catalog (or of "admin.validation"). */
  fieldErrors?: Record<string, string[]>;
  /** What was submitted, so the form shows it again after a refusal. */
  values?: Record<string, string>;
}

/** The submitted text fields, as strings. */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, String(formData.get(field) ?? "")]));
}

/** A refusal from a domain function as form state: message and field errors, never details. */
export function refused(error: unknown, values?: Record<string, string>): AdminFormState {
  const { message, fieldErrors } = toActionError(error);
  return { message, fieldErrors, values };
}
