"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Notice, useFormMessages, VisuallyHidden } from "@/app/_components";
import type { AdminFormState } from "../form-state";
import { deleteCalendarDayAction } from "./actions";

/** The delete button in one calendar row; `label` names the day for screen readers. */
export function DeleteDayButton({ day, label }: { day: string; label: string }) {
  const t = useTranslations("admin");
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(deleteCalendarDayAction, {});
  const { message } = useFormMessages("admin", state);
  return (
    <form action={formAction}>
      <input type="hidden" name="day" value={day} />
      <Button type="submit" variant="danger" size="sm" disabled={pending}>
        {t("calendar.delete")}
        <VisuallyHidden> — {label}</VisuallyHidden>
      </Button>
      {message ? (
        <Notice tone="error" className="mt-2">
          {message}
        </Notice>
      ) : null}
    </form>
  );
}
