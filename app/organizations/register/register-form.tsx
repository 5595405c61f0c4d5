"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, TextArea, TextInput } from "@/app/_components";
import { FormProblems } from "../../activities/_shared/form-problems";
import type { AreaFormState } from "../../activities/_shared/form-state";
import { useAreaMessages } from "../../activities/_shared/use-area-messages";
import { registerOrganizationAction } from "../actions";

const FIELDS = ["name", "bin", "contactEmail", "phone", "website", "address", "foundingDocument"] as const;

/** Registering an NGO: its name, BIN, contacts and founding document. */
export function RegisterOrganizationForm() {
  const t = useTranslations("organizations");
  const [state, formAction, pending] = useActionState<AreaFormState, FormData>(registerOrganizationAction, {});
  const { errorOf } = useAreaMessages("organizations", state);
  const values = state.values ?? {};
  return (
    <form action={formAction} noValidate className="stack">
      <FormProblems namespace="organizations" state={state} fields={FIELDS} />
      <Field id="name" label={t("form.name")} hint={t("form.nameHint")} error={errorOf("name")}>
        <TextInput id="name" defaultValue={values.name} maxLength={200} autoComplete="organization" />
      </Field>
      <Field id="bin" label={t("form.bin")} hint={t("form.binHint")} error={errorOf("bin")}>
        <TextInput id="bin" defaultValue={values.bin} inputMode="numeric" maxLength={14} width="short" autoComplete="off" />
      </Field>
      <Field id="contactEmail" label={t("form.contactEmail")} error={errorOf("contactEmail")}>
        <TextInput id="contactEmail" type="email" defaultValue={values.contactEmail} maxLength={254} width="medium" autoComplete="email" />
      </Field>
      <Field id="phone" label={t("form.phone")} hint={t("form.optional")} error={errorOf("phone")}>
        <TextInput id="phone" type="tel" defaultValue={values.phone} maxLength={40} width="medium" autoComplete="tel" />
      </Field>
      <Field id="website" label={t("form.website")} hint={t("form.websiteHint")} error={errorOf("website")}>
        <TextInput id="website" type="url" defaultValue={values.website} maxLength={300} autoComplete="url" />
      </Field>
      <Field id="address" label={t("form.address")} hint={t("form.optional")} error={errorOf("address")}>
        <TextArea id="address" rows={2} defaultValue={values.address} maxLength={500} autoComplete="street-address" />
      </Field>
      <Field id="foundingDocument" label={t("form.foundingDocument")} hint={t("form.foundingDocumentHint")} error={errorOf("foundingDocument")}>
        <input id="foundingDocument" name="foundingDocument" type="file" accept="application/pdf,image/jpeg,image/png,image/webp" className="block min-h-11 w-full py-2" />
      </Field>
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {t("form.submit")}
      </Button>
    </form>
  );
}
