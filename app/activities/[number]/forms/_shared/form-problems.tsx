"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary, Notice } from "@/app/_components";
import type { FormState } from "./form-state";
import { useFormMessages } from "./use-form-messages";

/** The top of a form after a submit: the error summary linking to each field, the refusal, or the success notice. */
export function FormProblems({ state, fields, idPrefix = "" }: { state: FormState; fields: readonly string[]; idPrefix?: string }) {
  const t = useTranslations("activityForms");
  const { message, summary } = useFormMessages(state);
  const errors = summary(fields, idPrefix);
  const description = message && errors.length === 0 ? message : undefined;
  if (errors.length || description) {
    return <ErrorSummary id={`${idPrefix || "form-"}error-summary`} title={t("errorSummary")} errors={errors} description={description} />;
  }
  if (state.notice) return <Notice tone="success">{t(`notices.${state.notice}` as never)}</Notice>;
  return null;
}
