"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, Select, TextArea } from "@/app/_components";
import { FormProblems } from "../_shared/form-problems";
import type { FormState } from "../_shared/form-state";
import { useFormMessages } from "../_shared/use-form-messages";
import { commentOnSectionAction, reportCommentAction } from "./actions";

const COMMENT_FIELDS = ["kind", "body", "proposedText"] as const;

/** A signed-in person's comment on one section, or a proposal of new wording for it. */
export function CommentForm({ sectionId, idPrefix }: { sectionId: string; idPrefix: string }) {
  const t = useTranslations("activityForms");
  const [state, formAction, pending] = useActionState<FormState, FormData>(commentOnSectionAction, {});
  const { errorOf } = useFormMessages(state);
  const values = state.values ?? {};
  const id = (field: string) => `${idPrefix}${field}`;
  return (
    <form action={formAction} noValidate className="stack">
      <FormProblems state={state} fields={COMMENT_FIELDS} idPrefix={idPrefix} />
      <input type="hidden" name="sectionId" value={sectionId} />
      <Field id={id("kind")} label={t("discussion.kind")} error={errorOf("kind")}>
        <Select
          id={id("kind")}
          name="kind"
          defaultValue={values.kind ?? "comment"}
          options={[
            { value: "comment", label: t("discussion.kinds.comment") },
            { value: "proposal", label: t("discussion.kinds.proposal") },
          ]}
        />
      </Field>
      <Field id={id("body")} label={t("discussion.body")} error={errorOf("body")}>
        <TextArea id={id("body")} name="body" defaultValue={values.body} rows={4} maxLength={3000} counterLabel={(count, max) => t("counter", { count, max })} required />
      </Field>
      <Field id={id("proposedText")} label={t("discussion.proposedText")} hint={t("discussion.proposedTextHint")} error={errorOf("proposedText")}>
        <TextArea id={id("proposedText")} name="proposedText" defaultValue={values.proposedText} rows={4} maxLength={5000} counterLabel={(count, max) => t("counter", { count, max })} />
      </Field>
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {t("discussion.post")}
      </Button>
    </form>
  );
}

/** A signed-in person reports a comment to the moderators. */
export function ReportForm({ commentId }: { commentId: string }) {
  const t = useTranslations("activityForms");
  const [state, formAction, pending] = useActionState<FormState, FormData>(reportCommentAction, {});
  const { errorOf } = useFormMessages(state);
  const id = `report-${commentId}-reason`;
  if (state.notice) return <FormProblems state={state} fields={[]} />;
  return (
    <form action={formAction} noValidate className="stack">
      <FormProblems state={state} fields={["reason"]} idPrefix={`report-${commentId}-`} />
      <input type="hidden" name="commentId" value={commentId} />
      <Field id={id} label={t("discussion.reportReason")} hint={t("discussion.reportReasonHint")} error={errorOf("reason")}>
        <TextArea id={id} name="reason" defaultValue={state.values?.reason} rows={2} maxLength={500} required />
      </Field>
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {t("discussion.sendReport")}
      </Button>
    </form>
  );
}
