"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Notice, useFormMessages, VisuallyHidden } from "@/app/_components";
import type { AdminFormState } from "../form-state";
import { changePlatformRoleAction } from "./actions";

/** One grant or revoke button for one role of one person, with its own error message. */
export function RoleButton({ userId, role, held, who }: { userId: string; role: "moderator" | "admin"; held: boolean; who: string }) {
  const t = useTranslations("admin");
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(changePlatformRoleAction, {});
  const { message } = useFormMessages("admin", state);
  return (
    <form action={formAction}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={role} />
      <input type="hidden" name="change" value={held ? "revoke" : "grant"} />
      <Button type="submit" variant={held ? "secondary" : "primary"} size="sm" disabled={pending}>
        {t(held ? `users.revoke.${role}` : `users.grant.${role}`)}
        <VisuallyHidden> — {who}</VisuallyHidden>
      </Button>
      {message ? (
        <Notice tone="error" className="mt-2">
          {message}
        </Notice>
      ) : state.saved && state.notice ? (
        // The button's new words already show the change; this tells screen-reader users too.
        <p role="status" className="sr-only">
          {t(state.notice as never)}
        </p>
      ) : null}
    </form>
  );
}
