"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, Select, TextArea } from "@/app/_components";
import { FormProblems } from "../_shared/form-problems";
import type { FormState } from "../_shared/form-state";
import { useFormMessages } from "../_shared/use-form-messages";
import { publishSummaryAction } from "./actions";

/** One proposal as the summary form lists it. */
export interface ProposalChoice {
  id: string;
  label: string;
  outcome: string | null;
}

/** The subject publishes what was proposed and what was taken. */
export function SummaryForm({ activityId, summary, proposals }: { activityId: string; summary: string; proposals: ProposalChoice[] }) {
  const t = useTranslations("activityForms");
  const [state, formAction, pending] = useActionState<FormState, FormData>(publishSummaryAction, {});
  const { errorOf } = useFormMessages(state);
  const values = state.values ?? {};
  const outcomeOptions = [
    { value: "taken", label: t("discussion.outcomes.taken") },
    { value: "partly_taken", label: t("discussion.outcomes.partly_taken") },
    { value: "not_taken", label: t("discussion.outcomes.not_taken") },
  ];
  return (
    <form action={formAction} noValidate className="stack max-w-2xl">
      <FormProblems state={state} fields={["summary", "outcomes"]} idPrefix="summary-" />
      <input type="hidden" name="activityId" value={activityId} />
      <Field id="summary-summary" label={t("discussion.summaryText")} hint={t("discussion.summaryHint")} error={errorOf("summary")}>
        <TextArea id="summary-summary" name="summary" defaultValue={values.summary ?? summary} rows={8} maxLength={20000} required />
      </Field>
      {proposals.length ? (
        <fieldset id="summary-outcomes" className="stack">
          <legend className="mb-2 font-semibold">{t("discussion.outcomesLegend")}</legend>
          {errorOf("outcomes") ? <p className="font-semibold text-danger-600">{errorOf("outcomes")}</p> : null}
          {proposals.map((proposal) => (
            <Field key={proposal.id} id={`summary-outcome-${proposal.id}`} label={proposal.label}>
              <Select
                id={`summary-outcome-${proposal.id}`}
                name={`outcome-${proposal.id}`}
                defaultValue={values[`outcome-${proposal.id}`] ?? proposal.outcome ?? ""}
                placeholder={t("discussion.outcomes.none")}
                options={outcomeOptions}
              />
            </Field>
          ))}
        </fieldset>
      ) : null}
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {t("discussion.publishSummary")}
      </Button>
    </form>
  );
}
