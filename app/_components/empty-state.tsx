import type { ReactNode } from "react";
import { cx } from "./cx";

type EmptyStateProps = {
  title: string;
  description?: ReactNode;
  /** A next step, e.g. <ButtonLink href="/petitions/new">…</ButtonLink>. */
  action?: ReactNode;
  /** Heading level, so the outline stays right: 2 under the page's h1, 3 inside a Section. */
  headingLevel?: 2 | 3;
  className?: string;
};

/** What a list shows when it has nothing: say so plainly, and say what to do next. */
export function EmptyState({ title, description, action, headingLevel = 2, className }: EmptyStateProps) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <div className={cx("ds-block border-2 border-dashed border-line bg-surface px-4 py-6 sm:px-6 sm:py-8", className)}>
      <Heading className="text-xl font-bold text-ink">{title}</Heading>
      {description ? <div className="mt-2 max-w-[40em] text-muted">{description}</div> : null}
      {action ? <div className="mt-4 flex flex-wrap gap-3">{action}</div> : null}
    </div>
  );
}
