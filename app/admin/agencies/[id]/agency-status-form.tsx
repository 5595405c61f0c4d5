"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, FormProblems } from "@/app/_components";
import type { AdminFormState } from "../../form-state";
import { setAgencyActiveAction } from "./actions";

/** Deactivate (hide from new petitions and the directory) or reactivate an agency. */
export function AgencyStatusForm({ agencyId, active }: { agencyId: string; active: boolean }) {
  const t = useTranslations("admin");
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(setAgencyActiveAction, {});
  return (
    <form action={formAction}>
      <FormProblems namespace="admin" state={state} fields={[]} summaryId="status-error-summary" />
      <input type="hidden" name="agencyId" value={agencyId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <p className="mb-4 max-w-[40em]">{active ? t("agency.activeExplanation") : t("agency.inactiveExplanation")}</p>
      <Button type="submit" variant={active ? "danger" : "secondary"} disabled={pending} fullWidthOnMobile>
        {active ? t("agency.deactivate") : t("agency.reactivate")}
      </Button>
    </form>
  );
}
