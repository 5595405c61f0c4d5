import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { petitions, petitionSupportDigests, petitionTotals } from "@/db/schema";
import type { Database } from "@/db/client";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { siteUrl } from "@/lib/config";
import { mailUser } from "./notify-people";
import { supportCountdown } from "./support-countdown";

export const SUPPORT_DIGEST_QUEUE = "petitions.support-digest";

/** At most one digest per petition in this long. */
export const SUPPORT_DIGEST_MIN_INTERVAL_MS = 3_600_000;

/** The mail template of the digest (messages/<locale>/mailCreators.json). */
export const SUPPORT_DIGEST_TEMPLATE = "mailCreators.supportDigest";

/**
 * Mails each creator whose petition is gathering support and whose supporter count changed
 * since their last digest — at most one an hour per petition — with "N of 50, M working days
 * left", in the creator's language. A recurring job rather than anything on confirmation: the
 * confirming hot path pays nothing for it, and the count is read from petition_totals (one row
 * per petition, moved by the same statement as the shards). Each digest is a transaction of
 * its own: the digest row moves only if an hour has passed (so two workers cannot both send)
 * and the mail is queued with it. Returns the ids of the petitions digested.
 */
export async function sendSupportDigests(options: {
  db: Database;
  now?: Date;
  /** Only these petitions (a test on a shared database); every one gathering support by default. */
  only?: readonly string[];
}): Promise<string[]> {
  const { db, now = new Date(), only } = options;
  const cutoff = new Date(now.getTime() - SUPPORT_DIGEST_MIN_INTERVAL_MS);
  const due = await db
    .select({
      id: petitions.id,
      number: petitions.number,
      title: petitions.title,
      creatorId: petitions.creatorId,
      supportThreshold: petitions.supportThreshold,
      supportDeadline: petitions.supportDeadline,
      supporters: petitionTotals.confirmed,
    })
    .from(petitions)
    .innerJoin(petitionTotals, eq(petitionTotals.petitionId, petitions.id))
    .leftJoin(petitionSupportDigests, eq(petitionSupportDigests.petitionId, petitions.id))
    .where(
      and(
        eq(petitions.state, "gathering_support"),
        only ? inArray(petitions.id, [...only]) : undefined,
        sql`${petitionTotals.confirmed} <> coalesce(${petitionSupportDigests.lastCount}, 0)`,
        or(isNull(petitionSupportDigests.lastSentAt), lte(petitionSupportDigests.lastSentAt, cutoff)),
      ),
    );
  if (due.length === 0) return [];
  const calendar = await loadCalendar(db);
  const today = toDayString(now);
  const sent: string[] = [];
  for (const petition of due) {
    const countdown = supportCountdown(petition, petition.supporters, calendar, today);
    if (!countdown) continue;
    const done = await db.transaction(async (tx) => {
      // Still gathering support: the last supporter may have sent it to moderation meanwhile
      // (reachThresholds mails the creator about that instead).
      const [still] = await tx
        .select({ id: petitions.id })
        .from(petitions)
        .where(and(eq(petitions.id, petition.id), eq(petitions.state, "gathering_support")))
        .for("share");
      if (!still) return false;
      const moved = await tx
        .insert(petitionSupportDigests)
        .values({ petitionId: petition.id, lastCount: petition.supporters, lastSentAt: now })
        .onConflictDoUpdate({
          target: petitionSupportDigests.petitionId,
          set: { lastCount: petition.supporters, lastSentAt: now },
          setWhere: lte(petitionSupportDigests.lastSentAt, cutoff),
        })
        .returning({ petitionId: petitionSupportDigests.petitionId });
      if (moved.length === 0) return false;
      await mailUser(tx, petition.creatorId, SUPPORT_DIGEST_TEMPLATE, {
        title: petition.title,
        supporters: countdown.supporters,
        threshold: countdown.threshold,
        // Past the deadline only until the expiry job runs: still "the last day" to the reader.
        days: Math.max(0, countdown.workingDaysLeft),
        deadline: countdown.deadline,
        url: `${siteUrl()}/my/petitions/${petition.number}`,
      });
      return true;
    });
    if (done) sent.push(petition.id);
  }
  return sent;
}
