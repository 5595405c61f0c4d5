import { desc, eq, ilike } from "drizzle-orm";
import { mailMessages } from "@/db/schema";
import type { Executor } from "@/db/client";

/** The newest outbox messages, optionally for one address; for the development mailbox. */
export async function listMailbox(db: Executor, options: { to?: string; limit?: number } = {}) {
  return db
    .select({
      id: mailMessages.id,
      toAddress: mailMessages.toAddress,
      subject: mailMessages.subject,
      template: mailMessages.template,
      createdAt: mailMessages.createdAt,
      sentAt: mailMessages.sentAt,
      transport: mailMessages.transport,
    })
    .from(mailMessages)
    .where(options.to ? ilike(mailMessages.toAddress, options.to) : undefined)
    .orderBy(desc(mailMessages.id))
    .limit(options.limit ?? 100);
}

export async function mailboxMessage(db: Executor, id: number) {
  const [message] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
  return message ?? null;
}
