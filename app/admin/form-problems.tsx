"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary, Notice } from "@/app/_components";
import type { AdminFormState } from "./form-state";
import { useFormMessages } from "./use-form-messages";

/**
 * The top of an admin form after a submit: the error summary linking to each field, or the
 * refusal's message when no field is to blame, or the success notice.
 */
export function FormProblems({
  state,
  fields,
  idPrefix = "",
  savedText,
  summaryId,
}: {
  state: AdminFormState;
  fields: readonly string[];
  idPrefix?: string;
  savedText?: string;
  summaryId?: string;
}) {
  const t = useTranslations("admin");
  const { message, summary } = useFormMessages(state);
  const errors = summary(fields, idPrefix);
  // A refusal with field errors (slugTaken, userNotFound) is said next to the field; saying it twice only adds noise.
  const description = message && errors.length === 0 ? message : undefined;
  if (errors.length || description) {
    return <ErrorSummary id={summaryId ?? `${idPrefix || "form-"}error-summary`} title={t("errorSummary")} errors={errors} description={description} />;
  }
  if (state.saved && state.notice) return <Notice tone="success">{t(state.notice as never)}</Notice>;
  if (state.saved && savedText) return <Notice tone="success">{savedText}</Notice>;
  return null;
}
