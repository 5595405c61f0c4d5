"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

/** Only same-site paths: an attacker's absolute URL must not become a redirect. */
function safeReturnPath(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "/";
  // A control character (a newline, say) cannot go into the Location header: Node would throw.
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") && !/[\u0000-\u001f\u007f]/.test(path) ? path : "/";
}

/** Back to the page the switcher was pressed on: the Referer when it is ours, else the form's field. */
async function returnPath(fallback: FormDataEntryValue | null): Promise<string> {
  const requestHeaders = await headers();
  const referer = requestHeaders.get("referer");
  const host = requestHeaders.get("host");
  if (referer && host) {
    try {
      const url = new URL(referer);
      if (url.host === host) return safeReturnPath(url.pathname + url.search);
    } catch {
      /* not a URL: use the fallback */
    }
  }
  return safeReturnPath(fallback);
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  }
  redirect(await returnPath(formData.get("returnTo")));
}
