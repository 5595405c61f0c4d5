"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, TextArea } from "@/app/_components";
import { FormProblems } from "../../activities/_shared/form-problems";
import type { AreaFormState } from "../../activities/_shared/form-state";
import { useAreaMessages } from "../../activities/_shared/use-area-messages";
import { refuseOrganizationAction } from "./actions";

/** A moderator refuses an organization with a reason its owner will read. */
export function RefuseOrganizationForm({ organizationId, name, index }: { organizationId: string; name: string; index: number }) {
  const t = useTranslations("organizations");
  const [state, formAction, pending] = useActionState<AreaFormState, FormData>(refuseOrganizationAction, {});
  const { errorOf } = useAreaMessages("organizations", state);
  const prefix = `refuse-${index}-`;
  return (
    <form action={formAction} noValidate className="stack">
      <FormProblems namespace="organizations" state={state} fields={["reason"]} idPrefix={prefix} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="name" value={name} />
      <Field id={`${prefix}reason`} label={t("moderation.reason", { name })} hint={t("moderation.reasonHint")} error={errorOf("reason")}>
        <TextArea id={`${prefix}reason`} name="reason" rows={3} defaultValue={state.values?.reason} maxLength={2000} />
      </Field>
      <Button type="submit" variant="danger" disabled={pending}>
        {t("moderation.refuse", { name })}
      </Button>
    </form>
  );
}
