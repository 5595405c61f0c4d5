"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, TextArea, TextInput } from "@/app/_components";
import { FormProblems } from "../_shared/form-problems";
import type { FormState } from "../_shared/form-state";
import { useFormMessages } from "../_shared/use-form-messages";
import { openDiscussionAction } from "./actions";

const FIELDS = ["title", "opensOn", "closesOn", "text"] as const;

/** The subject publishes the draft text for discussion, split into sections. */
export function OpenDiscussionForm({ activityId, today }: { activityId: string; today: string }) {
  const t = useTranslations("activityForms");
  const tFormats = useTranslations("formats");
  const [state, formAction, pending] = useActionState<FormState, FormData>(openDiscussionAction, {});
  const { errorOf } = useFormMessages(state);
  const values = state.values ?? {};
  return (
    <form action={formAction} noValidate className="stack max-w-2xl">
      <FormProblems state={state} fields={FIELDS} idPrefix="discussion-" />
      <input type="hidden" name="activityId" value={activityId} />
      <Field id="discussion-title" label={t("discussion.draftTitle")} error={errorOf("title")}>
        <TextInput id="discussion-title" name="title" defaultValue={values.title} maxLength={300} required />
      </Field>
      <Field id="discussion-opensOn" label={t("discussion.opensOn")} hint={tFormats("dateInputHint")} error={errorOf("opensOn")}>
        <TextInput id="discussion-opensOn" name="opensOn" type="date" min={today} defaultValue={values.opensOn ?? today} width="short" required />
      </Field>
      <Field id="discussion-closesOn" label={t("discussion.closesOn")} hint={`${t("discussion.closesOnHint")} ${tFormats("dateInputHint")}`} error={errorOf("closesOn")}>
        <TextInput id="discussion-closesOn" name="closesOn" type="date" min={today} defaultValue={values.closesOn} width="short" required />
      </Field>
      <Field id="discussion-text" label={t("discussion.draftText")} hint={t("discussion.draftTextHint")} error={errorOf("text")}>
        <TextArea id="discussion-text" name="text" defaultValue={values.text} rows={14} required />
      </Field>
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {t("discussion.open")}
      </Button>
    </form>
  );
}
