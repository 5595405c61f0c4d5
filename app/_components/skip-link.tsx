type SkipLinkProps = {
  /** Translated text, e.g. "Skip to main content". */
  label: string;
  /** The target; the layout's <main> should carry id="main" and tabIndex={-1}. */
  href?: string;
};

/** First focusable thing on every page: hidden until focused, then a clear yellow bar. */
export function SkipLink({ label, href = "#main" }: SkipLinkProps) {
  return (
    <a
      href={href}
      className="sr-only focus:not-sr-only focus:block focus:bg-focus focus:px-4 focus:py-3 focus:font-semibold focus:text-ink focus:underline focus-visible:[outline-offset:-3px]"
    >
      {label}
    </a>
  );
}
