import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";

// No locale in the URL: the reader's choice is a cookie (set by the switcher and by the
// profile), and a first visit is answered in the language the browser asks for.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get("accept-language"));
  return { locale, messages: await loadMessages(locale), timeZone: "Asia/Almaty" };
});
