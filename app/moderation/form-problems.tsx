"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary, type FieldErrorLink } from "@/app/_components";
import type { ModerationFormState } from "./form-state";

/** Translates a moderation form's refusal: field errors and the summary message. */
export function useModerationMessages(state: ModerationFormState) {
  const t = useTranslations("moderation");
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

  return { errorOf, message };
}

/**
 * The top of a moderation form after a refused submit: the summary linking to each field
 * (`${idPrefix}${field}`), with the refusal's message unless it only repeats a field error.
 */
export function FormProblems({ state, fields, idPrefix }: { state: ModerationFormState; fields: readonly string[]; idPrefix: string }) {
  const t = useTranslations("moderation");
  const { errorOf, message } = useModerationMessages(state);
  const errors: FieldErrorLink[] = fields.flatMap((field) => {
    const error = errorOf(field);
    return error ? [{ fieldId: `${idPrefix}${field}`, message: error }] : [];
  });
  // "Some answers need correcting" adds nothing above a list of the answers to correct.
  const repeats = errors.some((error) => error.message === message) || (errors.length > 0 && state.message === "invalidInput");
  const description = message && !repeats ? message : undefined;
  if (!errors.length && !description) return null;
  return <ErrorSummary id={`${idPrefix}error-summary`} title={t("errorSummary")} errors={errors} description={description} />;
}
