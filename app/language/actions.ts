"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

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
