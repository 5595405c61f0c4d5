import { max } from "drizzle-orm";
import { events } from "@/db/schema";
import type { JobHandler } from "./worker";
import { refreshScorecards, SCORECARDS_REFRESH_QUEUE } from "@/lib/scorecards/refresh-scorecards";

// The scorecard queue, spread into lib/jobs/registry.ts. The handler passes the worker's clock
// on, so "overdue now" is judged at the moment the job runs.

/** Passes one job makes at most while new events keep arriving; the next scheduled run takes the rest. */
const MAX_PASSES = 3;

/** Handlers for the scorecard queue: scheduled runs and runs requested after a publication share it. */
export const scorecardJobHandlers: Record<string, JobHandler> = {
  [SCORECARDS_REFRESH_QUEUE]: async (_payload, { db, now }) => {
    // A publication that commits while a refresh runs asks for another one, but that request is
    // folded into the running job (one refresh job at a time). So the job looks once more: when
    // events arrived after the pass's bookmark it refreshes again, and the answer shows in seconds.
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
      const { eventWatermark } = await refreshScorecards({ db, now });
      const [{ latest }] = await db.select({ latest: max(events.id) }).from(events);
      if (Number(latest ?? 0) <= eventWatermark) return;
    }
  },
};

/** Recurring scorecard jobs: a refresh every 5 minutes (the first run of each Almaty day recomputes every agency). */
export const SCORECARD_SCHEDULES: Array<{ name: string; queue: string; everySeconds: number }> = [
  { name: "refresh-scorecards", queue: SCORECARDS_REFRESH_QUEUE, everySeconds: 300 },
];
