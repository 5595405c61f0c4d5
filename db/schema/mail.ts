import { bigserial, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The outbox: every e-mail Birge sends is written here first, in the same transaction
 * as the change that caused it, then delivered by the job worker.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    /** What kind of message, for the dev mailbox and for tests (e.g. "sign-in"). */
    template: text("template").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** How it left: "smtp" when SMTP_URL is set, "mailbox" when it is only kept for the dev mailbox. */
    transport: text("transport"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("mail_messages_to_idx").on(t.toAddress, t.id)],
);

export type MailMessage = typeof mailMessages.$inferSelect;
