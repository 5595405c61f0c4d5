"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Checkbox, Field, FormProblems, Select, type SelectOption, TextInput, useFormMessages } from "@/app/_components";
import type { AdminFormState } from "../form-state";

/** The fields of agencyFormSchema, in the order the form shows them. */
export const AGENCY_FORM_FIELDS = ["slug", "nameKk", "nameRu", "nameEn", "level", "regionCode", "website", "requiresApproval"] as const;

type AgencyFormProps = {
  action: (previous: AdminFormState, formData: FormData) => Promise<AdminFormState>;
  /** Set when editing: sent as a hidden field. */
  agencyId?: string;
  initial: Record<string, string>;
  /** Levels and regions with labels in the reader's language (built on the server: no db/ import here). */
  levels: readonly SelectOption[];
  regions: readonly SelectOption[];
  submitLabel: string;
  savedText?: string;
};

/** Create or edit an agency: slug, names in three languages, level, region, website, approval. */
export function AgencyForm({ action, agencyId, initial, levels, regions, submitLabel, savedText }: AgencyFormProps) {
  const t = useTranslations("admin");
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(action, { values: initial });
  const { errorOf } = useFormMessages("admin", state);
  const values = state.values ?? initial;
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <FormProblems namespace="admin" state={state} fields={AGENCY_FORM_FIELDS} savedText={savedText} summaryId="agency-error-summary" />
      {agencyId ? <input type="hidden" name="agencyId" value={agencyId} /> : null}
      <Field id="slug" label={t("agencyForm.slug")} hint={t("agencyForm.slugHint")} error={errorOf("slug")}>
        <TextInput id="slug" name="slug" defaultValue={values.slug} width="medium" autoCapitalize="none" autoCorrect="off" spellCheck={false} required maxLength={80} />
      </Field>
      <Field id="nameKk" label={t("agencyForm.nameKk")} error={errorOf("nameKk")}>
        <TextInput id="nameKk" name="nameKk" lang="kk" defaultValue={values.nameKk} required maxLength={200} />
      </Field>
      <Field id="nameRu" label={t("agencyForm.nameRu")} error={errorOf("nameRu")}>
        <TextInput id="nameRu" name="nameRu" lang="ru" defaultValue={values.nameRu} required maxLength={200} />
      </Field>
      <Field id="nameEn" label={t("agencyForm.nameEn")} error={errorOf("nameEn")}>
        <TextInput id="nameEn" name="nameEn" lang="en" defaultValue={values.nameEn} required maxLength={200} />
      </Field>
      <Field id="level" label={t("agencyForm.level")} hint={t("agencyForm.levelHint")} error={errorOf("level")}>
        <Select
          id="level"
          name="level"
          defaultValue={values.level}
          placeholder={t("agencyForm.chooseLevel")}
          options={levels}
        />
      </Field>
      <Field id="regionCode" label={t("agencyForm.region")} hint={t("agencyForm.regionHint")} error={errorOf("regionCode")}>
        <Select id="regionCode" name="regionCode" defaultValue={values.regionCode} options={[{ value: "", label: t("agencyForm.nationwide") }, ...regions]} />
      </Field>
      <Field id="website" label={t("agencyForm.website")} hint={t("agencyForm.websiteHint")} error={errorOf("website")}>
        <TextInput id="website" name="website" type="url" inputMode="url" defaultValue={values.website} autoCapitalize="none" spellCheck={false} maxLength={500} />
      </Field>
      <Checkbox
        id="requiresApproval"
        name="requiresApproval"
        label={t("agencyForm.requiresApproval")}
        hint={t("agencyForm.requiresApprovalHint")}
        error={errorOf("requiresApproval")}
        defaultChecked={values.requiresApproval === "on"}
      />
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {submitLabel}
      </Button>
    </form>
  );
}
