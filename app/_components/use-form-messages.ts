"use client";

import { useTranslations } from "next-intl";
import type { FieldErrorLink } from "./field";

/** The catalogs whose forms translate their state with useFormMessages. */
export type FormMessagesNamespace = "admin" | "moderation";

/** What a form's server action returns that useFormMessages and FormProblems read. */
export interface FormMessagesState {
  saved?: boolean;
  /** After success: a key of the namespace's catalog saying what happened. */
  notice?: string;
  /** A key of the "errors" catalog (or of "<namespace>.errors"). */
  message?: string;
  /** Field name → keys of the "validation" catalog (or of "<namespace>.validation"). */
  fieldErrors?: Record<string, string[]>;
}

/**
 * Translates a form's state: field errors from the shared "validation" catalog or the
 * namespace's own "validation", the refusal from "errors" or the namespace's "errors".
 */
export function useFormMessages(namespace: FormMessagesNamespace, state: FormMessagesState) {
  const t = useTranslations(namespace);
  const tv = useTranslations("validation");
  const te = useTranslations("errors");

  const translateField = (key: string): string =>
    tv.has(key as never) ? tv(key as never) : t.has(`validation.${key}` as never) ? t(`validation.${key}` as never) : tv("required");

  const errorOf = (field: string): string | undefined => {
    const key = state.fieldErrors?.[field]?.[0];
    return key ? translateField(key) : undefined;
  };

  const message = state.message
    ? te.has(state.message as never)
      ? te(state.message as never)
      : t.has(`errors.${state.message}` as never)
        ? t(`errors.${state.message}` as never)
        : te("internal" as never)
    : undefined;

  const summary = (fields: readonly string[], idPrefix = "") => fieldErrorLinks(errorOf, fields, idPrefix);

  return { errorOf, message, summary };
}

/** Links for ErrorSummary, in the order the fields appear, each pointing at `${idPrefix}${field}`. */
export function fieldErrorLinks(errorOf: (field: string) => string | undefined, fields: readonly string[], idPrefix = ""): FieldErrorLink[] {
  return fields.flatMap((field) => {
    const error = errorOf(field);
    return error ? [{ fieldId: `${idPrefix}${field}`, message: error }] : [];
  });
}
