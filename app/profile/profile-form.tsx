"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, ErrorSummary, Field, Notice, Select, TextInput } from "@/app/_components";
import { updateProfileAction, type ProfileState } from "./actions";

export function ProfileForm({ name, locale }: { name: string; locale: string }) {
  const t = useTranslations("profile");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<ProfileState, FormData>(updateProfileAction, { values: { name, locale } });
  const errorOf = (field: string) => state.fieldErrors?.[field]?.map((key) => tv(key as never))[0];
  const errors = ["name", "locale"].flatMap((field) => (errorOf(field) ? [{ fieldId: field, message: errorOf(field)! }] : []));
  return (
    <form action={action} noValidate className="stack">
      {errors.length ? <ErrorSummary title={t("errorSummary")} errors={errors} /> : null}
      {state.message ? <Notice tone="error">{te(state.message as never)}</Notice> : null}
      {state.saved ? <Notice tone="success">{t("saved")}</Notice> : null}
      <Field id="name" label={t("nameLabel")} hint={t("nameHint")} error={errorOf("name")}>
        <TextInput id="name" name="name" defaultValue={state.values?.name} autoComplete="name" required maxLength={100} />
      </Field>
      <Field id="locale" label={t("localeLabel")} error={errorOf("locale")}>
        <Select
          id="locale"
          name="locale"
          defaultValue={state.values?.locale}
          options={[
            { value: "kk", label: "Қазақша" },
            { value: "ru", label: "Русский" },
            { value: "en", label: "English" },
          ]}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
