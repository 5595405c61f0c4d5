"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary, Notice } from "@/app/_components";
import type { AreaFormState } from "./form-state";
import { useAreaMessages, type AreaNamespace } from "./use-area-messages";

/** The top of a form after a submit: the error summary linking to each field, the refusal, or the success notice. */
export function FormProblems({
  namespace,
  state,
  fields,
  idPrefix = "",
}: {
  namespace: AreaNamespace;
  state: AreaFormState;
  fields: readonly string[];
  idPrefix?: string;
}) {
  const t = useTranslations(namespace);
  const { message, summary } = useAreaMessages(namespace, state);
  const errors = summary(fields, idPrefix);
  const description = message && !errors.some((e) => e.message === message) ? message : undefined;
  if (errors.length || description) {
    return <ErrorSummary id={`${idPrefix || "form-"}error-summary`} title={t("errorSummary" as never)} errors={errors} description={description} />;
  }
  if (state.notice) return <Notice tone="success">{t(`notices.${state.notice}` as never)}</Notice>;
  return null;
}
