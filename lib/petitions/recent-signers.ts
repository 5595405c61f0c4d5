import { and, desc, eq } from "drizzle-orm";
import { signatures } from "@/db/schema";
import type { Executor } from "@/db/client";
import { publicSignerName } from "./signer-names";

/** How many of the latest signers the petition page lists. */
export const RECENT_SIGNERS_LIMIT = 10;

/** One of the latest counted signers, as the public may see them: a name or nothing, never an address. */
export interface RecentSigner {
  /** The name as the signer chose to show it; null when they chose not to be named. */
  name: string | null;
  confirmedAt: Date;
}

/**
 * The latest counted signers of a petition (confirmed: never pending, withdrawn or
 * invalidated), newest signature first. One backward probe of the (petition_id, state, id)
 * index, stopping after ten rows — never a walk of a viral petition's signatures; a signer who
 * chose "do not show my name" keeps their place as an unnamed row rather than being filtered
 * out, which could walk the index past every hidden one. Only the name and its display choice
 * are read: no e-mail, IIN or address leaves this function.
 */
export async function readRecentSigners(db: Executor, petitionId: string, limit = RECENT_SIGNERS_LIMIT): Promise<RecentSigner[]> {
  const rows = await db
    .select({ fullName: signatures.fullName, nameDisplay: signatures.nameDisplay, confirmedAt: signatures.confirmedAt })
    .from(signatures)
    .where(and(eq(signatures.petitionId, petitionId), eq(signatures.state, "confirmed")))
    .orderBy(desc(signatures.id))
    .limit(limit);
  return rows.map((row) => ({
    name: publicSignerName(row.fullName, row.nameDisplay),
    // Set whenever a signature is confirmed (confirmMany, signMany).
    confirmedAt: row.confirmedAt!,
  }));
}
