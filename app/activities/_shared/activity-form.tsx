"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Checkbox, Field, Select, TextArea, TextInput } from "@/app/_components";
import { ACTIVITY_LIMITS } from "@/lib/public-control/schema";
import { ACTIVITY_FORMS } from "@/lib/public-control/states";
import { FormProblems } from "./form-problems";
import type { AreaFormState } from "./form-state";
import { useAreaMessages } from "./use-area-messages";

export interface ActivityFormOptions {
  agencies: Array<{ id: string; name: string; levelLabel: string }>;
  organizations: Array<{ id: string; name: string }>;
}

export interface ActivityFormValues {
  title: string;
  subjectMatter: string;
  goals: string;
  agencyId: string;
  organizationId: string;
  forms: string[];
  plannedStart: string;
  plannedEnd: string;
}

const FIELDS = ["organizationId", "agencyId", "forms", "title", "subjectMatter", "goals", "plannedStart", "plannedEnd"] as const;

/** The plan of an activity: who runs it, on which body, in which forms, about what, when. */
export function ActivityForm(props: {
  action: (state: AreaFormState, formData: FormData) => Promise<AreaFormState>;
  options: ActivityFormOptions;
  initial?: ActivityFormValues;
  /** Editing a draft: the subject is fixed and not shown. */
  subjectFixed?: boolean;
  submitLabel: string;
}) {
  const t = useTranslations("activities");
  const tFormats = useTranslations("formats");
  const [state, formAction, pending] = useActionState<AreaFormState, FormData>(props.action, {});
  const { errorOf } = useAreaMessages("activities", state);
  const submitted = state.values;
  const value = (field: keyof ActivityFormValues) => (submitted ? (submitted[field] ?? "") : ((props.initial?.[field] as string | undefined) ?? ""));
  const chosenForms = submitted ? (submitted.forms ?? "").split(",").filter(Boolean) : (props.initial?.forms ?? []);
  const groups = new Map<string, ActivityFormOptions["agencies"]>();
  for (const agency of props.options.agencies) groups.set(agency.levelLabel, [...(groups.get(agency.levelLabel) ?? []), agency]);

  return (
    <form action={formAction} noValidate className="stack">
      <FormProblems namespace="activities" state={state} fields={FIELDS} />
      {props.subjectFixed ? null : (
        <Field id="organizationId" label={t("form.subject")} hint={t("form.subjectHint")} error={errorOf("organizationId")}>
          <Select
            id="organizationId"
            defaultValue={value("organizationId")}
            options={[{ value: "", label: t("form.subjectCitizen") }, ...props.options.organizations.map((o) => ({ value: o.id, label: o.name }))]}
          />
        </Field>
      )}
      <Field id="agencyId" label={t("form.object")} hint={t("form.objectHint")} error={errorOf("agencyId")}>
        <select id="agencyId" name="agencyId" defaultValue={value("agencyId")} className="block min-h-11 w-full rounded-none border-2 border-ink bg-white px-2.5 py-2 text-base text-ink aria-invalid:border-danger-600">
          <option value="">{t("form.objectChoose")}</option>
          {[...groups].map(([label, agencies]) => (
            <optgroup key={label} label={label}>
              {agencies.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      <fieldset id="forms" tabIndex={-1} className="stack" aria-describedby="forms-hint">
        <legend className="font-semibold">{t("form.forms")}</legend>
        <p id="forms-hint" className="text-muted">
          {t("form.formsHint")}
        </p>
        {errorOf("forms") ? (
          <p className="font-semibold text-danger-600" role="alert">
            {errorOf("forms")}
          </p>
        ) : null}
        {ACTIVITY_FORMS.map((form) => (
          <Checkbox key={form} id={`form-${form}`} name="forms" value={form} label={t(`forms.${form}`)} hint={t(`formHints.${form}`)} defaultChecked={chosenForms.includes(form)} />
        ))}
      </fieldset>
      <Field id="title" label={t("form.title")} hint={t("form.titleHint", { max: ACTIVITY_LIMITS.title })} error={errorOf("title")}>
        <TextInput id="title" defaultValue={value("title")} maxLength={ACTIVITY_LIMITS.title} />
      </Field>
      <Field id="subjectMatter" label={t("form.subjectMatter")} hint={t("form.subjectMatterHint")} error={errorOf("subjectMatter")}>
        <TextArea id="subjectMatter" rows={5} defaultValue={value("subjectMatter")} maxLength={ACTIVITY_LIMITS.subjectMatter} counterLabel={(count, max) => t("counter", { count, max })} />
      </Field>
      <Field id="goals" label={t("form.goals")} hint={t("form.goalsHint")} error={errorOf("goals")}>
        <TextArea id="goals" rows={5} defaultValue={value("goals")} maxLength={ACTIVITY_LIMITS.goals} counterLabel={(count, max) => t("counter", { count, max })} />
      </Field>
      <div className="flex flex-wrap gap-6">
        <Field id="plannedStart" label={t("form.plannedStart")} hint={tFormats("dateInputHint")} error={errorOf("plannedStart")}>
          <TextInput id="plannedStart" type="date" width="short" defaultValue={value("plannedStart")} />
        </Field>
        <Field id="plannedEnd" label={t("form.plannedEnd")} hint={tFormats("dateInputHint")} error={errorOf("plannedEnd")}>
          <TextInput id="plannedEnd" type="date" width="short" defaultValue={value("plannedEnd")} />
        </Field>
      </div>
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {props.submitLabel}
      </Button>
    </form>
  );
}
