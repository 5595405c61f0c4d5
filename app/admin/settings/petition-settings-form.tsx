"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Checkbox, Field, FormProblems, Section, Select, type SelectOption, TextInput, useFormMessages } from "@/app/_components";
import type { AgencyLevel } from "@/db/schema/agencies";
import {
  PETITION_SETTINGS_FORM_FIELDS,
  responseDaysField,
  THRESHOLD_KINDS,
  thresholdKindField,
  thresholdValueField,
} from "@/lib/petitions/settings-schema";
import type { AdminFormState } from "../form-state";
import { updatePetitionSettingsAction } from "./actions";

/** An agency level with its name in the reader's language (built on the server). */
export type LevelOption = { value: AgencyLevel; label: string };

/** Every petition rule in one form: each control's id is its field name, so the summary links to it. */
export function PetitionSettingsForm({ initial, levels }: { initial: Record<string, string>; levels: readonly LevelOption[] }) {
  const t = useTranslations("admin");
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(updatePetitionSettingsAction, { values: initial });
  const { errorOf } = useFormMessages("admin", state);
  const values = state.values ?? initial;
  const kinds: SelectOption[] = THRESHOLD_KINDS.map((kind) => ({ value: kind, label: t(`settings.kinds.${kind}`) }));

  const wholeNumber = (field: string, label: string, hint: string, max: number) => (
    <Field id={field} label={label} hint={hint} error={errorOf(field)}>
      <TextInput id={field} name={field} type="number" inputMode="numeric" min={1} max={max} step={1} defaultValue={values[field]} width="short" required />
    </Field>
  );

  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <FormProblems namespace="admin" state={state} fields={PETITION_SETTINGS_FORM_FIELDS} summaryId="settings-error-summary" />

      <Section title={t("settings.support.title")} id="support" description={t("settings.support.description")} className="mt-10">
        {wholeNumber("supportThreshold", t("settings.supportThreshold"), t("settings.supportThresholdHint"), 100_000)}
        {wholeNumber("supportWorkingDays", t("settings.supportWorkingDays"), t("settings.supportWorkingDaysHint"), 365)}
        {wholeNumber("moderationWorkingDays", t("settings.moderationWorkingDays"), t("settings.moderationWorkingDaysHint"), 365)}
      </Section>

      <Section title={t("settings.collection.title")} id="collection" description={t("settings.collection.description")} className="mt-10">
        {wholeNumber("collectionMonths", t("settings.collectionMonths"), t("settings.collectionMonthsHint"), 36)}
        <fieldset aria-describedby="response-days-hint">
          <legend className="text-lg font-bold">{t("settings.responseDaysLegend")}</legend>
          <p id="response-days-hint" className="mb-4 text-muted">
            {t("settings.responseDaysHint")}
          </p>
          <div className="grid gap-x-6 sm:grid-cols-2">
            {levels.map(({ value: level, label }) => {
              const field = responseDaysField(level);
              return (
                <Field key={level} id={field} label={t("settings.responseDaysFor", { level: label })} error={errorOf(field)}>
                  <TextInput id={field} name={field} type="number" inputMode="numeric" min={1} max={365} step={1} defaultValue={values[field]} width="short" required />
                </Field>
              );
            })}
          </div>
        </fieldset>
      </Section>

      <Section title={t("settings.thresholds.title")} id="thresholds" description={t("settings.thresholds.description")} className="mt-10">
        <div className="border-b-2 border-line">
          {levels.map(({ value: level, label }) => {
            const kindField = thresholdKindField(level);
            const valueField = thresholdValueField(level);
            return (
              <fieldset key={level} className="border-t-2 border-line pt-4">
                <legend className="float-left mb-3 w-full text-lg font-bold">{label}</legend>
                <div className="clear-left flex flex-col gap-x-6 sm:flex-row sm:items-start">
                  <Field id={kindField} label={t("settings.thresholdKindFor", { level: label })} error={errorOf(kindField)} className="sm:flex-1">
                    <Select id={kindField} name={kindField} defaultValue={values[kindField]} options={kinds} width="full" />
                  </Field>
                  <Field id={valueField} label={t("settings.thresholdFor", { level: label })} error={errorOf(valueField)} className="sm:flex-1">
                    <TextInput id={valueField} name={valueField} inputMode="decimal" defaultValue={values[valueField]} width="short" autoComplete="off" required />
                  </Field>
                </div>
              </fieldset>
            );
          })}
        </div>
      </Section>

      <Section title={t("settings.signers.title")} id="signers" description={t("settings.signers.description")} className="mt-10">
        <Checkbox
          id="requireIin"
          name="requireIin"
          label={t("settings.requireIin")}
          hint={t("settings.requireIinHint")}
          error={errorOf("requireIin")}
          defaultChecked={values.requireIin === "on"}
        />
        {wholeNumber("anonymizeAfterMonths", t("settings.anonymizeAfterMonths"), t("settings.anonymizeAfterMonthsHint"), 120)}
      </Section>

      <Section title={t("settings.rateLimits.title")} id="rate-limits" description={t("settings.rateLimits.description")} className="mt-10">
        {wholeNumber("signaturesPerIpPerHour", t("settings.signaturesPerIpPerHour"), t("settings.rateLimitHint"), 1_000_000)}
        {wholeNumber("signaturesPerEmailDomainPerMinute", t("settings.signaturesPerEmailDomainPerMinute"), t("settings.rateLimitHint"), 1_000_000)}
        {wholeNumber("petitionsPerCreatorPerDay", t("settings.petitionsPerCreatorPerDay"), t("settings.rateLimitHint"), 1_000_000)}
      </Section>

      <Button type="submit" disabled={pending} fullWidthOnMobile className="mt-4">
        {t("settings.save")}
      </Button>
    </form>
  );
}
