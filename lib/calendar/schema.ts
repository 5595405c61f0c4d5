import { z } from "zod";
import { plainString } from "@/lib/validation/text";
import { CALENDAR_DAY_KINDS } from "@/db/schema/calendar";
import { isDayString, isWeekend } from "./working-days";

const day = plainString().trim().refine(isDayString, "date");
const name = plainString().trim().min(2, "tooShort").max(200, "tooLong");

/**
 * A calendar exception as an admin enters it. The table lists only days that differ from the
 * five-day week, so a day off must fall on a weekday and a working weekend on a weekend.
 * The two refusal keys live in the "admin.validation" catalog.
 */
export const calendarDaySchema = z
  .object({
    day,
    kind: z.enum(CALENDAR_DAY_KINDS, { message: "choose" }),
    nameKk: name,
    nameRu: name,
    nameEn: name,
  })
  .superRefine((value, context) => {
    // zod runs this even when `day` failed its own check; that failure is already reported.
    if (!isDayString(value.day)) return;
    const weekend = isWeekend(value.day);
    if (value.kind === "working_weekend" && !weekend) {
      context.addIssue({ code: "custom", path: ["kind"], message: "workingWeekendOnWeekday" });
    } else if (value.kind !== "working_weekend" && weekend) {
      // A holiday on a Saturday or Sunday is not a day off in itself; the decree moves it to a weekday.
      context.addIssue({ code: "custom", path: ["kind"], message: "dayOffOnWeekend" });
    }
  });

/** The day whose exception is deleted. */
export const calendarDayDeletionSchema = z.object({ day });

/** The year shown on the admin calendar page; anything unreadable falls back to the current year. */
export const calendarYearSchema = z.coerce.number().int().min(2000).max(2100);

/** The deadline calculator's GET form: a start day and a number of working days. */
export const deadlineCalculatorSchema = z.object({
  start: day,
  // An empty box is "no number", not zero (which z.coerce would make of "").
  days: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number({ message: "number" }).int("number").min(0, "daysRange").max(366, "daysRange")),
});

export type CalendarDayInput = z.infer<typeof calendarDaySchema>;
export type DeadlineCalculatorInput = z.infer<typeof deadlineCalculatorSchema>;
