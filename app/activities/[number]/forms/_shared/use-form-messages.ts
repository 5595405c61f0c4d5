"use client";

import { useLocale, useTranslations } from "next-intl";
import { localizeValues } from "@/lib/i18n/format";
import { fieldErrorLinks } from "@/app/_components/use-form-messages";
import type { FormState } from "./form-state";

/**
 * Translates a form's state: field errors from this feature's catalog, the files catalog or the
 * shared "validation" one; the refusal from this feature's errors or the shared "errors".
 */
export function useFormMessages(state: FormState) {
  const t = useTranslations("activityForms");
  const tf = useTranslations("files");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  // The action hands over days as 'YYYY-MM-DD' (e.g. the earliest day for a hearing): shown in words.
  const params = localizeValues(useLocale(), { day: "", megabytes: 10, ...state.params }) as never;

  const translateField = (key: string): string =>
    t.has(`validation.${key}` as never)
      ? t(`validation.${key}` as never, params)
      : tf.has(`errors.${key}` as never)
        ? tf(`errors.${key}` as never, params)
        : tv.has(key as never)
          ? tv(key as never)
          : t("validation.invalidInput");

  const errorOf = (field: string): string | undefined => {
    const key = state.fieldErrors?.[field]?.[0];
    return key ? translateField(key) : undefined;
  };

  const message = state.message
    ? t.has(`errors.${state.message}` as never)
      ? t(`errors.${state.message}` as never, params)
      : te.has(state.message as never)
        ? te(state.message as never)
        : te("internal")
    : undefined;

  const summary = (fields: readonly string[], idPrefix = "") => fieldErrorLinks(errorOf, fields, idPrefix);

  return { errorOf, message, summary };
}
