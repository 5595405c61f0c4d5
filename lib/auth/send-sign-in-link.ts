import { getDb } from "@/db/client";
import { siteUrl } from "@/lib/config";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";

function localeOf(request: Request | undefined): Locale {
  const cookie = request?.headers.get("cookie") ?? "";
  const chosen = cookie.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]{2})`))?.[1];
  return isLocale(chosen) ? chosen : negotiateLocale(request?.headers.get("accept-language"));
}

/**
 * Mails the sign-in link. The link opens our confirmation page with a button rather than
 * Auth.js's callback itself, so mail scanners that open links cannot burn the token.
 */
export async function sendSignInLink(input: { email: string; url: string; request?: Request }): Promise<void> {
  const callback = new URL(input.url);
  const confirm = new URL(`${siteUrl()}/sign-in/confirm`);
  for (const key of ["token", "email", "callbackUrl"]) {
    const value = callback.searchParams.get(key);
    if (value) confirm.searchParams.set(key, value);
  }
  await queueMail(getDb(), {
    to: input.email,
    template: "mail.signIn",
    locale: localeOf(input.request),
    params: { url: confirm.toString() },
  });
}
