import type { ReactNode } from "react";

/** One link in the footer. Plain <a>: footer targets include files such as the API description. */
export type FooterLink = { href: string; label: string };

type SiteFooterProps = {
  links: readonly FooterLink[];
  /** A short line about the site (who runs it, licence of the open data). */
  note: ReactNode;
  /** If given, the links become a <nav> with this name, e.g. "Support links". */
  linksLabel?: string;
};

/** The bottom of every page: a row of links and a short note. */
export function SiteFooter({ links, note, linksLabel }: SiteFooterProps) {
  const list =
    links.length > 0 ? (
      <ul className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} className="inline-flex min-h-6 items-center text-ink">
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    ) : null;
  return (
    <footer className="mt-12 border-t-4 border-brand-700 bg-surface">
      <div className="page-width py-8">
        {list && linksLabel ? <nav aria-label={linksLabel}>{list}</nav> : list}
        <div className="max-w-[40em] text-muted">{note}</div>
      </div>
    </footer>
  );
}
