import { and, asc, eq, lt } from "drizzle-orm";
import { petitions } from "@/db/schema";
import type { Database } from "@/db/client";
import { toDayString } from "@/lib/calendar/working-days";
import { siteUrl } from "@/lib/config";
import { movePetitionState } from "./move-petition-state";
import { readCount } from "./counts";
import { mailUser } from "./notify-people";
import { startSignerNotification } from "./notify-signers";
import { assertTransition } from "./states";

export const CLOSE_DUE_QUEUE = "petitions.close-due";

/**
 * Closes every open petition whose collection period has ended: `closesOn` is the last day
 * of collection, so a petition closes once that day is over in Almaty. Each petition is closed
 * in its own transaction, so one failure does not hold back the others. Returns the ids closed.
 */
export async function closeDuePetitions(options: { db: Database; now?: Date }): Promise<string[]> {
  const { db, now = new Date() } = options;
  const today = toDayString(now);
  const due = await db
    .select({ id: petitions.id })
    .from(petitions)
    .where(and(eq(petitions.state, "open"), lt(petitions.closesOn, today)))
    .orderBy(asc(petitions.closesOn));
  const closed: string[] = [];
  for (const { id } of due) {
    if (await closePetition(db, id, today, now)) closed.push(id);
  }
  return closed;
}

async function closePetition(db: Database, petitionId: string, today: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Re-read under lock: another worker (or a published answer) may have moved it meanwhile.
    const [petition] = await tx
      .select()
      .from(petitions)
      .where(and(eq(petitions.id, petitionId), eq(petitions.state, "open"), lt(petitions.closesOn, today)))
      .for("update");
    if (!petition) return false;
    assertTransition(petition.state, "closed");
    const { confirmed } = await readCount(tx, petitionId);
    await movePetitionState(tx, petition, {
      actorId: null,
      action: "closed",
      to: "closed",
      columns: { closedAt: now },
      data: { closesOn: petition.closesOn, signatures: confirmed },
      now,
    });
    await startSignerNotification(tx, petitionId, "closed");
    await mailUser(tx, petition.creatorId, "mailSigners.closedToCreator", {
      title: petition.title,
      url: `${siteUrl()}/petitions/${petition.number}`,
      signatures: confirmed,
    });
    return true;
  });
}
