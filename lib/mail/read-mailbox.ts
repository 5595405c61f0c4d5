import { desc, eq, ilike } from "drizzle-orm";
import { mailMessages } from "@/db/schema";
import type { Executor } from "@/db/client";
import { mailContent } from "./stored-mail";

/** The newest outbox messages, optionally for one address; for the development mailbox. */
export async function listMailbox(db: Executor, options: { to?: string; limit?: number } = {}) {
  const rows = await db
    .select({
      id: mailMessages.id,
      toAddress: mailMessages.toAddress,
      subject: mailMessages.subject,
      textBody: mailMessages.textBody,
      template: mailMessages.template,
      locale: mailMessages.locale,
      params: mailMessages.params,
      createdAt: mailMessages.createdAt,
      sentAt: mailMessages.sentAt,
      transport: mailMessages.transport,
    })
    .from(mailMessages)
    .where(options.to ? ilike(mailMessages.toAddress, options.to) : undefined)
    .orderBy(desc(mailMessages.id))
    .limit(options.limit ?? 100);
  return rows.map(({ id, toAddress, template, createdAt, sentAt, transport, ...stored }) => ({
    id,
    toAddress,
    template,
    createdAt,
    sentAt,
    transport,
    subject: mailContent({ template, ...stored }).subject,
  }));
}

/** One outbox message with its subject and text (rendered now if it was queued unrendered). */
export async function mailboxMessage(db: Executor, id: number) {
  const [message] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
  if (!message) return null;
  const { subject, text } = mailContent(message);
  return { ...message, subject, textBody: text };
}
