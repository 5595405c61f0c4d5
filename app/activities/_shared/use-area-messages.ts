"use client";

import { useTranslations } from "next-intl";
import { fieldErrorLinks } from "@/app/_components/use-form-messages";
import type { AreaFormState } from "./form-state";

/** The catalogs whose forms use AreaFormState. */
export type AreaNamespace = "activities" | "organizations";

/**
 * Translates a form's state: field errors from the area's catalog, the files catalog or the
 * shared "validation" one; the refusal from the area's errors or the shared "errors".
 */
export function useAreaMessages(namespace: AreaNamespace, state: AreaFormState) {
  const t = useTranslations(namespace);
  const tf = useTranslations("files");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");

  const translateField = (key: string): string =>
    t.has(`validation.${key}` as never)
      ? t(`validation.${key}` as never)
      : tf.has(`errors.${key}` as never)
        ? tf(`errors.${key}` as never, { megabytes: 10 } as never)
        : tv.has(key as never)
          ? tv(key as never)
          : t("validation.invalid" as never);

  const errorOf = (field: string): string | undefined => {
    const key = state.fieldErrors?.[field]?.[0];
    return key ? translateField(key) : undefined;
  };

  const message = state.message
    ? t.has(`errors.${state.message}` as never)
      ? t(`errors.${state.message}` as never)
      : te.has(state.message as never)
        ? te(state.message as never)
        : te("internal")
    : undefined;

  const summary = (fields: readonly string[], idPrefix = "") => fieldErrorLinks(errorOf, fields, idPrefix);

  return { errorOf, message, summary };
}
