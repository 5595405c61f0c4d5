import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { events, mailMessages, petitions, signatures } from "@/db/schema";
import type { Database, Executor } from "@/db/client";
import { siteUrl } from "@/lib/config";
import { recordEvent } from "@/lib/events/record-event";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { enqueueJob } from "@/lib/jobs/queue";
import { renderMail } from "@/lib/mail/render-mail";
import { MAIL_DELIVER_BATCH_QUEUE } from "@/lib/mail/deliver-mail";
import { signatureToken } from "./tokens";

// Signers hear back three times: threshold reached, petition closed, answer published.
// A popular petition has hundreds of thousands of signers, so each job sends one batch
// and enqueues the next one.
//
// Exactly once per signer per kind:
// - A batch's mails, its progress record and the job for the next batch are written in ONE
//   transaction. If anything fails, all of it rolls back and the retry sends the same batch
//   again from scratch: nobody gets the batch twice and nobody is skipped.
// - The progress record is an event (entity "signer_notification", id "<petitionId>:<kind>",
//   data.afterId). A batch whose afterId is already recorded is skipped. That covers the one
//   gap the transaction cannot: the worker crashing after this commit but before it marks the
//   job done (the job would run again), and a second start after the first run finished.
// - Contract for whoever starts a notification (the threshold, closing and answer code): call
//   startSignerNotification(tx, petitionId, kind) in the transaction of the transition that
//   causes it. It enqueues with singletonKey `notify:<petitionId>:<kind>:0`, so a second start
//   while the first is queued or running is a no-op, and a later one is skipped as above.

export const NOTIFY_SIGNERS_QUEUE = "petitions.notify-signers";

/** Signers get at most this many mails per job; the next batch is another job. */
export const NOTIFY_BATCH_SIZE = 500;

export const SIGNER_NOTIFICATION_KINDS = ["threshold_reached", "closed", "responded"] as const;
/** Why signers are told: the three moments DOMAIN.md promises. */
export type SignerNotificationKind = (typeof SIGNER_NOTIFICATION_KINDS)[number];

const TEMPLATES: Record<SignerNotificationKind, string> = {
  threshold_reached: "mailSigners.thresholdReached",
  closed: "mailSigners.closed",
  responded: "mailSigners.responded",
};

/** The job payload of NOTIFY_SIGNERS_QUEUE. */
export const notifySignersPayloadSchema = z.object({
  petitionId: z.string().min(1),
  kind: z.enum(SIGNER_NOTIFICATION_KINDS),
  afterId: z.number().int().nonnegative().optional(),
});
export type NotifySignersPayload = z.infer<typeof notifySignersPayloadSchema>;

/** The singleton key of the batch that starts after signature `afterId` (0 = the first). */
export function notifySignersKey(petitionId: string, kind: SignerNotificationKind, afterId = 0): string {
  return `notify:${petitionId}:${kind}:${afterId}`;
}

/** Starts telling a petition's signers; call it in the transaction of the change that causes it. */
export async function startSignerNotification(tx: Executor, petitionId: string, kind: SignerNotificationKind): Promise<void> {
  await enqueueJob(tx, NOTIFY_SIGNERS_QUEUE, { petitionId, kind }, { singletonKey: notifySignersKey(petitionId, kind, 0) });
}

/** The link in every signer mail that stops further mail about this petition. */
export function unsubscribeUrl(signatureId: number): string {
  return `${siteUrl()}/signatures/${signatureId}/unsubscribe?t=${signatureToken(signatureId, "unsubscribe")}`;
}

export interface NotifySignersResult {
  /** Mails written by this batch. */
  queued: number;
  /** Where the next batch starts, or null when this was the last one. */
  nextAfterId: number | null;
  /** True when the batch had already been sent (a repeated start or a repeated job). */
  alreadySent: boolean;
}

/**
 * Sends one batch: the next `batchSize` confirmed signers who still want mail, after
 * signature `afterId`, each in their own language; then enqueues the next batch.
 */
