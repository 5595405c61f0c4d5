import { eq } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { mailMessages } from "@/db/schema";
import type { Database } from "@/db/client";
import { mailFrom, wholeNumberSetting } from "@/lib/config";
import { enqueueJob } from "@/lib/jobs/queue";
import { htmlFromText } from "./render-mail";
import { mailContent } from "./stored-mail";

let transporter: Transporter | null = null;

/** Messages of one delivery job sent at once, each over its own pooled SMTP connection (BIRGE_MAIL_CONNECTIONS, default 5). */
// Refused at start below 1: 0 or a typo would otherwise finish every delivery job without sending.
export const MAIL_CONNECTIONS = wholeNumberSetting("BIRGE_MAIL_CONNECTIONS", 5, 1);

/**
 * The SMTP transport: a pool of up to MAIL_CONNECTIONS connections kept open between
 * messages (without it nodemailer opens, greets, authenticates and closes a connection for
 * every message — a few a second to a distant provider, while a viral petition queues
 * thousands). Settings in SMTP_URL's query (`?pool=false`, `?maxConnections=2`) win.
 */
function smtp(): Transporter | null {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  if (!transporter) {
    const pooled = new URL(url);
    if (!pooled.searchParams.has("pool")) pooled.searchParams.set("pool", "true");
    if (!pooled.searchParams.has("maxConnections")) pooled.searchParams.set("maxConnections", String(MAIL_CONNECTIONS));
    transporter = nodemailer.createTransport(pooled.toString());
  }
  return transporter;
}

/** Closes the SMTP connections kept open (on shutdown, and by tests that stop their SMTP server). */
export function closeMailTransport(): void {
  transporter?.close();
  transporter = null;
}

/**
 * Sends one outbox message over SMTP when SMTP_URL is set; otherwise marks it as kept in
 * the outbox, where the development mailbox shows it. Throws so the job is retried.
 */
export async function deliverMail(db: Database, messageId: number): Promise<void> {
  const [message] = await db.select().from(mailMessages).where(eq(mailMessages.id, messageId));
  if (!message || message.sentAt) return;
  const transport = smtp();
  // A message queued unrendered is rendered now, and its text kept: the row shows what was sent.
  const { subject, text } = mailContent(message);
  await db
    .update(mailMessages)
    .set({ attempts: message.attempts + 1, ...(message.textBody === null ? { subject, textBody: text } : {}) })
    .where(eq(mailMessages.id, messageId));
  if (transport) {
    try {
      await transport.sendMail({
        from: mailFrom(),
        to: message.toAddress,
        subject,
        text,
        html: message.htmlBody ?? htmlFromText(text, message.locale ?? undefined),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await db.update(mailMessages).set({ lastError: reason.slice(0, 1000) }).where(eq(mailMessages.id, messageId));
      throw error;
    }
  }
  await db
    .update(mailMessages)
    .set({ sentAt: new Date(), transport: transport ? "smtp" : "mailbox", lastError: null })
    .where(eq(mailMessages.id, messageId));
}

/** The queue of one message's delivery (payload `{ messageId }`), retried up to its max attempts. */
export const MAIL_DELIVER_QUEUE = "mail.deliver";
/** The queue of a batch's delivery (payload `{ messageIds }`): one job for the messages one transaction queued. */
export const MAIL_DELIVER_BATCH_QUEUE = "mail.deliver-batch";

/**
 * Delivers the messages of a batch, MAIL_CONNECTIONS at a time (one per pooled SMTP
 * connection). A message that fails is handed to a job of its own (MAIL_DELIVER_QUEUE, with
 * its retries), so one bad address never holds back the others and nothing is dropped; a
 * message already sent is skipped, so a rerun after this one has finished sends nothing twice
 * (two workers running the same job at once — its lock expired after 5 minutes — could).
 */
export async function deliverMailBatch(db: Database, messageIds: readonly number[]): Promise<void> {
  let next = 0;
  const sender = async () => {
    while (next < messageIds.length) {
      const messageId = messageIds[next++];
      try {
        await deliverMail(db, messageId);
      } catch {
        await enqueueJob(db, MAIL_DELIVER_QUEUE, { messageId }, { maxAttempts: 8, runAt: new Date(Date.now() + 10_000) });
      }
    }
  };
  // Every sender has stopped before the job is marked done or retried: a retry never overlaps
  // senders still at work (which could send a message twice).
  const settled = await Promise.allSettled(Array.from({ length: Math.min(MAIL_CONNECTIONS, messageIds.length) }, sender));
  const failed = settled.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}
