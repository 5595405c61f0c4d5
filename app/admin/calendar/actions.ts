"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { deleteCalendarDay } from "@/lib/calendar/delete-calendar-day";
import { saveCalendarDay } from "@/lib/calendar/save-calendar-day";
import { calendarDayDeletionSchema, calendarDaySchema } from "@/lib/calendar/schema";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formValues, refused, type AdminFormState } from "../form-state";

const FIELDS = ["day", "kind", "nameKk", "nameRu", "nameEn"] as const;

function revalidateCalendar() {
  revalidatePath("/admin/calendar");
  // Every page showing a deadline reads the calendar.
  revalidatePath("/", "layout");
}

export async function saveCalendarDayAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const values = formValues(formData, FIELDS);
  const parsed = calendarDaySchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  let notice: string;
  try {
    const result = await saveCalendarDay({ db: getDb(), actor: await currentActor(), input: parsed.data });
    notice = !result.changed ? "calendar.unchanged" : result.created ? "calendar.created" : "calendar.updated";
  } catch (error) {
    return refused(error, values);
  }
  revalidateCalendar();
  return { saved: true, notice, values };
}

export async function deleteCalendarDayAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const parsed = calendarDayDeletionSchema.safeParse(formValues(formData, ["day"]));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), message: "invalidInput" };
  try {
    await deleteCalendarDay({ db: getDb(), actor: await currentActor(), day: parsed.data.day });
  } catch (error) {
    return refused(error);
  }
  revalidateCalendar();
  // The row (and its button) disappears, so the page shows the confirmation.
  const { day } = parsed.data;
  redirect(`/admin/calendar?year=${day.slice(0, 4)}&notice=dayDeleted&deleted=${day}#exceptions`);
}
