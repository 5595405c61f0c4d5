import { and, eq, getTableColumns, gt, inArray, max, or, sql, type SQL } from "drizzle-orm";
import { activities, agencies, agencyScorecards, events, informationRequests, petitions, scorecardRefreshState } from "@/db/schema";
import type { Database, Executor } from "@/db/client";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { enqueueJob } from "@/lib/jobs/queue";
import { computeScorecard, SCORECARD_EVENTS, type ScorecardEvent, type ScorecardFigures } from "./compute-scorecard";

// The scorecards are a maintained aggregate of the event history (DOMAIN "Records"): pages and
// the open-data API read agency_scorecards and never scan events on a request.
//
// How a refresh works, and why:
// - It finds the agencies touched by scorecard events since the bookmark and recomputes each
//   of them from *all* its events. Recomputing a whole agency (instead of adding deltas) is
//   exact and idempotent: running it twice, or over events it has already seen, gives the same
//   row, so re-reading is always safe and a bug fixed in the rules heals every row on the next
//   full pass. An agency's relevant history is small (a few events per item), read through the
//   events (entity_type, entity_id, id) index. The due day comes from the clock's event, or
//   from the item's row when an (older or seeded) event does not carry it.
// - Event ids come from a sequence, and a transaction may commit a smaller id after a larger
//   one was already read. So each incremental pass re-reads the last OVERLAP_IDS ids before the
//   bookmark, and once per Almaty day every agency is recomputed. The daily pass is also what
//   moves "overdue now" when a due day passes without any event, and what applies a holiday
//   calendar edited by an admin to the working-day medians.
// - One refresh at a time: the whole pass runs in one transaction under a transaction-level
//   advisory lock, so a scheduled run and a requested one cannot interleave their writes or
//   move the bookmark backwards.

/** The queue of the refresh job (scheduled every 5 minutes, and requested after publications). */
export const SCORECARDS_REFRESH_QUEUE = "scorecards.refresh";

/** Ids before the bookmark read again on each pass, to catch events committed out of id order. */
const OVERLAP_IDS = 200;
/** Agencies recomputed per query batch. */
const BATCH = 300;
const STATE_NAME = "events";
const LOCK_KEY = sql`hashtext('scorecards.refresh')`;

const PETITION_ACTIONS = [...SCORECARD_EVENTS.petition];
const ACTIVITY_ACTIONS = [...SCORECARD_EVENTS.activity];
const REQUEST_ACTIONS = [...SCORECARD_EVENTS.information_request];

/**
 * Asks for a scorecard refresh soon, in the caller's transaction: call it where an answer is
 * published, so the agency's public figures follow within seconds instead of at the next
 * scheduled pass. Several requests while one is queued make one job; a request made while a
 * refresh is running is dropped by the singleton key, and the next scheduled pass (which
 * re-reads an overlap of ids) picks the change up.
 */
export async function requestScorecardRefresh(tx: Executor): Promise<void> {
  await enqueueJob(tx, SCORECARDS_REFRESH_QUEUE, { requested: true }, { singletonKey: SCORECARDS_REFRESH_QUEUE });
}

/** What one refresh did. */
export interface ScorecardRefreshResult {
  full: boolean;
  agenciesRecomputed: number;
  /** Rows inserted or whose figures changed; a rerun over the same history changes none. */
  agenciesChanged: number;
  eventWatermark: number;
}

/**
 * Recomputes the scorecards of the agencies with new scorecard events (or of every agency on
 * the first pass of an Almaty day, or when `full`), as of `now`.
 */
export async function refreshScorecards(options: { db: Database; now?: Date; full?: boolean }): Promise<ScorecardRefreshResult> {
  const { db, now = new Date() } = options;
  const today = toDayString(now);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.insert(scorecardRefreshState).values({ name: STATE_NAME }).onConflictDoNothing();
    const [state] = await tx.select().from(scorecardRefreshState).where(eq(scorecardRefreshState.name, STATE_NAME));
    const [{ latest }] = await tx.select({ latest: max(events.id) }).from(events);
    const watermark = Number(latest ?? 0);
    // "Not today" rather than "before today": a clock moved back (tests, a restored backup) also recomputes all.
    const full = options.full === true || state.fullRefreshOn !== today;

    const agencyIds = full
      ? (await tx.select({ id: agencies.id }).from(agencies)).map((row) => row.id)
      : await agenciesWithEventsAfter(tx, Math.max(0, state.eventWatermark - OVERLAP_IDS), watermark);

    let changed = 0;
    if (agencyIds.length > 0) {
      const calendar = await loadCalendar(tx);
      for (let i = 0; i < agencyIds.length; i += BATCH) {
        const batch = agencyIds.slice(i, i + BATCH);
        const history = await scorecardEventsOf(tx, batch);
        const rows = batch.map((agencyId) => ({ agencyId, ...computeScorecard(history.get(agencyId) ?? [], calendar, today), computedAt: now }));
        changed += await writeScorecards(tx, rows);
      }
    }
    const eventWatermark = Math.max(watermark, state.eventWatermark);
    await tx
      .update(scorecardRefreshState)
      .set({ eventWatermark, fullRefreshOn: full ? today : state.fullRefreshOn, refreshedAt: now })
      .where(eq(scorecardRefreshState.name, STATE_NAME));
    return { full, agenciesRecomputed: agencyIds.length, agenciesChanged: changed, eventWatermark };
  });
}

