import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { localizeValues } from "@/lib/i18n/format";
import { loadMessagesSync } from "@/lib/i18n/messages";

/** Values a mail template interpolates; a 'YYYY-MM-DD' day is written out in the reader's language. */
export type MailParams = Record<string, string | number>;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

type Translator = ReturnType<typeof createTranslator>;
const translators = new Map<Locale, { messages: object; t: Translator }>();

/**
 * One translator per locale, kept while the catalog object is the same (in production it is
 * loaded once): a translator caches its parsed messages, so rendering a mail costs ~20 µs
 * instead of ~600 µs — it matters when a viral petition queues thousands per second.
 */
function translatorFor(locale: Locale): Translator {
  const messages = loadMessagesSync(locale);
  const cached = translators.get(locale);
  if (cached && cached.messages === messages) return cached.t;
  // A missing or broken mail message must fail loudly, never send a key path to a person.
  const t = createTranslator({
    locale,
    messages,
    onError: (error) => {
      throw error;
    },
  });
  translators.set(locale, { messages, t });
  return t;
}

/**
 * Renders <template>.{subject,body} from the reader's catalog, where template is a full key
 * such as "mail.signIn" or "mailPetitions.confirmSignature" (each feature owns its file). Bodies are plain text;
 * the HTML part escapes it and turns URLs into links, so no template can inject markup.
 */
export function renderMail(template: string, locale: Locale, params: MailParams): RenderedMail {
  const { subject, text } = renderMailText(template, locale, params);
  return { subject, text, html: htmlFromText(text, locale) };
}

/** The subject and plain text of a mail, without its HTML part. */
export function renderMailText(template: string, locale: Locale, params: MailParams): Omit<RenderedMail, "html"> {
  const t = translatorFor(locale);
  // Days come from the calendar code as 'YYYY-MM-DD'; the reader gets "23 декабря 2026 г.".
  const values = localizeValues(locale, params);
  const subject = t(`${template}.subject` as never, values as never) as string;
  const body = t(`${template}.body` as never, values as never) as string;
  const footer = t("mail.footer" as never) as string;
  return { subject, text: `${body}\n\n--\n${footer}` };
}

/**
 * The HTML part of a mail: its text escaped, line breaks kept, URLs made links. The outbox
 * may store it empty (the signing hot path does, to write less per signature); delivery then
 * derives it here.
 */
export function htmlFromText(text: string, locale?: string): string {
  return `<!doctype html><html${locale ? ` lang="${locale}"` : ""}><body style="font-family:system-ui,sans-serif;line-height:1.5">${escapeHtml(text)
    .split("\n")
    .join("<br>")
    .replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</body></html>`;
}
