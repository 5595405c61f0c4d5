"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Button, Checkbox, ErrorSummary, Field, Notice, Select, TextInput } from "@/app/_components";
import { LinkedText } from "@/app/_layout/linked-text";
import { signatureFormSchema } from "@/lib/petitions/schema";

type Values = {
  fullName: string;
  email: string;
  regionCode: string;
  iin: string;
  nameDisplay: "initials" | "full" | "hidden";
  consent: boolean;
  notify: boolean;
};

type Outcome = "check_email" | "confirmed" | "already_signed";

/**
 * The sign form. Posts JSON to the signing endpoint (the fast path); the answer is the same
 * "check your e-mail" whether or not this address has signed before.
 */
export function SignPetitionForm(props: {
  petitionNumber: number;
  supportToken?: string;
  regions: { code: string; name: string }[];
  requireIin: boolean;
  defaultName?: string;
  defaultEmail?: string;
}) {
  const t = useTranslations("signing");
  const links = useTranslations("siteLinks");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(signatureFormSchema) as never,
    defaultValues: {
      fullName: props.defaultName ?? "",
      email: props.defaultEmail ?? "",
      regionCode: "",
      iin: "",
      nameDisplay: "initials",
      consent: false,
      notify: true,
    },
  });

  const text = (key: string | undefined) =>
    key ? (t.has(`validation.${key}` as never) ? t(`validation.${key}` as never) : tv.has(key as never) ? tv(key as never) : key) : undefined;
  const errorFor = (field: keyof Values) => text(errors[field]?.message as string | undefined) ?? text(serverErrors[field]?.[0]);
  const fields: (keyof Values)[] = ["fullName", "email", "regionCode", "iin", "consent"];
  const summary = fields.flatMap((f) => (errorFor(f) ? [{ fieldId: f, message: errorFor(f)! }] : []));

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    setServerErrors({});
    const response = await fetch(`/api/v1/petitions/${props.petitionNumber}/signatures`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ ...values, supportToken: props.supportToken }),
    }).catch(() => null);
    if (!response) return setMessage(te("internal"));
    const body = (await response.json().catch(() => ({}))) as { outcome?: Outcome; error?: { code: string; fieldErrors?: Record<string, string[]> } };
    if (response.ok && body.outcome) return setOutcome(body.outcome);
    if (body.error?.fieldErrors) return setServerErrors(body.error.fieldErrors);
    setMessage(body.error?.code === "rate_limited" ? te("rateLimited") : body.error?.code === "not_found" ? t("petitionNotSignable") : te("internal"));
  });

  if (outcome) {
    return (
      <Notice tone="success" title={t(`outcome.${outcome}.title`)}>
        {t(`outcome.${outcome}.body`)}
      </Notice>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label={t("formLabel")}>
      {summary.length ? <ErrorSummary title={t("errorSummary")} errors={summary} /> : null}
      {message ? <Notice tone="error">{message}</Notice> : null}
      <Field id="fullName" label={t("fullName")} hint={t("fullNameHint")} error={errorFor("fullName")}>
        <TextInput id="fullName" autoComplete="name" {...register("fullName")} />
      </Field>
      <Field id="email" label={t("email")} hint={t("emailHint")} error={errorFor("email")}>
        <TextInput id="email" type="email" autoComplete="email" {...register("email")} />
      </Field>
      <Field id="regionCode" label={t("region")} error={errorFor("regionCode")}>
        <Select id="regionCode" options={[{ value: "", label: t("regionChoose") }, ...props.regions.map((r) => ({ value: r.code, label: r.name }))]} {...register("regionCode")} />
      </Field>
      {props.requireIin ? (
        <Field id="iin" label={t("iin")} hint={t("iinHint")} error={errorFor("iin")}>
          <TextInput id="iin" inputMode="numeric" maxLength={12} width="short" autoComplete="off" {...register("iin")} />
        </Field>
      ) : null}
      <Field id="nameDisplay" label={t("nameDisplay")} hint={t("nameDisplayHint")}>
        <Select
          id="nameDisplay"
          options={[
            { value: "initials", label: t("nameDisplayInitials") },
            { value: "full", label: t("nameDisplayFull") },
            { value: "hidden", label: t("nameDisplayHidden") },
          ]}
          {...register("nameDisplay")}
        />
      </Field>
      <Checkbox
        id="consent"
        label={t("consent")}
        hint={
          <>
            {t("consentHint")} <LinkedText value={links("consentLinks")} />
          </>
        }
        error={errorFor("consent")} {...register("consent")} />
      <Checkbox id="notify" label={t("notify")} {...register("notify")} />
      <Button type="submit" size="lg" disabled={isSubmitting}>
        {isSubmitting ? t("signing") : t("signButton")}
      </Button>
    </form>
  );
}
