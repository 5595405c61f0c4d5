"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "./field";
import { Notice } from "./notice";
import { useFormMessages, type FormMessagesNamespace, type FormMessagesState } from "./use-form-messages";

/**
 * The top of a form after a submit: the error summary linking to each field
 * (`${idPrefix}${field}`), or the refusal's message, or the success notice.
 */
export function FormProblems({
  namespace,
  state,
  fields,
  idPrefix = "",
  savedText,
  summaryId,
  messageBesideFieldErrors = false,
}: {
  namespace: FormMessagesNamespace;
  state: FormMessagesState;
  fields: readonly string[];
  idPrefix?: string;
  savedText?: string;
  summaryId?: string;
  /**
   * Show the refusal's message above field errors too, unless it only repeats one of them or is
   * the generic "invalidInput". Off: the message shows only when no field is to blame.
   */
  messageBesideFieldErrors?: boolean;
}) {
  const t = useTranslations(namespace);
  const { message, summary } = useFormMessages(namespace, state);
  const errors = summary(fields, idPrefix);
  // A refusal a field error already says (slugTaken, "some answers need correcting") only adds noise.
  const repeats = messageBesideFieldErrors
    ? errors.some((error) => error.message === message) || (errors.length > 0 && state.message === "invalidInput")
    : errors.length > 0;
  const description = message && !repeats ? message : undefined;
  if (errors.length || description) {
    return <ErrorSummary id={summaryId ?? `${idPrefix || "form-"}error-summary`} title={t("errorSummary" as never)} errors={errors} description={description} />;
  }
  if (state.saved && state.notice) return <Notice tone="success">{t(state.notice as never)}</Notice>;
  if (state.saved && savedText) return <Notice tone="success">{savedText}</Notice>;
  return null;
}
