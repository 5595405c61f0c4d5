/** A 'YYYY-MM-DD' day as an instant inside that day in Almaty, for date formatting. */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** The page of an activity. */
export function activityPath(number: number): string {
  return `/activities/${number}`;
}
