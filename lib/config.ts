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

/**
 * The hot path's settings (README "Configuration"), read once at the start: a value that is
 * not a whole number stops the start with its name, instead of a batcher that never starts a
 * batch (NaN batches in flight) or a page cache switched off by a typo.
 */
export function hotPathSettings(database: "postgres" | "pglite") {
  return {
    // PGlite has one connection: one batch at a time.
    batchConcurrency: database === "pglite" ? 1 : wholeNumberSetting("BIRGE_BATCH_CONCURRENCY", 2, 1),
    batchWaitMs: wholeNumberSetting("BIRGE_BATCH_WAIT_MS", 0),
    pageCacheMs: wholeNumberSetting("BIRGE_PAGE_CACHE_MS", 500),
  };
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
