import type { JobHandler } from "./worker";
import { REMIND_FINAL_DOCUMENTS_QUEUE, remindFinalDocuments } from "@/lib/public-control/remind-final-documents";

// The public-control queues, spread into lib/jobs/registry.ts. Handlers pass the worker's clock on.

/** Handlers for the public-control queues. */
export const publicControlJobHandlers: Record<string, JobHandler> = {
  [REMIND_FINAL_DOCUMENTS_QUEUE]: async (_payload, { db, now }) => {
    await remindFinalDocuments({ db, now });
  },
};

/** Recurring public-control jobs. */
export const PUBLIC_CONTROL_SCHEDULES: Array<{ name: string; queue: string; everySeconds: number }> = [
  { name: "remind-final-documents", queue: REMIND_FINAL_DOCUMENTS_QUEUE, everySeconds: 86_400 },
];
