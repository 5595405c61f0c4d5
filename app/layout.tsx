import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "./_layout/client-messages";
import "./globals.css";
import { SiteFooter, SiteHeader, SkipLink, LanguageSwitcher } from "./_components";
import { AccountMenu } from "./_layout/account-menu";
import { setLocaleAction } from "./language/actions";
import { currentActor } from "@/lib/auth/current-actor";
import { isAdmin, isModerator } from "@/lib/auth/permissions";
import { mailboxEnabled, siteUrl } from "@/lib/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  // metadataBase: every relative URL in a page's metadata (icons, previews) comes out absolute.
  return { metadataBase: new URL(siteUrl()), title: { default: t("siteName"), template: `%s · ${t("siteName")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t, links, tLayout, actor] = await Promise.all([getLocale(), getTranslations("common"), getTranslations("siteLinks"), getTranslations("layout"), currentActor()]);
  const nav = [
    { href: "/petitions", label: t("nav.petitions") },
    { href: "/activities", label: t("nav.activities") },
    { href: "/agencies", label: t("nav.agencies") },
    { href: "/scorecards", label: t("nav.scorecards") },
    ...(actor ? [{ href: "/my/petitions", label: t("nav.myPetitions") }] : []),
    ...(actor?.agencies.length ? [{ href: "/agency", label: t("nav.agencyDashboard") }] : []),
    ...(isModerator(actor) ? [{ href: "/moderation", label: t("nav.moderation") }] : []),
    ...(isAdmin(actor) ? [{ href: "/admin", label: t("nav.admin") }] : []),
  ];
  return (
    <html lang={locale}>
      <body>
        <ClientMessages>
          <SkipLink label={t("skipToContent")} />
          <SiteHeader
            brand={t("siteName")}
            homeLabel={t("nav.home")}
            nav={nav}
            navLabel={t("nav.label")}
            menuLabel={tLayout("menu")}
            account={<AccountMenu actor={actor} />}
            languageSwitcher={
              <LanguageSwitcher action={setLocaleAction} current={locale} label={t("language")} returnTo="/" />
            }
          />
          <main id="main" tabIndex={-1} className="page-main">
            {children}
          </main>
          <SiteFooter
            linksLabel={links("label")}
            links={[
              { href: "/about", label: links("about") },
              { href: "/help", label: links("help") },
              { href: "/privacy", label: links("privacy") },
              { href: "/terms", label: links("terms") },
              { href: "/accessibility", label: links("accessibility") },
              { href: "/contact", label: links("contact") },
              { href: "/open-data", label: links("openData") },
              { href: "/agencies", label: t("nav.agencies") },
              ...(mailboxEnabled() ? [{ href: "/dev/mailbox", label: t("footer.mailbox") }] : []),
            ]}
            note={t("footer.note")}
          />
        </ClientMessages>
      </body>
    </html>
  );
}
