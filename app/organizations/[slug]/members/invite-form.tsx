"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, TextInput } from "@/app/_components";
import { FormProblems } from "../../../activities/_shared/form-problems";
import type { AreaFormState } from "../../../activities/_shared/form-state";
import { useAreaMessages } from "../../../activities/_shared/use-area-messages";
import { inviteMemberAction } from "../../actions";

/** The owner invites a person to act for the organization. */
export function InviteMemberForm({ organizationId, slug }: { organizationId: string; slug: string }) {
  const t = useTranslations("organizations");
  const [state, formAction, pending] = useActionState<AreaFormState, FormData>(inviteMemberAction, {});
  const { errorOf } = useAreaMessages("organizations", state);
  return (
    <form action={formAction} noValidate className="stack max-w-xl">
      <FormProblems namespace="organizations" state={state} fields={["email"]} idPrefix="invite-" />
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="slug" value={slug} />
      <Field id="invite-email" label={t("members.email")} hint={t("members.emailHint")} error={errorOf("email")}>
        <TextInput id="invite-email" name="email" type="email" defaultValue={state.values?.email} maxLength={254} width="medium" autoComplete="off" />
      </Field>
      <Button type="submit" disabled={pending}>
        {t("members.invite")}
      </Button>
    </form>
  );
}
