import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { loadMessagesSync } from "@/lib/i18n/messages";

/** Values a mail template interpolates. */
export type MailParams = Record<string, string | number>;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * Renders <template>.{subject,body} from the reader's catalog, where template is a full key
 * such as "mail.signIn" or "mailPetitions.confirmSignature" (each feature owns its file). Bodies are plain text;
 * the HTML part escapes it and turns URLs into links, so no template can inject markup.
 */
export function renderMail(template: string, locale: Locale, params: MailParams): RenderedMail {
  // A missing or broken mail message must fail loudly, never send a key path to a person.
  const t = createTranslator({
    locale,
    messages: loadMessagesSync(locale),
    onError: (error) => {
      throw error;
    },
  });
  const subject = t(`${template}.subject` as never, params as never) as string;
  const body = t(`${template}.body` as never, params as never) as string;
  const footer = t("mail.footer" as never) as string;
  const text = `${body}\n\n--\n${footer}`;
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5">${escapeHtml(text)
    .split("\n")
    .join("<br>")
    .replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</body></html>`;
  return { subject, text, html };
}
