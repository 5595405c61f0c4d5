// The statutory clocks of an activity, pure: a WorkingCalendar and days in, days out.
import type { DeadlineExplanation, WorkingCalendar } from "@/lib/calendar/working-days";
import type { PublicControlSettings } from "./settings";

/** Completion day + 7 working days: when the final document must have been sent. */
export function finalDocumentDeadline(calendar: WorkingCalendar, completedOn: string, settings: PublicControlSettings): DeadlineExplanation {
  return calendar.explainDeadline(completedOn, settings.finalDocumentWorkingDays);
}

/** Sending day + 10 working days: when every recommendation must be answered. */
export function answerDeadline(calendar: WorkingCalendar, sentOn: string, settings: PublicControlSettings): DeadlineExplanation {
  return calendar.explainDeadline(sentOn, settings.answerWorkingDays);
}

/** Asking day + 15 working days (setting): when an information request must be answered. */
export function informationRequestDeadline(calendar: WorkingCalendar, askedOn: string, settings: PublicControlSettings): DeadlineExplanation {
  return calendar.explainDeadline(askedOn, settings.informationRequestWorkingDays);
}

/** The earliest day the object's hearing on the final document may be held: today + 3 working days. */
export function earliestHearingDay(calendar: WorkingCalendar, today: string, settings: PublicControlSettings): string {
  return calendar.addWorkingDays(today, settings.hearingNoticeWorkingDays);
}

/** Overdue once the due day has passed without the thing being done (the due day itself is in time). */
export function isOverdue(dueOn: string | null, today: string): boolean {
  return !!dueOn && today > dueOn;
}

/** Working days from today to the due day: positive ahead of it, 0 on it, negative once overdue. */
export function workingDaysLeft(calendar: WorkingCalendar, today: string, dueOn: string): number {
  return calendar.countWorkingDaysBetween(today, dueOn);
}

/** What a clock looks like today, for badges: on time, due soon, due today, overdue. */
export type ClockStatus = "on_time" | "due_soon" | "due_today" | "overdue";

export function clockStatus(calendar: WorkingCalendar, today: string, dueOn: string, soonWithin: number): ClockStatus {
  if (isOverdue(dueOn, today)) return "overdue";
  if (today === dueOn) return "due_today";
  return workingDaysLeft(calendar, today, dueOn) <= soonWithin ? "due_soon" : "on_time";
}

/**
 * Whether the daily reminder goes to the subject: the final document is unsent and due within
 * `reminderWorkingDaysBefore` working days, due today, or overdue.
 */
export function needsFinalDocumentReminder(calendar: WorkingCalendar, today: string, dueOn: string, settings: PublicControlSettings): boolean {
  return clockStatus(calendar, today, dueOn, settings.reminderWorkingDaysBefore) !== "on_time";
}
