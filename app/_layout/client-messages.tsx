import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";

/** Namespaces every client form may need: field errors, refusals and the date-input hint. */
const CORE_NAMESPACES = ["errors", "validation", "formats"] as const;

/**
 * Hands the client components below it the message namespaces they use — and only those, so a
 * page does not carry the whole catalog (it was ~200 KB of every page's HTML). A provider does
 * not merge with the one above it, so each lists every namespace its area's client components
 * read, besides the core ones; a missing one shows up as a missing-message error in the e2e tests.
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly string[]; children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const picked = Object.fromEntries([...CORE_NAMESPACES, ...namespaces].filter((name) => name in messages).map((name) => [name, messages[name]]));
  return (
    <NextIntlClientProvider locale={locale} messages={picked}>
      {children}
    </NextIntlClientProvider>
  );
}
