import { eq } from "drizzle-orm";
import { regions, type Petition } from "@/db/schema";
import type { Database, Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { hitRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { signMany, type SignOutcome } from "./hot-path/sign-many";
import { petitionByNumber } from "./load-petition";
import { emailDomain } from "./normalize-email";
import { signatureFormSchema, type SignatureForm } from "./schema";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { readPetitionSettings } from "./settings";
import { SIGNABLE } from "./states";

export type { SignOutcome } from "./hot-path/sign-many";

/** The petition a signer may sign: open, or gathering support when the private link's secret matches. */
export async function signablePetition(db: Executor, petitionNumber: number, supportToken: string | undefined): Promise<Petition> {
  const petition = await petitionByNumber(db, petitionNumber);
  if (!petition || !SIGNABLE.includes(petition.state)) throw new DomainError("not_found", "notFound");
  if (petition.state === "gathering_support" && petition.supportToken !== supportToken) throw new DomainError("not_found", "notFound");
  return petition;
}

/**
 * Someone signs. A new address gets a confirmation e-mail; an address that signed before
 * gets an e-mail saying so; the page says the same "check your e-mail" in both cases, so
 * it never reveals who has signed. A signed-in person with a verified address signing as
 * themselves is confirmed at once.
 *
 * This is the one-request path (route handler fallback, rate limits in the database); the
 * custom server's hot path batches many through the same `signMany`.
 */
export async function signPetition(options: {
  db: Database;
  actor: Actor | null;
  petitionNumber: number;
  supportToken?: string;
  input: SignatureForm;
  ip: string;
  locale: Locale;
  now?: Date;
}): Promise<{ outcome: SignOutcome }> {
  const { db, actor, ip, locale, now = new Date() } = options;
  // Checked here as well as by the caller: whoever calls, nothing unparsed reaches the database.
  const parsed = signatureFormSchema.safeParse(options.input);
  if (!parsed.success) throw new DomainError("validation", "validation", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  await signablePetition(db, options.petitionNumber, options.supportToken);
  const settings = await readPetitionSettings(db);
  if (settings.requireIin && !input.iin) throw new DomainError("validation", "validation", { iin: ["iinRequired"] });
  const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, input.regionCode));
  if (!region) throw new DomainError("validation", "validation", { regionCode: ["chooseRegion"] });

  const domain = emailDomain(input.email);
  const withinIpLimit = await hitRateLimit(db, { key: `sign:ip:${ip}`, limit: settings.signaturesPerIpPerHour, windowSeconds: 3600 }, now);
  const withinDomainLimit = await hitRateLimit(
    db,
    { key: `sign:domain:${domain}`, limit: settings.signaturesPerEmailDomainPerMinute, windowSeconds: 60 },
    now,
  );
  if (!withinIpLimit || !withinDomainLimit) throw new DomainError("rate_limited", "rateLimited");

  const [result] = await db.transaction((tx) =>
    signMany(tx, [{ petitionNumber: options.petitionNumber, supportToken: options.supportToken, input, ip, locale, actor, now }]),
  );
  if (!result.ok) throw result.error;
  return result.value;
}
