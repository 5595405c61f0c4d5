"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, FormProblems, Select, type SelectOption, TextInput, useFormMessages } from "@/app/_components";
import type { AdminFormState } from "../form-state";
import { saveCalendarDayAction } from "./actions";

const FIELDS = ["day", "kind", "nameKk", "nameRu", "nameEn"] as const;

/** Add an exception to the five-day week, or change the one listed for that day. */
export function CalendarDayForm({ initial, kinds }: { initial: Record<string, string>; kinds: readonly SelectOption[] }) {
  const t = useTranslations("admin");
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(saveCalendarDayAction, { values: initial });
  const { errorOf } = useFormMessages("admin", state);
  const values = state.values ?? initial;
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <FormProblems namespace="admin" state={state} fields={FIELDS} idPrefix="calendar-" summaryId="calendar-error-summary" />
      <Field id="calendar-day" label={t("calendar.day")} hint={t("calendar.dayHint")} error={errorOf("day")}>
        <TextInput id="calendar-day" name="day" type="date" defaultValue={values.day} width="short" required />
      </Field>
      <Field id="calendar-kind" label={t("calendar.kind")} hint={t("calendar.kindHint")} error={errorOf("kind")}>
        <Select id="calendar-kind" name="kind" defaultValue={values.kind} placeholder={t("calendar.chooseKind")} options={kinds} />
      </Field>
      <Field id="calendar-nameKk" label={t("calendar.nameKk")} error={errorOf("nameKk")}>
        <TextInput id="calendar-nameKk" name="nameKk" lang="kk" defaultValue={values.nameKk} maxLength={200} required />
      </Field>
      <Field id="calendar-nameRu" label={t("calendar.nameRu")} error={errorOf("nameRu")}>
        <TextInput id="calendar-nameRu" name="nameRu" lang="ru" defaultValue={values.nameRu} maxLength={200} required />
      </Field>
      <Field id="calendar-nameEn" label={t("calendar.nameEn")} error={errorOf("nameEn")}>
        <TextInput id="calendar-nameEn" name="nameEn" lang="en" defaultValue={values.nameEn} maxLength={200} required />
      </Field>
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {t("calendar.save")}
      </Button>
    </form>
  );
}
