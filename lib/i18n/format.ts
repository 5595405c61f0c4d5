// How Birge writes dates and numbers: in the reader's language, days in Almaty's time zone.
// The one place for it outside React (mail, the form messages' values); pages use next-intl's
// formatter, configured with the same time zone (i18n/request.ts). Data (CSV, the JSON API)
// keeps ISO 8601 days: it is read by programs, not people.

/** Every day and time is shown as it is in Kazakhstan's capital. */
export const DISPLAY_TIME_ZONE = "Asia/Almaty";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/** A 'YYYY-MM-DD' calendar day, as the database and the calendar code keep days. */
export function isIsoDay(value: unknown): value is string {
  return typeof value === "string" && ISO_DAY.test(value);
}

/**
 * A 'YYYY-MM-DD' Almaty day as an instant inside that day, for a date formatter working in
 * Almaty time: noon UTC is late afternoon in Almaty, the same day.
 */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

export type DayStyle = "long" | "medium";

// Building an Intl formatter costs far more than using one; mail is rendered thousands a second.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** "23 December 2026" / "23 декабря 2026 г." / "2026 ж. 23 желтоқсан" for '2026-12-23'. */
export function formatDay(locale: string, day: string | Date, style: DayStyle = "long"): string {
  const format = cached(dayFormats, `${locale}:${style}`, () => new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: DISPLAY_TIME_ZONE }));
  return format.format(typeof day === "string" ? dayAsDate(day) : day);
}

/** A moment with its Almaty time: "23 December 2026 at 15:30". */
export function formatDateTime(locale: string, moment: Date): string {
  const format = cached(dateTimeFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: DISPLAY_TIME_ZONE }));
  return format.format(moment);
}

/** "1,340" / "1 340": grouped as the language writes numbers. */
export function formatNumber(locale: string, value: number): string {
  return cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);
}

/**
 * The values of a message ready for a reader: ISO days ('2026-12-23'), ISO instants
 * ('2026-12-23T10:00:00.000Z', shown in Almaty time) and Date objects become dates in the
 * reader's language; numbers are left to the message (ICU formats them, and plural rules need
 * the number). Used for mail and for values a server action hands to a form's messages.
 */
export function localizeValues<T extends Record<string, unknown>>(locale: string, values: T): { [K in keyof T]: T[K] extends Date ? string : T[K] } {
  let changed: Record<string, unknown> | null = null;
  for (const key in values) {
    const value = values[key];
    const formatted =
      value instanceof Date
        ? formatDateTime(locale, value)
        : isIsoDay(value)
          ? formatDay(locale, value)
          : typeof value === "string" && ISO_INSTANT.test(value)
            ? formatDateTime(locale, new Date(value))
            : null;
    if (formatted !== null) (changed ??= { ...values })[key] = formatted;
  }
  return (changed ?? values) as never;
}
