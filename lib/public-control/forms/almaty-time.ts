import { ALMATY_TIME_ZONE } from "@/lib/calendar/working-days";

// Hearing times are entered and shown as wall-clock time in Almaty, whatever the server's zone.

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of a wall-clock time "YYYY-MM-DDTHH:mm" in Almaty. */
export function almatyLocalToDate(local: string, timeZone: string = ALMATY_TIME_ZONE): Date {
  const [dayPart, timePart] = local.split("T");
  const [year, month, dayOfMonth] = dayPart.split("-").map(Number);
  const [hour, minute] = timePart.split(":").map(Number);
  const wallClockAsUtc = Date.UTC(year, month - 1, dayOfMonth, hour, minute);
  // Two passes settle the offset even next to a change of offset (Kazakhstan changed in 2024).
  let instant = wallClockAsUtc - offsetMinutes(new Date(wallClockAsUtc), timeZone) * 60_000;
  instant = wallClockAsUtc - offsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

/** The wall-clock time in Almaty of an instant, as "YYYY-MM-DDTHH:mm" (for a datetime-local value). */
export function dateToAlmatyLocal(instant: Date, timeZone: string = ALMATY_TIME_ZONE): string {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}
