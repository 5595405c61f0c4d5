import type { JobHandler } from "./worker";
import { refreshScorecards, SCORECARDS_REFRESH_QUEUE } from "@/lib/scorecards/refresh-scorecards";

// The scorecard queue, spread into lib/jobs/registry.ts. The handler passes the worker's clock
// on, so "overdue now" is judged at the moment the job runs.

/** Handlers for the scorecard queue: scheduled runs and runs requested after a publication share it. */
export const scorecardJobHandlers: Record<string, JobHandler> = {
  [SCORECARDS_REFRESH_QUEUE]: async (_payload, { db, now }) => {
    await refreshScorecards({ db, now });
  },
};

/** Recurring scorecard jobs: a refresh every 5 minutes (the first run of each Almaty day recomputes every agency). */
export const SCORECARD_SCHEDULES: Array<{ name: string; queue: string; everySeconds: number }> = [
  { name: "refresh-scorecards", queue: SCORECARDS_REFRESH_QUEUE, everySeconds: 300 },
];
