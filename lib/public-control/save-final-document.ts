import { eq } from "drizzle-orm";
import { finalDocuments, recommendations, type FinalDocument, type Recommendation } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { lockActivityForSubject } from "./lock-activity";
import type { FinalDocumentInput } from "./schema";
import { FINAL_DOCUMENT_EDITABLE } from "./states";

/**
 * The subject saves the unsent final document: the facts found and the recommendations in the
 * order given, numbered 1, 2, 3… Adding, removing and reordering is one save of the whole list.
 * Not a state change and not public until sent, so no event.
 */
export async function saveFinalDocument(options: {
  db: Database;
  actor: Actor | null;
  activityId: string;
  input: FinalDocumentInput;
  now?: Date;
}): Promise<{ document: FinalDocument; recommendations: Recommendation[] }> {
  const { db, actor, activityId, input, now = new Date() } = options;
  assertSignedIn(actor);
  return db.transaction(async (tx) => {
    // Only in progress or completed: once sent the activity is under consideration and this refuses.
    await lockActivityForSubject(tx, actor, activityId, FINAL_DOCUMENT_EDITABLE);
    const [document] = await tx
      .insert(finalDocuments)
      .values({ activityId, factsFound: input.factsFound, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: finalDocuments.activityId, set: { factsFound: input.factsFound, updatedAt: now } })
      .returning();
    const existing = new Set(
      (await tx.select({ id: recommendations.id }).from(recommendations).where(eq(recommendations.activityId, activityId))).map((r) => r.id),
    );
    // Nothing is answered before sending, so the list is simply replaced; known ids are kept stable.
    await tx.delete(recommendations).where(eq(recommendations.activityId, activityId));
    const seen = new Set<string>();
    const rows = input.recommendations.map((item, index) => {
      const keep = item.id && existing.has(item.id) && !seen.has(item.id) ? item.id : crypto.randomUUID();
      seen.add(keep);
      return { id: keep, activityId, position: index + 1, text: item.text, createdAt: now };
    });
    const saved = rows.length ? await tx.insert(recommendations).values(rows).returning() : [];
    return { document, recommendations: saved.sort((a, b) => a.position - b.position) };
  });
}
