import type { JobHandler } from "./worker";
import { ESCALATE_QUEUE, escalateItems } from "@/lib/agency/escalate-items";
import { RECOMPUTE_DEADLINES_QUEUE, recomputeDeadlines } from "@/lib/agency/recompute-deadlines";
import { isDayString } from "@/lib/calendar/working-days";

// The agency dashboard's queues, spread into lib/jobs/registry.ts. Handlers pass the worker's clock on.

/** Handlers for the agency dashboard's queues. */
export const agencyJobHandlers: Record<string, JobHandler> = {
  [ESCALATE_QUEUE]: async (_payload, { db, now }) => {
    await escalateItems({ db, now });
  },
  [RECOMPUTE_DEADLINES_QUEUE]: async (payload, { db, now }) => {
    // A payload without a valid day (a manual enqueue) checks every running clock.
    await recomputeDeadlines({ db, now, days: isDayString(payload.day) ? [payload.day] : undefined });
  },
};

/** Recurring agency jobs: the escalation runs daily (it alerts each item once per kind and due day, so an extra run is harmless). */
export const AGENCY_SCHEDULES: Array<{ name: string; queue: string; everySeconds: number }> = [
  { name: "agency-escalate", queue: ESCALATE_QUEUE, everySeconds: 86_400 },
];
