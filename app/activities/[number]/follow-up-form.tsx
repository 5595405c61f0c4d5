"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, Select, TextArea } from "@/app/_components";
import { ACTIVITY_LIMITS } from "@/lib/public-control/schema";
import { FormProblems } from "../_shared/form-problems";
import type { AreaFormState } from "../_shared/form-state";
import { useAreaMessages } from "../_shared/use-area-messages";
import { markImplementationAction } from "./actions";

const ACCEPT = "image/jpeg,image/png,image/webp,application/pdf";

/** The subject marks one accepted recommendation implemented or not, with a note and evidence. */
export function FollowUpForm({ number, recommendationId, position }: { number: number; recommendationId: string; position: number }) {
  const t = useTranslations("activities");
  const [state, formAction, pending] = useActionState<AreaFormState, FormData>(markImplementationAction, {});
  const { errorOf } = useAreaMessages("activities", state);
  const prefix = `follow-up-${position}-`;
  return (
    <form action={formAction} noValidate className="stack mt-4 max-w-2xl">
      <FormProblems namespace="activities" state={state} fields={["implementation", "note", "evidence"]} idPrefix={prefix} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <Field id={`${prefix}implementation`} label={t("followUp.implementation", { position })} error={errorOf("implementation")}>
        <Select
          id={`${prefix}implementation`}
          name="implementation"
          defaultValue={state.values?.implementation ?? ""}
          placeholder={t("followUp.choose")}
          options={[
            { value: "implemented", label: t("implementation.implemented") },
            { value: "not_implemented", label: t("implementation.not_implemented") },
          ]}
        />
      </Field>
      <Field id={`${prefix}note`} label={t("followUp.note")} hint={t("followUp.noteHint")} error={errorOf("note")}>
        <TextArea id={`${prefix}note`} name="note" rows={3} defaultValue={state.values?.note} maxLength={ACTIVITY_LIMITS.note} />
      </Field>
      <Field id={`${prefix}evidence`} label={t("followUp.evidence")} hint={t("followUp.evidenceHint")} error={errorOf("evidence")}>
        <input id={`${prefix}evidence`} name="evidence" type="file" accept={ACCEPT} className="block min-h-11 w-full py-2" />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("followUp.submit", { position })}
      </Button>
    </form>
  );
}
