import { and, asc, eq, lt } from "drizzle-orm";
import { petitions } from "@/db/schema";
import type { Database } from "@/db/client";
import { toDayString } from "@/lib/calendar/working-days";
import { movePetitionState } from "./move-petition-state";
import { readCount } from "./counts";
import { mailUser } from "./notify-people";
import { assertTransition } from "./states";

export const EXPIRE_UNSUPPORTED_QUEUE = "petitions.expire-unsupported";

/**
 * Expires petitions still gathering support after their support deadline (the last day to
 * gather supporters, in Almaty) and tells each creator. One transaction per petition.
 * Returns the ids expired.
 */
export async function expireUnsupportedPetitions(options: { db: Database; now?: Date }): Promise<string[]> {
  const { db, now = new Date() } = options;
  const today = toDayString(now);
  const due = await db
    .select({ id: petitions.id })
    .from(petitions)
    .where(and(eq(petitions.state, "gathering_support"), lt(petitions.supportDeadline, today)))
    .orderBy(asc(petitions.supportDeadline));
  const expired: string[] = [];
  for (const { id } of due) {
    if (await expirePetition(db, id, today, now)) expired.push(id);
  }
  return expired;
}

async function expirePetition(db: Database, petitionId: string, today: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Re-read under lock: the last supporter's confirmation may have moved it to moderation.
    const [petition] = await tx
      .select()
      .from(petitions)
      .where(and(eq(petitions.id, petitionId), eq(petitions.state, "gathering_support"), lt(petitions.supportDeadline, today)))
      .for("update");
    if (!petition) return false;
    assertTransition(petition.state, "expired");
    // The threshold check runs in the confirming transaction, but two confirmations committing
    // together can each miss the other: a petition that did reach its support is not expired.
    const { confirmed } = await readCount(tx, petitionId);
    if (petition.supportThreshold !== null && confirmed >= petition.supportThreshold) return false;
    await movePetitionState(tx, petition, {
      actorId: null,
      action: "expired",
      to: "expired",
      data: { supportDeadline: petition.supportDeadline, supporters: confirmed, threshold: petition.supportThreshold },
      now,
    });
    await mailUser(tx, petition.creatorId, "mailSigners.expiredToCreator", {
      title: petition.title,
      supporters: confirmed,
      threshold: petition.supportThreshold ?? 0,
      deadline: petition.supportDeadline ?? "",
    });
    return true;
  });
}