export async function notifySigners(options: {
  db: Database;
  petitionId: string;
  kind: SignerNotificationKind;
  afterId?: number;
  now?: Date;
  batchSize?: number;
}): Promise<NotifySignersResult> {
  const { db, petitionId, kind, now = new Date(), batchSize = NOTIFY_BATCH_SIZE } = options;
  const afterId = options.afterId ?? 0;
  const ledgerId = `${petitionId}:${kind}`;
  return db.transaction(async (tx) => {
    // Two runs of the same batch (only possible if someone enqueued without the key) wait here,
    // and the second then sees the first one's progress record.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${notifySignersKey(petitionId, kind, afterId)}))`);
    const [sent] = await tx
      .select({ id: events.id })
      .from(events)
      .where(
        and(
          eq(events.entityType, "signer_notification"),
          eq(events.entityId, ledgerId),
          sql`(${events.data}->>'afterId')::bigint = ${afterId}`,
        ),
      )
      .limit(1);
    if (sent) return { queued: 0, nextAfterId: null, alreadySent: true };

    const [petition] = await tx
      .select({ title: petitions.title, number: petitions.number, state: petitions.state, responseDueOn: petitions.responseDueOn })
      .from(petitions)
      .where(eq(petitions.id, petitionId));
    // A petition hidden for unlawful content is not advertised to anyone, signers included.
    if (!petition || petition.state === "hidden") return { queued: 0, nextAfterId: null, alreadySent: false };

    // Keyset pagination on signatures_petition_state_idx (petition_id, state, id).
    const batch = await tx
      .select({ id: signatures.id, email: signatures.email, locale: signatures.locale })
      .from(signatures)
      .where(
        and(
          eq(signatures.petitionId, petitionId),
          eq(signatures.state, "confirmed"),
          gt(signatures.id, afterId),
          eq(signatures.notify, true),
          isNull(signatures.anonymizedAt),
        ),
      )
      .orderBy(asc(signatures.id))
      .limit(batchSize);

    const url = `${siteUrl()}/petitions/${petition.number}`;
    const template = TEMPLATES[kind];
    await queueMails(
      tx,
      template,
      batch.map((signer) => ({
        to: signer.email,
        locale: localeOf(signer.locale),
        params: {
          title: petition.title,
          number: petition.number,
          url,
          unsubscribeUrl: unsubscribeUrl(signer.id),
          due: petition.responseDueOn ?? "",
        },
      })),
    );

    const lastId = batch.at(-1)?.id ?? afterId;
    const nextAfterId = batch.length === batchSize ? lastId : null;
    await recordEvent(tx, {
      entityType: "signer_notification",
      entityId: ledgerId,
      actorId: null,
      action: nextAfterId === null ? "last_batch_sent" : "batch_sent",
      data: { petitionId, kind, afterId, lastId, mails: batch.length },
      occurredAt: now,
    });
    if (nextAfterId !== null) {
      await enqueueJob(
        tx,
        NOTIFY_SIGNERS_QUEUE,
        { petitionId, kind, afterId: nextAfterId },
        { singletonKey: notifySignersKey(petitionId, kind, nextAfterId) },
      );
    }
    return { queued: batch.length, nextAfterId, alreadySent: false };
  });
}

function localeOf(value: string): Locale {
  return isLocale(value) ? value : "kk";
}

/**
 * queueMail for a whole batch: the same outbox rows, written with one multi-row insert, and
 * one "mail.deliver-batch" job for them all instead of a job per signer.
 */
async function queueMails(
  tx: Executor,
  template: string,
  mails: Array<{ to: string; locale: Locale; params: Record<string, string | number> }>,
): Promise<void> {
  if (mails.length === 0) return;
  const rows = mails.map((mail) => {
    const rendered = renderMail(template, mail.locale, mail.params);
    return { toAddress: mail.to, subject: rendered.subject, textBody: rendered.text, htmlBody: rendered.html, template };
  });
  const inserted = await tx.insert(mailMessages).values(rows).returning({ id: mailMessages.id });
  await enqueueJob(tx, MAIL_DELIVER_BATCH_QUEUE, { messageIds: inserted.map((message) => message.id) }, { maxAttempts: 8 });
}
