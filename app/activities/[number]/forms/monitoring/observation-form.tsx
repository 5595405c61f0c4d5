"use client";

import { useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, TextArea, TextInput } from "@/app/_components";
import { FormProblems } from "../_shared/form-problems";
import type { FormState } from "../_shared/form-state";
import { useFormMessages } from "../_shared/use-form-messages";
import { recordObservationAction } from "./actions";

const FIELDS = ["observedOn", "place", "text", "evidence"] as const;
const ACCEPT = "image/jpeg,image/png,image/webp,application/pdf";

/** The subject's form for one observation with its evidence files. */
export function ObservationForm({ activityId, maxBytes, maxFiles, today }: { activityId: string; maxBytes: number; maxFiles: number; today: string }) {
  const t = useTranslations("activityForms");
  const tf = useTranslations("files");
  const tFormats = useTranslations("formats");
  const [serverState, formAction, pending] = useActionState<FormState, FormData>(recordObservationAction, {});
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const megabytes = Math.floor(maxBytes / 1024 / 1024);
  const shown: FormState = fileProblem ? { ...serverState, notice: undefined, message: undefined, fieldErrors: { evidence: [fileProblem] } } : serverState;
  const state: FormState = { ...shown, params: { megabytes, ...shown.params } };
  const { errorOf } = useFormMessages(state);
  const values = serverState.values ?? {};

  // A courtesy before sending megabytes for nothing; the server checks the same and more.
  const checkFiles = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("evidence") as HTMLInputElement | null;
    const chosen = Array.from(input?.files ?? []);
    const problem = chosen.length > maxFiles ? "tooManyFiles" : chosen.some((file) => file.size > maxBytes) ? "fileTooLarge" : null;
    setFileProblem(problem);
    if (problem) event.preventDefault();
  };

  return (
    <form action={formAction} onSubmit={checkFiles} noValidate className="stack max-w-2xl">
      <FormProblems state={state} fields={FIELDS} idPrefix="observation-" />
      <input type="hidden" name="activityId" value={activityId} />
      <Field id="observation-observedOn" label={t("monitoring.date")} hint={`${t("monitoring.dateHint")} ${tFormats("dateInputHint")}`} error={errorOf("observedOn")}>
        <TextInput id="observation-observedOn" name="observedOn" type="date" max={today} defaultValue={values.observedOn ?? today} width="short" required />
      </Field>
      <Field id="observation-place" label={t("monitoring.place")} hint={t("monitoring.placeHint")} error={errorOf("place")}>
        <TextInput id="observation-place" name="place" defaultValue={values.place} maxLength={300} required />
      </Field>
      <Field id="observation-text" label={t("monitoring.text")} hint={t("monitoring.textHint")} error={errorOf("text")}>
        <TextArea id="observation-text" name="text" defaultValue={values.text} maxLength={5000} rows={6} counterLabel={(count, max) => t("counter", { count, max })} required />
      </Field>
      <Field id="observation-evidence" label={t("monitoring.evidence")} hint={tf("hint", { megabytes, files: maxFiles })} error={errorOf("evidence")}>
        <input id="observation-evidence" name="evidence" type="file" multiple accept={ACCEPT} className="block w-full min-h-11 py-2" />
      </Field>
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {t("monitoring.submit")}
      </Button>
    </form>
  );
}
