"use client";

import { useTranslations } from "next-intl";
import type { FieldErrorLink } from "@/app/_components";
import type { AdminFormState } from "./form-state";

/**
 * Translates an admin form's state: field errors from the shared "validation" catalog or the
 * admin's own "admin.validation", the refusal from "errors" or "admin.errors".
 */
export function useFormMessages(state: AdminFormState) {
  const t = useTranslations("admin");
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

  /** Links for ErrorSummary, in the order the fields appear, each pointing at `${idPrefix}${field}`. */
  const summary = (fields: readonly string[], idPrefix = ""): FieldErrorLink[] =>
    fields.flatMap((field) => {
      const error = errorOf(field);
      return error ? [{ fieldId: `${idPrefix}${field}`, message: error }] : [];
    });

  return { errorOf, message, summary };
}
