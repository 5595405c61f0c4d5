"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, ErrorSummary, Notice, Select, TextArea, TextInput, type SelectOption } from "@/app/_components";
import { AGENCY_LIMITS } from "@/lib/agency/schema";
import { addNoteAction, assignAction, scheduleHearingAction } from "./actions";
import type { ItemFormState } from "./form-state";
import { useItemMessages } from "./use-item-messages";

type Target = { agencyId: string; kind: string; itemId: string };

function TargetFields({ target }: { target: Target }) {
  return (
    <>
      <input type="hidden" name="agencyId" value={target.agencyId} />
      <input type="hidden" name="kind" value={target.kind} />
      <input type="hidden" name="itemId" value={target.itemId} />
    </>
  );
}

/** A supervisor puts the item on a staff member's desk, or on nobody's. */
export function AssignForm({ target, staff, assigneeId }: { target: Target; staff: SelectOption[]; assigneeId: string | null }) {
  const t = useTranslations("agency");
  const [state, formAction, pending] = useActionState<ItemFormState, FormData>(assignAction, {});
  const { message } = useItemMessages(state);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <TargetFields target={target} />
      <Select id="assigneeId" label={t("assign.label")} defaultValue={assigneeId ?? ""} placeholder={t("assign.nobody")} options={staff} />
      <Button type="submit" disabled={pending}>
        {t("assign.submit")}
      </Button>
      {message ? (
        <Notice tone="error" className="w-full">
          {message}
        </Notice>
      ) : state.saved && state.notice ? (
        <Notice tone="success" className="w-full">
          {t(`notices.${state.notice}` as never)}
        </Notice>
      ) : null}
    </form>
  );
}

/** An internal note: the agency's staff see it, nobody else. */
export function NoteForm({ target }: { target: Target }) {
  const t = useTranslations("agency");
  const [state, formAction, pending] = useActionState<ItemFormState, FormData>(addNoteAction, {});
  const { errorOf, message } = useItemMessages(state);
  return (
    <form action={formAction} noValidate className="stack">
      <TargetFields target={target} />
      <TextArea id="note-body" name="body" defaultValue={state.values?.body} label={t("notes.label")} hint={t("notes.hint")} error={errorOf("body")} rows={3} maxLength={AGENCY_LIMITS.note} />
      {message ? <Notice tone="error">{message}</Notice> : state.saved ? <Notice tone="success">{t("notices.noteAdded")}</Notice> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("notes.submit")}
      </Button>
    </form>
  );
}

/** Schedules the optional hearing on a final document: a day with enough notice, a time, a place. */
export function HearingForm({ target, earliestDay, earliestLabel }: { target: Target; earliestDay: string; earliestLabel: string }) {
  const t = useTranslations("agency");
  const [state, formAction, pending] = useActionState<ItemFormState, FormData>(scheduleHearingAction, {});
  const { errorOf, message, summary } = useItemMessages(state);
  const errors = summary(["day", "time", "place"]);
  return (
    <form action={formAction} noValidate className="stack max-w-2xl">
      <ErrorSummary id="hearing-error-summary" title={t("draft.errorSummary")} errors={errors} description={errors.length === 0 ? message : undefined} />
      <TargetFields target={target} />
      <TextInput id="day" type="date" defaultValue={state.values?.day} width="medium" min={earliestDay} label={t("hearing.day")} hint={t("hearing.dayHint", { day: earliestLabel })} error={errorOf("day")} />
      <TextInput id="time" type="time" width="short" defaultValue={state.values?.time ?? "10:00"} label={t("hearing.time")} error={errorOf("time")} />
      <TextInput id="place" defaultValue={state.values?.place} label={t("hearing.place")} hint={t("hearing.placeHint")} error={errorOf("place")} maxLength={AGENCY_LIMITS.place} />
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {t("hearing.submit")}
      </Button>
    </form>
  );
}
