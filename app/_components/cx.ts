/** Joins class names, skipping empty ones, so conditional classes read as plain expressions. */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
