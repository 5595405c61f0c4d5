import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { agencies, petitions } from "@/db/schema";
import type { Database, Executor } from "@/db/client";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { siteUrl } from "@/lib/config";
import { recordEvent } from "@/lib/events/record-event";
import { enqueueJob } from "@/lib/jobs/queue";
import { readCounts } from "./counts";
import { mailAgencyStaff, mailUser } from "./notify-people";
import { readPetitionSettings } from "./settings";

/**
 * Moves petitions whose confirmed count crossed a threshold: support → moderation, and the
 * response threshold → the addressee's clock starts. Called in the transaction that changed
 * the counts; each move is a conditional UPDATE, so of two racing callers exactly one wins.
 * Two confirmations committing at once can each see the other's count missing, so the
 * sweep job (`sweepThresholds`) repeats the check every minute as a safety net.
 */
export async function reachThresholds(tx: Executor, petitionIds: readonly string[], now: Date = new Date()): Promise<void> {
  if (petitionIds.length === 0) return;
  const candidates = await tx
    .select()
    .from(petitions)
    .where(
      and(
        inArray(petitions.id, [...petitionIds]),
        or(eq(petitions.state, "gathering_support"), and(inArray(petitions.state, ["open"]), isNull(petitions.thresholdReachedAt))),
      ),
    );
  if (candidates.length === 0) return;
  const counts = await readCounts(tx, candidates.map((p) => p.id));
  const today = toDayString(now);
  for (const petition of candidates) {
    const confirmed = counts.get(petition.id)?.confirmed ?? 0;
    const url = `${siteUrl()}/petitions/${petition.number}`;
    if (petition.state === "gathering_support" && petition.supportThreshold !== null && confirmed >= petition.supportThreshold) {
      const [settings, calendar] = await Promise.all([readPetitionSettings(tx), loadCalendar(tx)]);
      const moderation = calendar.explainDeadline(today, settings.moderationWorkingDays);
      const moderationDueOn = moderation.due;
      const moved = await tx
        .update(petitions)
        .set({ state: "awaiting_moderation", moderationQueuedAt: now, moderationDueOn, updatedAt: now })
        .where(and(eq(petitions.id, petition.id), eq(petitions.state, "gathering_support")))
        .returning({ id: petitions.id });
      if (moved.length === 0) continue;
      await recordEvent(tx, {
        entityType: "petition",
        entityId: petition.id,
        actorId: null,
        action: "support_reached",
        fromState: "gathering_support",
        toState: "awaiting_moderation",
        data: { supporters: confirmed, moderationDueOn, explanation: moderation },
        occurredAt: now,
      });
      await mailUser(tx, petition.creatorId, "mailPetitions.supportReached", { title: petition.title, url, supporters: confirmed });
    }
    if (petition.state === "open" && petition.responseThreshold !== null && confirmed >= petition.responseThreshold) {
      const calendar = await loadCalendar(tx);
      const workingDays = petition.responseWorkingDays ?? 20;
      const explanation = calendar.explainDeadline(today, workingDays);
      const moved = await tx
        .update(petitions)
        .set({ thresholdReachedAt: now, responseDueOn: explanation.due, updatedAt: now })
        .where(and(eq(petitions.id, petition.id), isNull(petitions.thresholdReachedAt)))
        .returning({ id: petitions.id });
      if (moved.length === 0) continue;
      await recordEvent(tx, {
        entityType: "petition",
        entityId: petition.id,
        actorId: null,
        action: "threshold_reached",
        fromState: "open",
        toState: "open",
        data: { signatures: confirmed, threshold: petition.responseThreshold, responseDueOn: explanation.due, explanation },
        occurredAt: now,
      });
      const [agency] = await tx.select({ nameEn: agencies.nameEn }).from(agencies).where(eq(agencies.id, petition.agencyId));
      await mailAgencyStaff(tx, petition.agencyId, "mailPetitions.thresholdReachedAgency", {
        title: petition.title,
        url,
        signatures: confirmed,
        due: explanation.due,
        agency: agency?.nameEn ?? "",
      });
      await mailUser(tx, petition.creatorId, "mailPetitions.thresholdReachedCreator", { title: petition.title, url, due: explanation.due });
      await enqueueJob(
        tx,
        "petitions.notify-signers",
        { petitionId: petition.id, kind: "threshold_reached" },
        { singletonKey: `notify:${petition.id}:threshold_reached:0` },
      );
    }
  }
}

/** The safety net: re-checks every petition that could still cross a threshold. */
export async function sweepThresholds(db: Database, now: Date = new Date()): Promise<void> {
  const pending = await db
    .select({ id: petitions.id })
    .from(petitions)
    .where(or(eq(petitions.state, "gathering_support"), and(eq(petitions.state, "open"), isNull(petitions.thresholdReachedAt))));
  for (let i = 0; i < pending.length; i += 200) {
    const ids = pending.slice(i, i + 200).map((p) => p.id);
    await db.transaction((tx) => reachThresholds(tx, ids, now));
  }
}
