import Link from "next/link";
import type { ReactNode } from "react";
import { MainMenu } from "./main-menu";

/** One entry of the main navigation. */
export type NavItem = { href: string; label: string };

type SiteHeaderProps = {
  /** The site's name, shown as the home link ("Birge"). */
  brand: string;
  /** Visually hidden words read after the brand on the home link, e.g. "home page". */
  homeLabel: string;
  nav: readonly NavItem[];
  /** Name of the main navigation, e.g. "Main menu". */
  navLabel: string;
  /** Words on the phone's menu button, e.g. "Menu". */
  menuLabel: string;
  /** The sign-in link or the signed-in person's menu. */
  account: ReactNode;
  languageSwitcher: ReactNode;
};

/**
 * The top of every page: the brand, the account area and the language switcher, then the main
 * navigation, folded behind a "Menu" button on a phone (see MainMenu).
 */
export function SiteHeader({ brand, homeLabel, nav, navLabel, menuLabel, account, languageSwitcher }: SiteHeaderProps) {
  return (
    <header className="border-t-8 border-b border-t-brand-700 border-b-line bg-white">
      <div className="page-width flex flex-wrap items-center justify-between gap-x-6 gap-y-2 py-3">
        <Link
          href="/"
          className="inline-flex min-h-11 items-center text-2xl font-bold tracking-tight text-brand-800 no-underline hover:text-brand-900 hover:underline"
        >
          {brand}
          <span className="sr-only"> {homeLabel}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-x-5 gap-y-1">
          <div className="flex items-center">{account}</div>
          {languageSwitcher}
        </div>
      </div>
      {nav.length > 0 ? <MainMenu items={nav} navLabel={navLabel} buttonLabel={menuLabel} /> : null}
    </header>
  );
}
