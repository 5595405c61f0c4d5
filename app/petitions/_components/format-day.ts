/**
 * A 'YYYY-MM-DD' Almaty day as an instant inside that day, for next-intl's date formatter
 * (which formats in Asia/Almaty): noon UTC is late afternoon in Almaty, the same day.
 */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}
