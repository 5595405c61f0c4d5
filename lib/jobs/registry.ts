import type { JobHandler } from "./worker";
import { petitionJobHandlers, PETITION_SCHEDULES } from "./petition-jobs";
import { publicControlJobHandlers, PUBLIC_CONTROL_SCHEDULES } from "./public-control-jobs";
import { scorecardJobHandlers, SCORECARD_SCHEDULES } from "./scorecard-jobs";
import { agencyJobHandlers, AGENCY_SCHEDULES } from "./agency-jobs";
import { deliverMail, deliverMailBatch, MAIL_DELIVER_BATCH_QUEUE, MAIL_DELIVER_QUEUE } from "@/lib/mail/deliver-mail";
import { pruneRateLimitBuckets } from "@/lib/rate-limit/hit-rate-limit";
import { pruneFinishedJobs, PRUNE_JOBS_QUEUE } from "./prune-jobs";
import { confirmationMailsFor } from "@/lib/petitions/confirmation-mails";
import { sweepThresholds } from "@/lib/petitions/reach-thresholds";

/** Every queue the worker knows, with the function that runs its jobs. */
export const jobHandlers: Record<string, JobHandler> = {
  ...petitionJobHandlers,
  ...publicControlJobHandlers,
  ...scorecardJobHandlers,
  ...agencyJobHandlers,
  [MAIL_DELIVER_QUEUE]: (payload, { db }) => deliverMail(db, Number(payload.messageId)),
  // A signing batch's job also carries its new signatures' ids: their confirmations are written first.
  [MAIL_DELIVER_BATCH_QUEUE]: async (payload, { db, jobId }) =>
    deliverMailBatch(db, Array.isArray(payload.signatureIds) && payload.signatureIds.length ? await confirmationMailsFor(db, jobId) : (payload.messageIds as unknown[]).map(Number)),
  "maintenance.prune-rate-limits": (_payload, { db, now }) => pruneRateLimitBuckets(db, now),
  [PRUNE_JOBS_QUEUE]: async (_payload, { db, now }) => {
    await pruneFinishedJobs(db, now);
  },
  "petitions.sweep-thresholds": (_payload, { db, now }) => sweepThresholds(db, now),
};

/** Recurring jobs; the worker enqueues each one every `everySeconds`. */
export const SCHEDULES: Array<{ name: string; queue: string; everySeconds: number }> = [
  ...PETITION_SCHEDULES,
  ...PUBLIC_CONTROL_SCHEDULES,
  ...SCORECARD_SCHEDULES,
  ...AGENCY_SCHEDULES,
  { name: "prune-rate-limits", queue: "maintenance.prune-rate-limits", everySeconds: 3600 },
  { name: "prune-jobs", queue: PRUNE_JOBS_QUEUE, everySeconds: 3600 },
  { name: "sweep-thresholds", queue: "petitions.sweep-thresholds", everySeconds: 60 },
];
