// Deployment configuration read from the environment; each has a default that works on a laptop.

/** The public origin of the site, used in links in e-mails. */
export function siteUrl(): string {
  return (process.env.AUTH_URL || process.env.BIRGE_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
}

/**
 * A whole-number setting: `fallback` when unset or empty; anything that is not a whole number
 * of at least `min` stops the start with a message naming the setting (a typo must not quietly
 * turn a feature off).
 */
export function wholeNumberSetting(name: string, fallback: number, min = 0): number {
  const asked = process.env[name];
  if (asked === undefined || asked === "") return fallback;
  const count = Number(asked);
  if (!Number.isInteger(count) || count < min) throw new Error(`${name} must be a whole number${min > 0 ? ` from ${min}` : ""}, not "${asked}"`);
  return count;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM || "Birge <no-reply@birge.local>";
}

/** "production" hides development tools such as the mailbox page. */
export function appEnvironment(): "development" | "production" {
  return process.env.BIRGE_ENV === "production" ? "production" : "development";
}

export function mailboxEnabled(): boolean {
  return appEnvironment() !== "production";
}
