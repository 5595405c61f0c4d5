import { getDb } from "@/db/client";
import { siteUrl } from "@/lib/config";
import { pathOfOwnUrl } from "@/lib/http/safe-return-path";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";

function localeOf(request: Request | undefined): Locale {
  const cookie = request?.headers.get("cookie") ?? "";
  const chosen = cookie.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]{2})`))?.[1];
  return isLocale(chosen) ? chosen : negotiateLocale(request?.headers.get("accept-language"));
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Where the link points: the configured public address — the Host a request names could be
 * anyone's. One exception: on a laptop, where that address is a loopback one (localhost) and
 * the request came to another loopback name (127.0.0.1), the link keeps the name the person
 * used, or the sign-in would complete under the other name, whose cookies their tab never sees.
 */
export function signInLinkOrigin(configured: string, requested: string): string {
  const site = new URL(configured);
  const asked = new URL(requested);
  return LOOPBACK.has(site.hostname) && LOOPBACK.has(asked.hostname) && site.protocol === asked.protocol ? asked.origin : site.origin;
}

/**
 * Mails the sign-in link. The link opens our confirmation page with a button rather than
 * Auth.js's callback itself: mail scanners that open links cannot burn the token, and the
 * callback only completes on that button's same-site POST (login CSRF).
 */
export async function sendSignInLink(input: { email: string; url: string; request?: Request }): Promise<void> {
  const callback = new URL(input.url);
  const confirm = new URL("/sign-in/confirm", signInLinkOrigin(siteUrl(), callback.origin));
  for (const key of ["token", "email"]) {
    const value = callback.searchParams.get(key);
    if (value) confirm.searchParams.set(key, value);
  }
  // Auth.js gives an absolute address on the host asked; the link carries only its path.
  const next = pathOfOwnUrl(callback.searchParams.get("callbackUrl"), callback.origin);
  if (next !== "/") confirm.searchParams.set("callbackUrl", next);
  await queueMail(getDb(), {
    to: input.email,
    template: "mail.signIn",
    locale: localeOf(input.request),
    params: { url: confirm.toString() },
  });
}
