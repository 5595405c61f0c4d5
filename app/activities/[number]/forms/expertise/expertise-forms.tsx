"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, TextArea, TextInput } from "@/app/_components";
import { FormProblems } from "../_shared/form-problems";
import type { FormState } from "../_shared/form-state";
import { useFormMessages } from "../_shared/use-form-messages";
import { addExpertiseCommentAction, saveDraftActAction } from "./actions";

/** The subject sets the draft act under review: title, text and/or its PDF. */
export function DraftActForm({ activityId, initial, hasFile }: { activityId: string; initial: { title: string; text: string }; hasFile: boolean }) {
  const t = useTranslations("activityForms");
  const tf = useTranslations("files");
  const [state, formAction, pending] = useActionState<FormState, FormData>(saveDraftActAction, { values: initial });
  const { errorOf } = useFormMessages(state);
  const values = state.values ?? initial;
  return (
    <form action={formAction} noValidate className="stack max-w-2xl">
      <FormProblems state={state} fields={["title", "text", "file"]} idPrefix="act-" />
      <input type="hidden" name="activityId" value={activityId} />
      <Field id="act-title" label={t("expertise.actTitle")} hint={t("expertise.actTitleHint")} error={errorOf("title")}>
        <TextInput id="act-title" name="title" defaultValue={values.title} maxLength={300} required />
      </Field>
      <Field id="act-text" label={t("expertise.actText")} hint={t("expertise.actTextHint")} error={errorOf("text")}>
        <TextArea id="act-text" name="text" defaultValue={values.text} rows={10} />
      </Field>
      <Field id="act-file" label={t("expertise.actFile")} hint={hasFile ? t("expertise.actFileReplaceHint") : tf("pdfHint")} error={errorOf("file")}>
        <input id="act-file" name="file" type="file" accept="application/pdf" className="block w-full min-h-11 py-2" />
      </Field>
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {t("expertise.saveAct")}
      </Button>
    </form>
  );
}

const COMMENT_FIELDS = ["clause", "quotedText", "comment", "recommendation"] as const;

/** The subject adds one clause-by-clause remark to the conclusion. */
export function ExpertiseCommentForm({ activityId }: { activityId: string }) {
  const t = useTranslations("activityForms");
  const [state, formAction, pending] = useActionState<FormState, FormData>(addExpertiseCommentAction, {});
  const { errorOf } = useFormMessages(state);
  const values = state.values ?? {};
  return (
    <form action={formAction} noValidate className="stack max-w-2xl">
      <FormProblems state={state} fields={COMMENT_FIELDS} idPrefix="remark-" />
      <input type="hidden" name="activityId" value={activityId} />
      <Field id="remark-clause" label={t("expertise.clause")} hint={t("expertise.clauseHint")} error={errorOf("clause")}>
        <TextInput id="remark-clause" name="clause" defaultValue={values.clause} maxLength={100} width="medium" required />
      </Field>
      <Field id="remark-quotedText" label={t("expertise.quotedText")} hint={t("optional")} error={errorOf("quotedText")}>
        <TextArea id="remark-quotedText" name="quotedText" defaultValue={values.quotedText} rows={3} maxLength={5000} counterLabel={(count, max) => t("counter", { count, max })} />
      </Field>
      <Field id="remark-comment" label={t("expertise.comment")} error={errorOf("comment")}>
        <TextArea id="remark-comment" name="comment" defaultValue={values.comment} rows={5} maxLength={5000} counterLabel={(count, max) => t("counter", { count, max })} required />
      </Field>
      <Field id="remark-recommendation" label={t("expertise.recommendation")} hint={t("optional")} error={errorOf("recommendation")}>
        <TextArea id="remark-recommendation" name="recommendation" defaultValue={values.recommendation} rows={3} maxLength={3000} counterLabel={(count, max) => t("counter", { count, max })} />
      </Field>
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {t("expertise.addComment")}
      </Button>
    </form>
  );
}
