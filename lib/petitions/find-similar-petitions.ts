import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rowsOf } from "@/db/client";
import type { PetitionState } from "./states";

/** A petition that may duplicate the one under review. */
export interface SimilarPetition {
  id: string;
  number: number;
  title: string;
  state: PetitionState;
  agencyId: string;
  /** 0…1: the better of title trigram similarity and full-text rank. */
  score: number;
}

/** States a duplicate can be in: already collecting, or about to be. */
const DUPLICATE_STATES: readonly PetitionState[] = ["open", "awaiting_moderation"];

/**
 * What a person writing a new petition is shown: public petitions that are collecting or already
 * answered (one awaiting moderation is not public yet).
 */
export const PUBLIC_SIMILAR_STATES: readonly PetitionState[] = ["open", "responded"];

/**
 * Open and awaiting petitions that look like `title` (and `text`, the request): titles alike
 * by trigrams (pg_trgm, similarity > 0.2) or sharing the words of the title in their full text.
 * For the moderator's duplicate check (`excludeId` leaves out the petition under review), and
 * with `states: PUBLIC_SIMILAR_STATES` for the petition form's "similar petitions" while typing.
 */
export async function findSimilarPetitions(
  db: Executor,
  options: { title: string; excludeId?: string; limit?: number; states?: readonly PetitionState[] },
): Promise<SimilarPetition[]> {
  const { title, excludeId, limit = 5, states: wanted = DUPLICATE_STATES } = options;
  const query = title.trim();
  if (!query) return [];
  const states = sql.join(wanted.map((state) => sql`${state}`), sql`, `);
  const result = await db.execute(sql`
    select id, number, title, state, agency_id as "agencyId",
           greatest(similarity(title, ${query}),
                    ts_rank(search_vector, plainto_tsquery('simple', ${query}))) as score
    from petitions
    where state in (${states})
      and id <> ${excludeId ?? ""}
      and (similarity(title, ${query}) > 0.2
           or search_vector @@ plainto_tsquery('simple', ${query}))
    order by score desc, number
    limit ${limit}
  `);
  return rowsOf<SimilarPetition & { score: string | number; number: string | number }>(result).map((row) => ({
    ...row,
    number: Number(row.number),
    score: Number(row.score),
  }));
}
