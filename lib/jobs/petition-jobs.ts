import type { JobHandler } from "./worker";
import { enqueueJob } from "./queue";
import { ANONYMIZE_QUEUE, anonymizeSignatures } from "@/lib/petitions/anonymize-signatures";
import { CLOSE_DUE_QUEUE, closeDuePetitions } from "@/lib/petitions/close-due-petitions";
import { EXPIRE_UNSUPPORTED_QUEUE, expireUnsupportedPetitions } from "@/lib/petitions/expire-unsupported-petitions";
import { SUPPORT_DIGEST_QUEUE, sendSupportDigests } from "@/lib/petitions/send-support-digests";
import { NOTIFY_SIGNERS_QUEUE, notifySigners, notifySignersPayloadSchema } from "@/lib/petitions/notify-signers";

// The petition queues, spread into lib/jobs/registry.ts. Every handler passes the worker's
// clock on, so tests run them at any moment with runDueJobs/drainJobs({ now }).

/** Handlers for the petition queues. */
export const petitionJobHandlers: Record<string, JobHandler> = {
  [NOTIFY_SIGNERS_QUEUE]: async (payload, { db, now }) => {
    // A malformed payload throws: the job fails visibly instead of mailing the wrong people.
    const { petitionId, kind, afterId } = notifySignersPayloadSchema.parse(payload);
    await notifySigners({ db, now, petitionId, kind, afterId });
  },
  [CLOSE_DUE_QUEUE]: async (_payload, { db, now }) => {
    await closeDuePetitions({ db, now });
  },
  [EXPIRE_UNSUPPORTED_QUEUE]: async (_payload, { db, now }) => {
    await expireUnsupportedPetitions({ db, now });
  },
  [SUPPORT_DIGEST_QUEUE]: async (_payload, { db, now }) => {
    await sendSupportDigests({ db, now });
  },
  [ANONYMIZE_QUEUE]: async (_payload, { db, now }) => {
    const { done } = await anonymizeSignatures({ db, now });
    // A backlog larger than one run continues in a new job rather than outliving the job lock.
    if (!done) await enqueueJob(db, ANONYMIZE_QUEUE, { continued: true });
  },
};

/** Recurring petition jobs. */
export const PETITION_SCHEDULES: Array<{ name: string; queue: string; everySeconds: number }> = [
  { name: "close-due-petitions", queue: CLOSE_DUE_QUEUE, everySeconds: 600 },
  { name: "expire-unsupported-petitions", queue: EXPIRE_UNSUPPORTED_QUEUE, everySeconds: 600 },
  // Every minute, so a creator hears of their first supporters soon; the hour between two
  // digests of one petition is kept by the digest itself.
  { name: "support-digests", queue: SUPPORT_DIGEST_QUEUE, everySeconds: 60 },
  { name: "anonymize-signatures", queue: ANONYMIZE_QUEUE, everySeconds: 86_400 },
];
