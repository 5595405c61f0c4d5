"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, FormProblems, Select, type SelectOption, TextArea, useFormMessages } from "@/app/_components";
import type { ModerationFormState } from "../../form-state";
import { approvePetitionAction, hidePetitionAction, rejectPetitionAction } from "./actions";

const NOTE_MAX = 1000;

/** Approve: one button; the domain function fixes dates and thresholds. */
export function ApproveForm({ petitionId }: { petitionId: string }) {
  const t = useTranslations("moderation");
  const [state, action, pending] = useActionState<ModerationFormState, FormData>(approvePetitionAction, {});
  return (
    <form action={action} className="stack">
      <FormProblems namespace="moderation" messageBesideFieldErrors state={state} fields={[]} idPrefix="approve-" />
      <input type="hidden" name="petitionId" value={petitionId} />
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {t("review.approve")}
      </Button>
    </form>
  );
}

/** Reject: a public reason code, an optional note, optionally a better addressee. */
export function RejectForm({
  petitionId,
  reasons,
  agencies,
}: {
  petitionId: string;
  reasons: readonly SelectOption[];
  agencies: readonly SelectOption[];
}) {
  const t = useTranslations("moderation");
  const [state, action, pending] = useActionState<ModerationFormState, FormData>(rejectPetitionAction, {});
  const { errorOf } = useFormMessages("moderation", state);
  return (
    <form action={action} noValidate className="stack">
      <FormProblems namespace="moderation" messageBesideFieldErrors state={state} fields={["reason", "note", "suggestedAgencyId"]} idPrefix="reject-" />
      <input type="hidden" name="petitionId" value={petitionId} />
      <Select
        id="reject-reason"
        name="reason"
        label={t("review.reasonLabel")}
        placeholder={t("review.reasonPlaceholder")}
        options={reasons}
        defaultValue={state.values?.reason ?? ""}
        error={errorOf("reason")}
        required
      />
      <TextArea
        id="reject-note"
        name="note"
        label={t("review.noteLabel")}
        hint={t("review.noteHint")}
        maxLength={NOTE_MAX}
        counterLabel={(count: number, max: number) => t("review.noteCounter", { count, max })}
        rows={4}
        defaultValue={state.values?.note}
        error={errorOf("note")}
      />
      <Select
        id="reject-suggestedAgencyId"
        name="suggestedAgencyId"
        label={t("review.suggestedAgencyLabel")}
        hint={t("review.suggestedAgencyHint")}
        options={[{ value: "", label: t("review.noSuggestion") }, ...agencies]}
        defaultValue={state.values?.suggestedAgencyId ?? ""}
        error={errorOf("suggestedAgencyId")}
      />
      <Button type="submit" variant="danger" disabled={pending} fullWidthOnMobile>
        {t("review.reject")}
      </Button>
    </form>
  );
}

/** Hide: unlawful content leaves public pages; the reason is required and stays private. */
export function HideForm({ petitionId }: { petitionId: string }) {
  const t = useTranslations("moderation");
  const [state, action, pending] = useActionState<ModerationFormState, FormData>(hidePetitionAction, {});
  const { errorOf } = useFormMessages("moderation", state);
  return (
    <form action={action} noValidate className="stack">
      <FormProblems namespace="moderation" messageBesideFieldErrors state={state} fields={["reason"]} idPrefix="hide-" />
      <input type="hidden" name="petitionId" value={petitionId} />
      <TextArea
        id="hide-reason"
        name="reason"
        label={t("review.hideReasonLabel")}
        hint={t("review.hideReasonHint")}
        maxLength={NOTE_MAX}
        counterLabel={(count: number, max: number) => t("review.noteCounter", { count, max })}
        rows={3}
        defaultValue={state.values?.reason}
        error={errorOf("reason")}
        required
      />
      <Button type="submit" variant="danger" disabled={pending} fullWidthOnMobile>
        {t("review.hide")}
      </Button>
    </form>
  );
}
