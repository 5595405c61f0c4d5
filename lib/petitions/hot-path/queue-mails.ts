import { jobs, mailMessages } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { QueueMailInput } from "@/lib/mail/queue-mail";
import { renderMail } from "@/lib/mail/render-mail";

/**
 * queueMail for many messages at once: the same outbox rows and `mail.deliver` jobs, written
 * with one multi-row INSERT each, in the caller's transaction.
 */
export async function queueMails(tx: Executor, inputs: readonly QueueMailInput[]): Promise<number[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input) => {
    const rendered = renderMail(input.template, input.locale, input.params);
    return { toAddress: input.to, subject: rendered.subject, textBody: rendered.text, htmlBody: rendered.html, template: input.template };
  });
  const inserted = await tx.insert(mailMessages).values(rows).returning({ id: mailMessages.id });
  const runAt = new Date();
  await tx.insert(jobs).values(inserted.map((m) => ({ queue: "mail.deliver", payload: { messageId: m.id }, runAt, maxAttempts: 8 })));
  return inserted.map((m) => m.id);
}