/** Agencies with a scorecard event whose id is in (after, upTo]. */
async function agenciesWithEventsAfter(tx: Executor, after: number, upTo: number): Promise<string[]> {
  if (upTo <= after) return [];
  const range = and(gt(events.id, after), sql`${events.id} <= ${upTo}`);
  // One after the other: a transaction is one connection.
  const fromPetitions = await tx
    .selectDistinct({ agencyId: petitions.agencyId })
    .from(events)
    .innerJoin(petitions, and(eq(events.entityType, "petition"), eq(events.entityId, petitions.id)))
    .where(and(range, petitionActionFilter()));
  const fromActivities = await tx
    .selectDistinct({ agencyId: activities.agencyId })
    .from(events)
    .innerJoin(activities, and(eq(events.entityType, "activity"), eq(events.entityId, activities.id)))
    .where(and(range, inArray(events.action, ACTIVITY_ACTIONS)));
  const fromRequests = await tx
    .selectDistinct({ agencyId: activities.agencyId })
    .from(events)
    .innerJoin(informationRequests, and(eq(events.entityType, "information_request"), eq(events.entityId, informationRequests.id)))
    .innerJoin(activities, eq(activities.id, informationRequests.activityId))
    .where(and(range, inArray(events.action, REQUEST_ACTIONS)));
  return [...new Set([...fromPetitions, ...fromActivities, ...fromRequests].map((row) => row.agencyId))];
}

// The published answer is read by the petition's move to "responded", whatever the action is named.
function petitionActionFilter(): SQL | undefined {
  return or(inArray(events.action, PETITION_ACTIONS), eq(events.toState, "responded"));
}

const eventColumns = {
  id: events.id,
  entityType: events.entityType,
  entityId: events.entityId,
  action: events.action,
  toState: events.toState,
  data: events.data,
  occurredAt: events.occurredAt,
};

/** Every scorecard event of the given agencies, grouped by agency. */
async function scorecardEventsOf(tx: Executor, agencyIds: string[]): Promise<Map<string, ScorecardEvent[]>> {
  const fromPetitions = await tx
    .select({ agencyId: petitions.agencyId, entityDueOn: petitions.responseDueOn, ...eventColumns })
    .from(petitions)
    .innerJoin(events, and(eq(events.entityType, "petition"), eq(events.entityId, petitions.id)))
    .where(and(inArray(petitions.agencyId, agencyIds), petitionActionFilter()));
  const fromActivities = await tx
    .select({ agencyId: activities.agencyId, entityDueOn: activities.answerDueOn, ...eventColumns })
    .from(activities)
    .innerJoin(events, and(eq(events.entityType, "activity"), eq(events.entityId, activities.id)))
    .where(and(inArray(activities.agencyId, agencyIds), inArray(events.action, ACTIVITY_ACTIONS)));
  const fromRequests = await tx
    .select({ agencyId: activities.agencyId, entityDueOn: informationRequests.dueOn, ...eventColumns })
    .from(activities)
    .innerJoin(informationRequests, eq(informationRequests.activityId, activities.id))
    .innerJoin(events, and(eq(events.entityType, "information_request"), eq(events.entityId, informationRequests.id)))
    .where(and(inArray(activities.agencyId, agencyIds), inArray(events.action, REQUEST_ACTIONS)));
  const byAgency = new Map<string, ScorecardEvent[]>();
  for (const { agencyId, ...event } of [...fromPetitions, ...fromActivities, ...fromRequests]) {
    const list = byAgency.get(agencyId) ?? [];
    list.push({ ...event, id: Number(event.id), data: event.data ?? {} });
    byAgency.set(agencyId, list);
  }
  return byAgency;
}

type ScorecardRow = ScorecardFigures & { agencyId: string; computedAt: Date };

// Every stored figure: the columns an upsert overwrites and compares (not the key, not the time).
const FIGURE_COLUMNS = Object.entries(getTableColumns(agencyScorecards)).filter(([key]) => key !== "agencyId" && key !== "computedAt");

/** Upserts the rows; a row whose figures did not change is left alone. Returns how many were written. */
async function writeScorecards(tx: Executor, rows: ScorecardRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const names = FIGURE_COLUMNS.map(([, column]) => `"${column.name}"`);
  const set = Object.fromEntries(
    [...FIGURE_COLUMNS, ["computedAt", agencyScorecards.computedAt] as const].map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
  );
  const written = await tx
    .insert(agencyScorecards)
    .values(rows)
    .onConflictDoUpdate({
      target: agencyScorecards.agencyId,
      set,
      setWhere: sql.raw(`(${names.map((n) => `"agency_scorecards".${n}`).join(", ")}) is distinct from (${names.map((n) => `excluded.${n}`).join(", ")})`),
    })
    .returning({ agencyId: agencyScorecards.agencyId });
  return written.length;
}
