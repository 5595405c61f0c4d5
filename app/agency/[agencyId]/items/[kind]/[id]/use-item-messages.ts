"use client";

import { useTranslations } from "next-intl";
import type { FieldErrorLink } from "@/app/_components";
import type { ItemFormState } from "./form-state";

/** A field's error key as the id of its control: "measures.0.dueOn" → "measures-0-dueOn". */
export const fieldIdOf = (field: string) => field.replace(/\./g, "-");

/**
 * Translates a dashboard form's state: field errors from "agency.validation", the shared
 * "validation" or "files.errors" catalogs; the refusal from "agency.errors" or "errors".
 */
export function useItemMessages(state: ItemFormState | null | undefined) {
  const t = useTranslations("agency");
  const tv = useTranslations("validation");
  const tf = useTranslations("files");
  const te = useTranslations("errors");

  const translateField = (key: string): string => {
    if (t.has(`validation.${key}` as never)) return t(`validation.${key}` as never);
    if (tv.has(key as never)) return tv(key as never);
    if (tf.has(`errors.${key}` as never)) return tf(`errors.${key}` as never, { megabytes: 10 } as never);
    return tv("required");
  };

  const errorOf = (field: string): string | undefined => {
    const key = state?.fieldErrors?.[field]?.[0];
    return key ? translateField(key) : undefined;
  };

  const message = state?.message
    ? t.has(`errors.${state.message}` as never)
      ? t(`errors.${state.message}` as never)
      : te.has(state.message as never)
        ? te(state.message as never)
        : te("internal")
    : undefined;

  /** Every field error, linked to its control, in the order given (the rest after). */
  const summary = (order: readonly string[] = []): FieldErrorLink[] => {
    const fields = Object.keys(state?.fieldErrors ?? {});
    const sorted = [...order.filter((f) => fields.includes(f)), ...fields.filter((f) => !order.includes(f))];
    return sorted.flatMap((field) => {
      const error = errorOf(field);
      return error ? [{ fieldId: fieldIdOf(field), message: error }] : [];
    });
  };

  return { errorOf, message, summary };
}
