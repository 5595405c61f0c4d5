"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, FormProblems, TextArea, useFormMessages } from "@/app/_components";
import type { ModerationFormState } from "../../../form-state";
import { invalidateSignaturesAction } from "./actions";

/** The second step: the previewed criteria travel as hidden fields; the reason is required. */
export function ConfirmInvalidationForm({
  petitionId,
  number,
  emailDomain,
  ipRange,
  count,
}: {
  petitionId: string;
  number: number;
  emailDomain?: string;
  ipRange?: string;
  count: number;
}) {
  const t = useTranslations("moderation");
  const [state, action, pending] = useActionState<ModerationFormState, FormData>(invalidateSignaturesAction, {});
  const { errorOf } = useFormMessages("moderation", state);
  return (
    <form action={action} noValidate className="stack">
      <FormProblems namespace="moderation" messageBesideFieldErrors state={state} fields={["reason"]} idPrefix="confirm-" />
      <input type="hidden" name="petitionId" value={petitionId} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="emailDomain" value={emailDomain ?? ""} />
      <input type="hidden" name="ipRange" value={ipRange ?? ""} />
      <TextArea
        id="confirm-reason"
        name="reason"
        label={t("signatures.reasonLabel")}
        hint={t("signatures.reasonHint")}
        maxLength={1000}
        counterLabel={(count: number, max: number) => t("review.noteCounter", { count, max })}
        rows={3}
        defaultValue={state.values?.reason}
        error={errorOf("reason")}
        required
      />
      <Button type="submit" variant="danger" disabled={pending} fullWidthOnMobile>
        {t("signatures.confirm", { count })}
      </Button>
    </form>
  );
}
