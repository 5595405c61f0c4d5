// Deadline arithmetic of the agency dashboard, pure: a WorkingCalendar and days in, days out.
// Days are 'YYYY-MM-DD' in Asia/Almaty (lib/calendar/working-days.ts).
import { addCalendarDays, type DeadlineExplanation, type SkippedDay, type WorkingCalendar } from "@/lib/calendar/working-days";
import type { AgencyAlertKind } from "./states";

/**
 * Where an item's statutory clock stands, for the public badge and the inbox:
 * - "none": no clock (not started) or the item is answered;
 * - "running": due later;
 * - "due_today": the due day is today (still in time);
 * - "overdue": the due day has passed without an answer.
 */
export type OverdueState = "none" | "running" | "due_today" | "overdue";

/**
 * The clock of an item as the public sees it. Pages and lists show the public "Overdue" badge
 * when this is "overdue": `overdueState(petition.responseDueOn, today, petition.state === "responded")`.
 */
export function overdueState(dueOn: string | null | undefined, today: string, answered: boolean): OverdueState {
  if (!dueOn || answered) return "none";
  if (today > dueOn) return "overdue";
  if (today === dueOn) return "due_today";
  return "running";
}

/** Working days from today to the due day: positive ahead of it, 0 on it, negative once overdue. */
export function workingDaysLeft(calendar: WorkingCalendar, today: string, dueOn: string): number {
  return calendar.countWorkingDaysBetween(today, dueOn);
}

/**
 * Which escalation alert is due today, if any: "overdue" once the due day has passed, "due" on
 * it, "before" within `beforeWorkingDays` working days of it (so a job that missed the exact day
 * still warns), else null.
 */
export function alertFor(calendar: WorkingCalendar, today: string, dueOn: string, beforeWorkingDays: number): AgencyAlertKind | null {
  if (today > dueOn) return "overdue";
  if (today === dueOn) return "due";
  return workingDaysLeft(calendar, today, dueOn) <= beforeWorkingDays ? "before" : null;
}

/**
 * The last day on which a hearing can still be announced with `noticeWorkingDays` working days'
 * notice and held no later than `holdBy` (the answer's due day). Whether that day is already past
 * is for the caller to compare with today.
 */
export function latestNoticeDay(calendar: WorkingCalendar, holdBy: string, noticeWorkingDays: number): string {
  let day = holdBy;
  // addWorkingDays grows with its start day, so walking back finds the latest start that fits.
  while (calendar.addWorkingDays(day, noticeWorkingDays) > holdBy) day = addCalendarDays(day, -1);
  return day;
}

/** An explanation split for reading: how many plain weekend days, and the named days off one by one. */
export function summarizeSkipped(explanation: DeadlineExplanation): { weekendDays: number; namedDays: SkippedDay[] } {
  return {
    weekendDays: explanation.skipped.filter((day) => day.reason === "weekend").length,
    namedDays: explanation.skipped.filter((day) => day.reason !== "weekend"),
  };
}

/**
 * The rule of README "Statutory clocks": a running clock's due day is always the start day plus
 * its working days under the calendar in force now. Returns the new explanation when a calendar
 * edit moved the due day, null when it did not.
 */
export function recomputedDeadline(calendar: WorkingCalendar, clock: { startDay: string; workingDays: number; dueOn: string }): DeadlineExplanation | null {
  const explanation = calendar.explainDeadline(clock.startDay, clock.workingDays);
  return explanation.due === clock.dueOn ? null : explanation;
}
