import { mailMessages } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { enqueueJob } from "@/lib/jobs/queue";
import { renderMail, type MailParams } from "./render-mail";
import { MAIL_DELIVER_QUEUE } from "./deliver-mail";

export interface QueueMailInput {
  to: string;
  template: string;
  locale: Locale;
  params: MailParams;
}

/**
 * Writes the message to the outbox and enqueues its delivery, in the caller's transaction:
 * mail exists for exactly the changes that committed.
 */
export async function queueMail(tx: Executor, input: QueueMailInput): Promise<number> {
  const rendered = renderMail(input.template, input.locale, input.params);
  const [message] = await tx
    .insert(mailMessages)
    .values({
      toAddress: input.to,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      template: input.template,
    })
    .returning({ id: mailMessages.id });
  await enqueueJob(tx, MAIL_DELIVER_QUEUE, { messageId: message.id }, { maxAttempts: 8 });
  return message.id;
}
