// Deployment configuration read from the environment; each has a default that works on a laptop.

/** The public origin of the site, used in links in e-mails. */
export function siteUrl(): string {
  return (process.env.AUTH_URL || process.env.BIRGE_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
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
