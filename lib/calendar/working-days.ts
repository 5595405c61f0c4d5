/**
 * The working-day calendar behind every statutory clock.
 *
 * Pure on purpose: no database and no "now". Days are plain 'YYYY-MM-DD' strings naming a
 * calendar day in Asia/Almaty, so a deadline never shifts with the server's time zone.
 * The exceptions (holidays, moved days off, working weekends) are data loaded by the caller
 * from `calendar_days`, because the Government moves days off by decree and no formula
 * alone can predict them.
 */

/** A kind of day that differs from the plain five-day week (mirrors CALENDAR_DAY_KINDS). */
export type CalendarExceptionKind = "holiday" | "moved_day_off" | "working_weekend";

/** One row of the calendar that differs from the five-day week, with its name in the reader's language. */
export type CalendarException = { day: string; kind: CalendarExceptionKind; name: string };

/** Why a day did not count towards a deadline. */
export type SkippedDayReason = "weekend" | "holiday" | "moved_day_off";

/** A day off passed over while counting a deadline; `name` is set for holidays and moved days off. */
export type SkippedDay = { day: string; reason: SkippedDayReason; name?: string };

/** A Saturday or Sunday that counted because a decree made it a working day. */
export type WorkedWeekend = { day: string; name: string };

/** How a deadline was computed, as shown to the citizen next to the due date. */
export type DeadlineExplanation = {
  start: string;
  workingDays: number;
  due: string;
  skipped: SkippedDay[];
  workedWeekends: WorkedWeekend[];
};

export const ALMATY_TIME_ZONE = "Asia/Almaty";

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MILLISECONDS_PER_DAY = 86_400_000;

/** The parts of a 'YYYY-MM-DD' day; month and dayOfMonth are 1-based. */
export type DayParts = { year: number; month: number; dayOfMonth: number };

/** True when `value` is a real calendar day written as 'YYYY-MM-DD'. */
export function isDayString(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, dayOfMonth] = match.map(Number);
  // Round-tripping through UTC rejects days the pattern allows but the calendar does not (2026-02-30).
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === dayOfMonth;
}

/** Splits a 'YYYY-MM-DD' day into numbers; throws on anything else. */
export function parseDay(day: string): DayParts {
  assertDay(day);
  const [year, month, dayOfMonth] = day.split("-").map(Number);
  return { year, month, dayOfMonth };
}

function assertDay(day: unknown, label = "day"): asserts day is string {
  if (!isDayString(day)) {
    throw new Error(`Invalid ${label} ${JSON.stringify(day)}: expected a calendar day as 'YYYY-MM-DD'`);
  }
}

// Day arithmetic runs on UTC midnights, where every day is exactly 24 hours long.
function toEpochDay(day: string): number {
  const { year, month, dayOfMonth } = parseDay(day);
  return Date.UTC(year, month - 1, dayOfMonth) / MILLISECONDS_PER_DAY;
}

function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

/** The day `days` calendar days after `day` (before it when negative). */
export function addCalendarDays(day: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Calendar days must be a whole number, got ${days}`);
  return fromEpochDay(toEpochDay(day) + days);
}

/** Day of the week of a 'YYYY-MM-DD' day: 0 = Sunday … 6 = Saturday, as Date#getDay. */
export function dayOfWeek(day: string): number {
  // Epoch day 0 (1970-01-01) was a Thursday.
  return (((toEpochDay(day) + 4) % 7) + 7) % 7;
}

export function isWeekend(day: string): boolean {
  const weekday = dayOfWeek(day);
  return weekday === 0 || weekday === 6;
}

// Building an Intl.DateTimeFormat costs tens of microseconds: one per time zone, kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar day in `timeZone` (Almaty by default) on which the instant `date` falls. */
export function toDayString(date: Date, timeZone: string = ALMATY_TIME_ZONE): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new Error(`Invalid date ${String(date)}: expected a valid Date instant`);
  }
  const parts = dayFormat(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Five-day week plus the listed exceptions: answers which days count and when a deadline falls. */
export class WorkingCalendar {
  private readonly exceptionsByDay: ReadonlyMap<string, CalendarException>;

  constructor(exceptions: readonly CalendarException[]) {
    const byDay = new Map<string, CalendarException>();
    for (const exception of exceptions) {
      assertDay(exception.day, "calendar exception day");
      // Two rows for one day would make the answer depend on load order; the table's primary key forbids it too.
      if (byDay.has(exception.day)) throw new Error(`Calendar exception listed twice for ${exception.day}`);
      byDay.set(exception.day, exception);
    }
    this.exceptionsByDay = byDay;
  }

  /** The exception listed for `day`, if any. */
  exceptionOn(day: string): CalendarException | undefined {
    assertDay(day);
    return this.exceptionsByDay.get(day);
  }

  isWorkingDay(day: string): boolean {
    const exception = this.exceptionOn(day);
    if (exception) return exception.kind === "working_weekend";
    return !isWeekend(day);
  }

  /** The deadline: the n-th working day strictly after `start`; `start` itself when n is 0. */
  addWorkingDays(start: string, workingDays: number): string {
    return this.explainDeadline(start, workingDays).due;
  }

  /**
   * Working days strictly after `from` up to and including `to`; negative when `to` is before
   * `from`, so "working days left" until a past due date goes below zero.
   */
  countWorkingDaysBetween(from: string, to: string): number {
    assertDay(from, "from day");
    assertDay(to, "to day");
    if (to === from) return 0;
    const [earlier, later, sign] = to > from ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = addCalendarDays(earlier, 1); day <= later; day = addCalendarDays(day, 1)) {
      if (this.isWorkingDay(day)) count++;
    }
    // `sign * 0` would be -0, which prints as 0 but fails Object.is comparisons.
    return count === 0 ? 0 : sign * count;
  }

  /** The deadline together with every day off it passed over and every weekend worked on the way. */
  explainDeadline(start: string, workingDays: number): DeadlineExplanation {
    assertDay(start, "start day");
    if (!Number.isInteger(workingDays) || workingDays < 0) {
      throw new RangeError(`Working days must be a whole number of zero or more, got ${workingDays}`);
    }
    const skipped: SkippedDay[] = [];
    const workedWeekends: WorkedWeekend[] = [];
    let due = start;
    let counted = 0;
    // Terminates: only finitely many days are listed, and every unlisted weekday is a working day.
    while (counted < workingDays) {
      due = addCalendarDays(due, 1);
      const exception = this.exceptionsByDay.get(due);
      if (this.isWorkingDay(due)) {
        counted++;
        if (exception && isWeekend(due)) workedWeekends.push({ day: due, name: exception.name });
      } else if (exception && exception.kind !== "working_weekend") {
        // A listed holiday on a weekend is reported by its name: more useful to the reader than "weekend".
        skipped.push({ day: due, reason: exception.kind, name: exception.name });
      } else {
        skipped.push({ day: due, reason: "weekend" });
      }
    }
    return { start, workingDays, due, skipped, workedWeekends };
  }
}
