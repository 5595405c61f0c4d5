"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, ErrorSummary, Field, Notice, TextInput } from "@/app/_components";
import { requestSignInLink, type SignInState } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth");
  const tv = useTranslations("validation");
  const [state, action, pending] = useActionState<SignInState, FormData>(requestSignInLink, {});
  const emailErrors = state.fieldErrors?.email?.map((key) => tv(key as never));
  return (
    <form action={action} noValidate className="stack">
      {emailErrors?.length ? (
        <ErrorSummary title={t("errorSummary")} errors={[{ fieldId: "email", message: emailErrors[0] }]} />
      ) : null}
      {state.message ? <Notice tone="error">{t(`errors.${state.message}` as never)}</Notice> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
      <Field id="email" label={t("emailLabel")} hint={t("emailHint")} error={emailErrors?.[0]}>
        <TextInput id="email" name="email" type="email" autoComplete="email" defaultValue={state.email} required />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t("sending") : t("sendLink")}
      </Button>
    </form>
  );
}
