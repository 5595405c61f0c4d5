import { asc, count, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencies, petitions, regions, users } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertModerator } from "@/lib/auth/permissions";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { readCount, readCounts } from "./counts";
import { isSerialNumber } from "@/lib/validation/numbers";

export const MODERATION_QUEUE_PAGE_SIZE = 25;

/** One petition waiting for a moderator, with how long it has waited. */
export interface QueueEntry {
  id: string;
  number: number;
  title: string;
  agency: { nameKk: string; nameRu: string; nameEn: string };
  queuedAt: Date | null;
  /** Working days from the day it entered the queue up to today. */
  workingDaysWaiting: number;
  moderationDueOn: string | null;
  /** Today is past the due date. */
  overdue: boolean;
  /** Confirmed supporters. */
  confirmed: number;
}

/**
 * Petitions awaiting moderation, the longest-waiting first. A fixed number of queries
 * whatever the page size: the page, its total, its counts, the calendar.
 */
export async function listModerationQueue(
  db: Executor,
  options: { actor: Actor | null; page?: number; now?: Date; pageSize?: number },
): Promise<{ entries: QueueEntry[]; total: number; pageCount: number; overdueTotal: number }> {
  const { actor, page = 1, now = new Date(), pageSize = MODERATION_QUEUE_PAGE_SIZE } = options;
  assertModerator(actor);
  const today = toDayString(now);
  const waiting = eq(petitions.state, "awaiting_moderation");
  const [rows, [{ total, overdueTotal }], calendar] = await Promise.all([
    db
      .select({
        id: petitions.id,
        number: petitions.number,
        title: petitions.title,
        queuedAt: petitions.moderationQueuedAt,
        submittedAt: petitions.submittedAt,
        moderationDueOn: petitions.moderationDueOn,
        agency: { nameKk: agencies.nameKk, nameRu: agencies.nameRu, nameEn: agencies.nameEn },
      })
      .from(petitions)
      .innerJoin(agencies, eq(agencies.id, petitions.agencyId))
      .where(waiting)
      .orderBy(sql`${petitions.moderationQueuedAt} asc nulls last`, asc(petitions.number))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({
        total: count(),
        overdueTotal: sql<number>`count(*) filter (where ${petitions.moderationDueOn} < ${today})::int`,
      })
      .from(petitions)
      .where(waiting),
    loadCalendar(db),
  ]);
  const counts = await readCounts(
    db,
    rows.map((row) => row.id),
  );
  const entries = rows.map((row): QueueEntry => {
    const queuedAt = row.queuedAt ?? row.submittedAt;
    return {
      id: row.id,
      number: row.number,
      title: row.title,
      agency: row.agency,
      queuedAt,
      workingDaysWaiting: queuedAt ? Math.max(0, calendar.countWorkingDaysBetween(toDayString(queuedAt), today)) : 0,
      moderationDueOn: row.moderationDueOn,
      overdue: row.moderationDueOn !== null && today > row.moderationDueOn,
      confirmed: counts.get(row.id)?.confirmed ?? 0,
    };
  });
  return {
    entries,
    total: Number(total),
    overdueTotal: Number(overdueTotal),
    pageCount: Math.max(1, Math.ceil(Number(total) / pageSize)),
  };
}

/**
 * Everything the review page shows about one petition (any state, so a moderator can follow
 * a link to one already decided), or null. Includes the agencies a moderator may suggest.
 */
export async function loadPetitionForReview(db: Executor, options: { actor: Actor | null; number: number; now?: Date }) {
  const { actor, number, now = new Date() } = options;
  assertModerator(actor);
  // Beyond int4 no petition has the number, and Postgres would refuse the comparison with a 500.
  if (!isSerialNumber(number)) return null;
  const suggested = alias(agencies, "suggested_agency");
  const [row] = await db
    .select({
      petition: petitions,
      agency: agencies,
      region: regions,
      creator: { id: users.id, name: users.name, email: users.email },
      suggestedAgency: { nameKk: suggested.nameKk, nameRu: suggested.nameRu, nameEn: suggested.nameEn },
    })
    .from(petitions)
    .innerJoin(agencies, eq(agencies.id, petitions.agencyId))
    .innerJoin(users, eq(users.id, petitions.creatorId))
    .leftJoin(regions, eq(regions.code, petitions.regionCode))
    .leftJoin(suggested, eq(suggested.id, petitions.suggestedAgencyId))
    .where(eq(petitions.number, number));
  if (!row) return null;
  const today = toDayString(now);
  const [counts, calendar] = await Promise.all([readCount(db, row.petition.id), loadCalendar(db)]);
  const queuedAt = row.petition.moderationQueuedAt ?? row.petition.submittedAt;
  return {
    ...row,
    suggestedAgency: row.petition.suggestedAgencyId ? row.suggestedAgency : null,
    counts,
    workingDaysWaiting: queuedAt ? Math.max(0, calendar.countWorkingDaysBetween(toDayString(queuedAt), today)) : 0,
    overdue: row.petition.state === "awaiting_moderation" && row.petition.moderationDueOn !== null && today > row.petition.moderationDueOn,
  };
}

/** Active agencies for the "suggest another addressee" choice, in one query. */
export async function listAgencyChoices(db: Executor) {
  return db
    .select({ id: agencies.id, nameKk: agencies.nameKk, nameRu: agencies.nameRu, nameEn: agencies.nameEn, level: agencies.level })
    .from(agencies)
    .where(eq(agencies.active, true))
    .orderBy(asc(agencies.nameEn));
}
