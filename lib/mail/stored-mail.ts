import type { MailMessage } from "@/db/schema";
import { isLocale } from "@/lib/i18n/locales";
import { signatureLinks } from "@/lib/petitions/tokens";
import { renderMailText, type MailParams } from "./render-mail";

/**
 * The subject and text of an outbox message. Most are rendered when queued; the signing hot
 * path stores only the template, locale and params (a viral petition queues thousands a
 * second, and rendering and storing each text was a large share of a signature's cost), and
 * the message is rendered here — at delivery, or when the development mailbox shows it.
 *
 * A `signatureId` param becomes the signature's confirm and withdraw links: their keyed
 * tokens are derived, never stored, so they are computed when the mail leaves.
 */
export function mailContent(message: Pick<MailMessage, "subject" | "textBody" | "template" | "locale" | "params">): { subject: string; text: string } {
  if (message.textBody !== null && message.subject !== null) return { subject: message.subject, text: message.textBody };
  if (!message.params || !isLocale(message.locale)) throw new Error(`mail message without text has no locale or params (${message.template})`);
  return renderMailText(message.template, message.locale, expandParams(message.params));
}

function expandParams(params: MailParams): MailParams {
  const { signatureId, ...rest } = params;
  return signatureId === undefined ? rest : { ...rest, ...signatureLinks(Number(signatureId)) };
}
