"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Field, FormProblems, Notice, Select, type SelectOption, TextInput, useFormMessages, VisuallyHidden } from "@/app/_components";
import type { AdminFormState } from "../../form-state";
import { removeAgencyMemberAction, saveAgencyMemberAction } from "./actions";

/** Add a person who already has an account, by e-mail, as staff or supervisor. */
export function AddMemberForm({ agencyId, roles }: { agencyId: string; roles: readonly SelectOption[] }) {
  const t = useTranslations("admin");
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(saveAgencyMemberAction, { values: { email: "", role: "staff" } });
  const { errorOf } = useFormMessages("admin", state);
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <FormProblems namespace="admin" state={state} fields={["email", "role"]} idPrefix="member-" summaryId="member-error-summary" />
      <input type="hidden" name="agencyId" value={agencyId} />
      <Field id="member-email" label={t("members.email")} hint={t("members.emailHint")} error={errorOf("email")}>
        <TextInput id="member-email" name="email" type="email" autoComplete="off" spellCheck={false} defaultValue={state.values?.email} width="medium" />
      </Field>
      <Field id="member-role" label={t("members.role")} error={errorOf("role")}>
        <Select id="member-role" name="role" defaultValue={state.values?.role} options={roles} />
      </Field>
      <Button type="submit" disabled={pending} fullWidthOnMobile>
        {t("members.add")}
      </Button>
    </form>
  );
}

/** The role select and button in one member's row; adding again with another role changes it. */
export function MemberRoleForm({
  agencyId,
  userId,
  email,
  role,
  who,
  roles,
}: {
  agencyId: string;
  userId: string;
  email: string;
  role: string;
  /** The person's name or e-mail, read out with the button so it is clear whose role changes. */
  who: string;
  roles: readonly SelectOption[];
}) {
  const t = useTranslations("admin");
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(saveAgencyMemberAction, {});
  const { errorOf, message } = useFormMessages("admin", state);
  const id = `role-${userId}`;
  const problem = message ?? errorOf("role") ?? errorOf("email");
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="agencyId" value={agencyId} />
      <input type="hidden" name="email" value={email} />
      <label htmlFor={id} className="sr-only">
        {t("members.roleOf", { who })}
      </label>
      <Select id={id} name="role" defaultValue={role} options={roles} width="short" />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {t("members.changeRole")}
        <VisuallyHidden> — {who}</VisuallyHidden>
      </Button>
      {problem ? (
        <Notice tone="error" className="w-full">
          {problem}
        </Notice>
      ) : state.saved && state.notice ? (
        <Notice tone="success" className="w-full">
          {t(state.notice as never)}
        </Notice>
      ) : null}
    </form>
  );
}

/** The remove button in one member's row. */
export function RemoveMemberForm({ agencyId, userId, who }: { agencyId: string; userId: string; who: string }) {
  const t = useTranslations("admin");
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(removeAgencyMemberAction, {});
  const { message } = useFormMessages("admin", state);
  return (
    <form action={formAction}>
      <input type="hidden" name="agencyId" value={agencyId} />
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" variant="danger" size="sm" disabled={pending}>
        {t("members.remove")}
        <VisuallyHidden> — {who}</VisuallyHidden>
      </Button>
      {message ? (
        <Notice tone="error" className="mt-2">
          {message}
        </Notice>
      ) : null}
    </form>
  );
}
