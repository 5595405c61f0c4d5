"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, TextArea } from "@/app/_components";
import { FormProblems } from "@/app/activities/[number]/forms/_shared/form-problems";
import type { FormState } from "@/app/activities/[number]/forms/_shared/form-state";
import { useFormMessages } from "@/app/activities/[number]/forms/_shared/use-form-messages";
import { dismissReportsAction, hideCommentAction } from "./actions";

/** Hide a reported comment, with the reason shown in its place and mailed to its author. */
export function HideCommentForm({ commentId }: { commentId: string }) {
  const t = useTranslations("activityForms");
  const [state, formAction, pending] = useActionState<FormState, FormData>(hideCommentAction, {});
  const { errorOf } = useFormMessages(state);
  const prefix = `hide-${commentId}-`;
  return (
    <form action={formAction} noValidate className="stack">
      <FormProblems state={state} fields={["reason"]} idPrefix={prefix} />
      <input type="hidden" name="commentId" value={commentId} />
      <Field id={`${prefix}reason`} label={t("moderation.reason")} hint={t("moderation.reasonHint")} error={errorOf("reason")}>
        <TextArea id={`${prefix}reason`} name="reason" defaultValue={state.values?.reason} rows={3} maxLength={1000} required />
      </Field>
      <Button type="submit" variant="danger" disabled={pending}>
        {t("moderation.hide")}
      </Button>
    </form>
  );
}

/** Keep a reported comment: clears it from the queue. */
export function DismissReportsForm({ commentId }: { commentId: string }) {
  const t = useTranslations("activityForms");
  const [state, formAction, pending] = useActionState<FormState, FormData>(dismissReportsAction, {});
  return (
    <form action={formAction} className="stack">
      <FormProblems state={state} fields={[]} idPrefix={`keep-${commentId}-`} />
      <input type="hidden" name="commentId" value={commentId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("moderation.keep")}
      </Button>
    </form>
  );
}
