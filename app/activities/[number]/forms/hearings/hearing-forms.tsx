"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, Select, TextArea, TextInput, type SelectOption } from "@/app/_components";
import { FormProblems } from "../_shared/form-problems";
import type { FormState } from "../_shared/form-state";
import { useFormMessages } from "../_shared/use-form-messages";
import { publishProtocolAction, scheduleHearingAction } from "./actions";

const FIELDS = ["kind", "startsAt", "place", "videoUrl", "agenda"] as const;

/** The subject announces a hearing; `earliest` is the first allowed day as the page computed it, for the hint. */
export function HearingForm({ activityId, kinds, earliestLabel, earliestValue }: { activityId: string; kinds: SelectOption[]; earliestLabel: string; earliestValue: string }) {
  const t = useTranslations("activityForms");
  const [state, formAction, pending] = useActionState<FormState, FormData>(scheduleHearingAction, {});
  const { errorOf } = useFormMessages(state);
  const values = state.values ?? {};
  return (
    <form action={formAction} noValidate className="stack max-w-2xl">
      <FormProblems state={state} fields={FIELDS} idPrefix="hearing-" />
      <input type="hidden" name="activityId" value={activityId} />
      {kinds.length > 1 ? (
        <Field id="hearing-kind" label={t("hearings.kind")} error={errorOf("kind")}>
          <Select id="hearing-kind" name="kind" defaultValue={values.kind ?? kinds[0].value} options={kinds} />
        </Field>
      ) : (
        <input type="hidden" name="kind" value={kinds[0].value} />
      )}
      <Field id="hearing-startsAt" label={t("hearings.startsAt")} hint={t("hearings.startsAtHint", { day: earliestLabel })} error={errorOf("startsAt")}>
        <TextInput id="hearing-startsAt" name="startsAt" type="datetime-local" min={`${earliestValue}T00:00`} defaultValue={values.startsAt} width="medium" required />
      </Field>
      <Field id="hearing-place" label={t("hearings.place")} hint={t("hearings.placeHint")} error={errorOf("place")}>
        <TextInput id="hearing-place" name="place" defaultValue={values.place} maxLength={300} />
      </Field>
      <Field id="hearing-videoUrl" label={t("hearings.videoUrl")} hint={t("hearings.videoUrlHint")} error={errorOf("videoUrl")}>
        <TextInput id="hearing-videoUrl" name="videoUrl" type="url" defaultValue={values.videoUrl} maxLength={500} />
      </Field>
      <Field id="hearing-agenda" label={t("hearings.agenda")} error={errorOf("agenda")}>
        <TextArea id="hearing-agenda" name="agenda" defaultValue={values.agenda} rows={6} maxLength={5000} counterLabel={(count, max) => t("counter", { count, max })} required />
      </Field>
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {t("hearings.schedule")}
      </Button>
    </form>
  );
}

/** The subject publishes the protocol of a hearing that has taken place. */
export function ProtocolForm({ hearingId, protocol, hasFile }: { hearingId: string; protocol: string; hasFile: boolean }) {
  const t = useTranslations("activityForms");
  const tf = useTranslations("files");
  const [state, formAction, pending] = useActionState<FormState, FormData>(publishProtocolAction, { values: { protocol } });
  const { errorOf } = useFormMessages(state);
  const prefix = `protocol-${hearingId}-`;
  return (
    <form action={formAction} noValidate className="stack max-w-2xl">
      <FormProblems state={state} fields={["protocol", "file"]} idPrefix={prefix} />
      <input type="hidden" name="hearingId" value={hearingId} />
      <Field id={`${prefix}protocol`} label={t("hearings.protocolText")} error={errorOf("protocol")}>
        <TextArea id={`${prefix}protocol`} name="protocol" defaultValue={state.values?.protocol ?? protocol} rows={8} />
      </Field>
      <Field id={`${prefix}file`} label={t("hearings.protocolFile")} hint={hasFile ? t("hearings.protocolFileReplaceHint") : tf("pdfHint")} error={errorOf("file")}>
        <input id={`${prefix}file`} name="file" type="file" accept="application/pdf" className="block w-full min-h-11 py-2" />
      </Field>
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {t("hearings.publishProtocol")}
      </Button>
    </form>
  );
}
