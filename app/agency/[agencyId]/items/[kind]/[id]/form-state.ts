import type { AgencyItemStatus } from "@/lib/agency/states";
import { toActionError } from "@/lib/validation/action-error";

/** What the dashboard's item forms get back from their server actions. */
export interface ItemFormState {
  saved?: boolean;
  /** After success: a key of "agency.notices". */
  notice?: string;
  /** A key of "errors" or "agency.errors". */
  message?: string;
  /** Field name → keys of "validation" or "agency.validation". */
  fieldErrors?: Record<string, string[]>;
  /** The item's status after the action. */
  status?: AgencyItemStatus;
  /** "HH:MM" in Almaty when the draft was last written. */
  savedAt?: string;
  /** Changes with every result, so the form can tell a new result from an old one. */
  at?: number;
  /**
   * What was submitted, so the form shows it again after a refusal: React resets an
   * uncontrolled form when its action returns, to these values as the fields' defaults.
   */
  values?: Record<string, string>;
}

/** The submitted text fields, as strings. */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, String(formData.get(field) ?? "")]));
}

/** A refusal from a domain function as form state: message and field errors, never details. */
export function refused(error: unknown, extra: Partial<ItemFormState> = {}): ItemFormState {
  const { message, fieldErrors } = toActionError(error);
  return { ...extra, message, fieldErrors, at: Date.now() };
}

/** The time of day on Almaty's clock, as the editor's "Saved at" shows it. */
export function almatyTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Almaty" }).format(date);
}
