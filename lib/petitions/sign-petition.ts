import { and, eq } from "drizzle-orm";
import { regions, signatures, type Petition } from "@/db/schema";
import type { Database, Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { siteUrl } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import { hitRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { applyCountDeltas, countDay } from "./counts";
import { hashIin } from "./iin";
import { petitionByNumber } from "./load-petition";
import { emailDomain, normalizeEmail } from "./normalize-email";
import { reachThresholds } from "./reach-thresholds";
import type { SignatureForm } from "./schema";
import { readPetitionSettings } from "./settings";
import { SIGNABLE } from "./states";
import { signatureToken } from "./tokens";

/** What the signer is told. "check_email" whether or not the address had signed before. */
export type SignOutcome = "check_email" | "confirmed" | "already_signed";

export function signatureLinks(signatureId: number) {
  const base = `${siteUrl()}/signatures/${signatureId}`;
  return {
    confirmUrl: `${base}/confirm?t=${signatureToken(signatureId, "confirm")}`,
    withdrawUrl: `${base}/withdraw?t=${signatureToken(signatureId, "withdraw")}`,
  };
}

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
  const { db, actor, input, ip, locale, now = new Date() } = options;
  const petition = await signablePetition(db, options.petitionNumber, options.supportToken);
  const settings = await readPetitionSettings(db);
  if (settings.requireIin && !input.iin) throw new DomainError("validation", "validation", { iin: ["iinRequired"] });
  const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, input.regionCode));
  if (!region) throw new DomainError("validation", "validation", { regionCode: ["chooseRegion"] });

  const normalized = normalizeEmail(input.email);
  const domain = emailDomain(input.email);
  const withinIpLimit = await hitRateLimit(db, { key: `sign:ip:${ip}`, limit: settings.signaturesPerIpPerHour, windowSeconds: 3600 }, now);
  const withinDomainLimit = await hitRateLimit(
    db,
    { key: `sign:domain:${domain}`, limit: settings.signaturesPerEmailDomainPerMinute, windowSeconds: 60 },
    now,
  );
  if (!withinIpLimit || !withinDomainLimit) throw new DomainError("rate_limited", "rateLimited");

  const signingAsThemselves = !!actor && actor.emailVerified && normalizeEmail(actor.email) === normalized;
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(signatures)
      .values({
        petitionId: petition.id,
        fullName: input.fullName,
        nameDisplay: input.nameDisplay,
        email: input.email.trim(),
        emailNormalized: normalized,
        emailDomain: domain,
        regionCode: input.regionCode,
        iinHash: input.iin ? hashIin(input.iin) : null,
        userId: signingAsThemselves ? actor.id : null,
        locale,
        state: signingAsThemselves ? "confirmed" : "pending",
        confirmedAt: signingAsThemselves ? now : null,
        ipAddress: ip,
        notify: input.notify,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: signatures.id });
    const params = { title: petition.title, url: `${siteUrl()}/petitions/${petition.number}` };

    if (!inserted) {
      const [existing] = await tx
        .select({ id: signatures.id, state: signatures.state })
        .from(signatures)
        .where(and(eq(signatures.petitionId, petition.id), eq(signatures.emailNormalized, normalized)));
      if (existing?.state === "pending") {
        await queueMail(tx, { to: input.email.trim(), template: "mailPetitions.confirmSignature", locale, params: { ...params, ...signatureLinks(existing.id) } });
      } else {
        await queueMail(tx, { to: input.email.trim(), template: "mailPetitions.alreadySigned", locale, params });
      }
      return { outcome: signingAsThemselves ? "already_signed" : "check_email" };
    }

    const links = signatureLinks(inserted.id);
    if (signingAsThemselves) {
      await applyCountDeltas(tx, [{ petitionId: petition.id, regionCode: input.regionCode, day: countDay(now), confirmed: 1 }]);
      await reachThresholds(tx, [petition.id], now);
      await queueMail(tx, { to: input.email.trim(), template: "mailPetitions.signatureConfirmed", locale, params: { ...params, withdrawUrl: links.withdrawUrl } });
      return { outcome: "confirmed" };
    }
    await queueMail(tx, { to: input.email.trim(), template: "mailPetitions.confirmSignature", locale, params: { ...params, ...links } });
    return { outcome: "check_email" };
  });
}
