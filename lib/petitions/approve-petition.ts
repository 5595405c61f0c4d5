import { eq } from "drizzle-orm";
import { agencies, regions, users, type Petition } from "@/db/schema";
import type { Database, Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertModerator } from "@/lib/auth/permissions";
import { parseDay, toDayString } from "@/lib/calendar/working-days";
import { siteUrl } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import { lockPetitionIn } from "./load-petition";
import { movePetitionState } from "./move-petition-state";
import { readPetitionSettings, responseThresholdFor } from "./settings";
import { assertTransition, InvalidTransitionError, MODERATABLE, type PetitionState } from "./states";

/**
 * A moderator approves a petition awaiting moderation: it opens for signatures until
 * `closesOn` (today in Almaty + the collection period), with the response threshold and
 * response clock of its addressee's level fixed now. Event "approved"; the creator is told.
 * A petition already past its threshold is left to reach-thresholds (next confirmation or sweep).
 */
export async function approvePetition(options: { db: Database; actor: Actor | null; petitionId: string; now?: Date }): Promise<Petition> {
  const { db, actor, petitionId, now = new Date() } = options;
  assertModerator(actor);
  return db.transaction(async (tx) => {
    const current = await lockPetitionForDecision(tx, petitionId, MODERATABLE, "open");
    const settings = await readPetitionSettings(tx);
    const [agency] = await tx
      .select({ level: agencies.level, regionCode: agencies.regionCode })
      .from(agencies)
      .where(eq(agencies.id, current.agencyId));
    if (!agency) throw new DomainError("not_found", "notFound");
    const regionCode = agency.regionCode ?? current.regionCode;
    const residents = regionCode ? await residentsOf(tx, regionCode) : null;
    const closesOn = addMonths(toDayString(now), settings.collectionMonths);
    const responseThreshold = responseThresholdFor(settings, agency.level, residents);
    const approved = await movePetitionState(tx, current, {
      actorId: actor.id,
      action: "approved",
      to: "open",
      columns: { openedAt: now, closesOn, responseThreshold, responseWorkingDays: settings.responseWorkingDays[agency.level] },
      data: { responseThreshold, closesOn },
      now,
    });
    const creator = await creatorOf(tx, current.creatorId);
    await queueMail(tx, {
      to: creator.email,
      template: "mailModeration.approved",
      locale: creator.locale,
      params: {
        title: approved.title,
        number: approved.number,
        url: `${siteUrl()}/petitions/${approved.number}`,
        closesOn: formatDay(approved.closesOn!, creator.locale),
      },
    });
    return approved;
  });
}

/**
 * Locks a petition for a moderation decision, loading it only in one of the `allowed` states
 * (not found → not_found, another state → invalid_transition: the form was stale, or another
 * moderator decided first), then checks the lifecycle allows `to`.
 */
export async function lockPetitionForDecision(
  tx: Executor,
  petitionId: string,
  allowed: readonly PetitionState[],
  to: PetitionState,
): Promise<Petition> {
  const current = await lockPetitionIn(tx, petitionId, allowed);
  refuseInvalidTransition(current.state, to);
  return current;
}

function refuseInvalidTransition(from: PetitionState, to: PetitionState): void {
  try {
    assertTransition(from, to);
  } catch (error) {
    if (error instanceof InvalidTransitionError) throw new DomainError("invalid_transition", "invalidTransition");
    throw error;
  }
}

/** The creator's address and the language they read mail in (Kazakh unless they chose). */
export async function creatorOf(tx: Executor, creatorId: string): Promise<{ email: string; locale: Locale }> {
  const [creator] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, creatorId));
  if (!creator) throw new DomainError("not_found", "notFound");
  return { email: creator.email, locale: isLocale(creator.locale) ? creator.locale : "kk" };
}

async function residentsOf(tx: Executor, regionCode: string): Promise<number | null> {
  const [region] = await tx.select({ residents: regions.residents }).from(regions).where(eq(regions.code, regionCode));
  return region?.residents ?? null;
}

/** `day` plus whole calendar months; the 31st becomes the last day of a shorter month. */
export function addMonths(day: string, months: number): string {
  const { year, month, dayOfMonth } = parseDay(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${targetYear}-${pad(targetMonth)}-${pad(Math.min(dayOfMonth, lastDay))}`;
}

/** A 'YYYY-MM-DD' day written out for a reader of `locale` ("12 March 2031"). */
export function formatDay(day: string, locale: Locale): string {
  const { year, month, dayOfMonth } = parseDay(day);
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, dayOfMonth)));
}
