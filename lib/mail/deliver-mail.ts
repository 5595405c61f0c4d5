import { eq } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { mailMessages } from "@/db/schema";
import type { Database } from "@/db/client";
import { mailFrom } from "@/lib/config";
import { htmlFromText } from "./render-mail";

let transporter: Transporter | null = null;

function smtp(): Transporter | null {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  transporter ??= nodemailer.createTransport(url);
  return transporter;
}

/**
 * Sends one outbox message over SMTP when SMTP_URL is set; otherwise marks it as kept in
 * the outbox, where the development mailbox shows it. Throws so the job is retried.
 */
export async function deliverMail(db: Database, messageId: number): Promise<void> {
  const [message] = await db.select().from(mailMessages).where(eq(mailMessages.id, messageId));
  if (!message || message.sentAt) return;
  const transport = smtp();
  await db
    .update(mailMessages)
    .set({ attempts: message.attempts + 1 })
    .where(eq(mailMessages.id, messageId));
  if (transport) {
    try {
      await transport.sendMail({
        from: mailFrom(),
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody ?? htmlFromText(message.textBody),
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
