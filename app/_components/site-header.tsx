import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "./nav-link";

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
  /** The sign-in link or the signed-in person's menu. */
  account: ReactNode;
  languageSwitcher: ReactNode;
};

/**
 * The top of every page: the brand, the account area and the language switcher, then the main
 * navigation. Everything wraps on a phone; no menu button, no script beyond marking the current link.
 */
export function SiteHeader({ brand, homeLabel, nav, navLabel, account, languageSwitcher }: SiteHeaderProps) {
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
      {nav.length > 0 ? (
        <nav aria-label={navLabel} className="border-t border-line-soft">
          <ul className="page-width flex flex-wrap gap-x-6 gap-y-0">
            {nav.map((item) => (
              <li key={item.href}>
                <NavLink
                  href={item.href}
                  className="inline-flex min-h-11 items-center border-b-4 border-transparent pt-1 font-semibold text-ink no-underline hover:border-line hover:text-ink aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800"
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
