"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, TextArea, TextInput } from "@/app/_components";
import { ACTIVITY_LIMITS } from "@/lib/public-control/schema";
import { FormProblems } from "../_shared/form-problems";
import type { AreaFormState } from "../_shared/form-state";
import { useAreaMessages } from "../_shared/use-area-messages";
import { addTeamMemberAction, askInformationRequestAction } from "./actions";

const TEAM_FIELDS = ["name", "role", "conflictOfInterestDeclaration"] as const;

/** The subject adds a team member with their conflict-of-interest declaration (drafts only). */
export function TeamMemberForm({ number }: { number: number }) {
  const t = useTranslations("activities");
  const [state, formAction, pending] = useActionState<AreaFormState, FormData>(addTeamMemberAction, {});
  const { errorOf } = useAreaMessages("activities", state);
  const values = state.values ?? {};
  return (
    <form action={formAction} noValidate className="stack max-w-2xl">
      <FormProblems namespace="activities" state={state} fields={TEAM_FIELDS} idPrefix="team-" />
      <input type="hidden" name="number" value={number} />
      <Field id="team-name" label={t("team.name")} error={errorOf("name")}>
        <TextInput id="team-name" name="name" defaultValue={values.name} maxLength={ACTIVITY_LIMITS.teamName} autoComplete="off" />
      </Field>
      <Field id="team-role" label={t("team.role")} hint={t("team.roleHint")} error={errorOf("role")}>
        <TextInput id="team-role" name="role" defaultValue={values.role} maxLength={ACTIVITY_LIMITS.teamRole} />
      </Field>
      <Field id="team-conflictOfInterestDeclaration" label={t("team.declaration")} hint={t("team.declarationHint")} error={errorOf("conflictOfInterestDeclaration")}>
        <TextArea
          id="team-conflictOfInterestDeclaration"
          name="conflictOfInterestDeclaration"
          rows={3}
          defaultValue={values.conflictOfInterestDeclaration}
          maxLength={ACTIVITY_LIMITS.declaration}
          counterLabel={(count, max) => t("counter", { count, max })}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("team.add")}
      </Button>
    </form>
  );
}

/** The subject asks the object for information; the 15-working-day clock starts on sending. */
export function InformationRequestForm({ number, workingDays }: { number: number; workingDays: number }) {
  const t = useTranslations("activities");
  const [state, formAction, pending] = useActionState<AreaFormState, FormData>(askInformationRequestAction, {});
  const { errorOf } = useAreaMessages("activities", state);
  return (
    <form action={formAction} noValidate className="stack max-w-2xl">
      <FormProblems namespace="activities" state={state} fields={["question"]} idPrefix="request-" />
      <input type="hidden" name="number" value={number} />
      <Field id="request-question" label={t("requests.question")} hint={t("requests.questionHint", { days: workingDays })} error={errorOf("question")}>
        <TextArea
          id="request-question"
          name="question"
          rows={4}
          defaultValue={state.values?.question}
          maxLength={ACTIVITY_LIMITS.question}
          counterLabel={(count, max) => t("counter", { count, max })}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {t("requests.send")}
      </Button>
    </form>
  );
}
