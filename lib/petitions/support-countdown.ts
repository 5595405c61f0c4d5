import type { WorkingCalendar } from "@/lib/calendar/working-days";

/** Where a petition gathering support stands: "N of 50, M working days left". */
export interface SupportCountdown {
  supporters: number;
  threshold: number;
  /** The last day to gather supporters ('YYYY-MM-DD', Almaty). */
  deadline: string;
  /** Working days after today up to and including the deadline: 0 on the last day, negative once past. */
  workingDaysLeft: number;
}

/**
 * The countdown the creator's page and the support digest show, from the calendar in force.
 * Pure: the caller passes the count, the calendar and today, so both say the same thing.
 */
export function supportCountdown(
  petition: { supportThreshold: number | null; supportDeadline: string | null },
  supporters: number,
  calendar: WorkingCalendar,
  today: string,
): SupportCountdown | null {
  if (petition.supportThreshold === null || petition.supportDeadline === null) return null;
  return {
    supporters,
    threshold: petition.supportThreshold,
    deadline: petition.supportDeadline,
    workingDaysLeft: calendar.countWorkingDaysBetween(today, petition.supportDeadline),
  };
}
