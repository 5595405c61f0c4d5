import Link from "next/link";
import { useId, type ReactNode } from "react";
import { cx } from "./cx";

/** One step back up the site; the last one may omit href to stand for the current page. */
export type Breadcrumb = { href?: string; label: string };

type PageHeadingProps = {
  /** The page's one h1. */
  title: ReactNode;
  /** A larger first paragraph under the title. */
  lead?: ReactNode;
  /** Small line above the title naming the kind of page or its parent ("Petition", an agency). */
  caption?: ReactNode;
  breadcrumbs?: readonly Breadcrumb[];
  /** Name of the breadcrumbs navigation, e.g. "Breadcrumbs" / "Сіз осындасыз". */
  breadcrumbsLabel?: string;
  /** Buttons or links for the page's main actions. */
  actions?: ReactNode;
  className?: string;
};

/** The top of every page: breadcrumbs, the h1, an optional lead and actions. */
export function PageHeading({ title, lead, caption, breadcrumbs, breadcrumbsLabel, actions, className }: PageHeadingProps) {
  return (
    <div className={cx("ds-page-heading", className)}>
      {breadcrumbs && breadcrumbs.length > 0 ? (
        <nav aria-label={breadcrumbsLabel} className="mb-6 text-sm sm:text-base">
          <ol className="flex flex-wrap items-center gap-y-1">
            {breadcrumbs.map((crumb, index) => (
              <li key={`${crumb.href ?? ""}:${crumb.label}`} className="flex items-center">
                {index > 0 ? (
                  <span aria-hidden="true" className="mx-2 text-muted">
                    ›
                  </span>
                ) : null}
                {crumb.href ? (
                  <Link href={crumb.href} className="text-ink">
                    {crumb.label}
                  </Link>
                ) : (
                  <span aria-current="page">{crumb.label}</span>
                )}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {caption ? <p className="mb-1 text-lg text-muted">{caption}</p> : null}
      <h1 className="text-3xl font-bold break-words text-ink sm:text-4xl">{title}</h1>
      {lead ? <div className="mt-4 max-w-[40em] text-lg text-ink sm:text-xl">{lead}</div> : null}
      {actions ? <div className="mt-6 flex flex-wrap gap-3">{actions}</div> : null}
    </div>
  );
}

type SectionProps = {
  /** The section's h2. */
  title: ReactNode;
  children?: ReactNode;
  /** Anchor for links to this section; the heading gets `${id}-heading`. */
  id?: string;
  /** Small text under the heading. */
  description?: ReactNode;
  /** A link or button placed beside the heading ("See all"). */
  action?: ReactNode;
  className?: string;
};

/** A titled part of a page: <section> named by its h2, so it shows in a screen reader's landmarks. */
export function Section({ title, children, id, description, action, className }: SectionProps) {
  const generatedId = useId();
  const headingId = id ? `${id}-heading` : generatedId;
  return (
    <section id={id} aria-labelledby={headingId} className={cx("ds-section", className)}>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <h2 id={headingId} className="text-2xl font-bold text-ink">
          {title}
        </h2>
        {action}
      </div>
      {description ? <div className="-mt-2 mb-4 text-muted">{description}</div> : null}
      {children}
    </section>
  );
}
