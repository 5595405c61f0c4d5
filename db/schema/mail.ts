import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The outbox: every e-mail Birge sends is written here first, in the same transaction
 * as the change that caused it, then delivered by the job worker.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    toAddress: text("to_address").notNull(),
    /**
     * Null until delivery for a message queued by the signing hot path, which stores only the
     * template, locale and params (see lib/mail/stored-mail.ts): delivery renders it and
     * writes the subject and text here, so the row then holds what was sent.
     */
    subject: text("subject"),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    /** What kind of message, for the dev mailbox and for tests (e.g. "sign-in"). */
    template: text("template").notNull(),
    /** For a message rendered at delivery: the reader's language and the template's values. */
    locale: text("locale"),
    params: jsonb("params").$type<Record<string, string | number>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** How it left: "smtp" when SMTP_URL is set, "mailbox" when it is only kept for the dev mailbox. */
    transport: text("transport"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [
    index("mail_messages_to_idx").on(t.toAddress, t.id),
    check("mail_messages_rendered_or_renderable", sql`${t.textBody} is not null or (${t.locale} is not null and ${t.params} is not null)`),
  ],
);

export type MailMessage = typeof mailMessages.$inferSelect;
