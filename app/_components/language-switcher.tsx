import { cx } from "./cx";

/** Each language named in itself, so a reader finds theirs whatever the page's language. */
const LANGUAGES = [
  { locale: "kk", name: "Қазақша" },
  { locale: "ru", name: "Русский" },
  { locale: "en", name: "English" },
] as const;

type LanguageSwitcherProps = {
  /** Server action that stores the choice and redirects to `returnTo`. */
  action: (formData: FormData) => void | Promise<void>;
  /** The page's current locale ("kk", "ru" or "en"). */
  current: string;
  /** Visually hidden name of the group, e.g. "Language". */
  label: string;
  /** The path to come back to after switching. */
  returnTo: string;
  className?: string;
};

/**
 * Three submit buttons in one form (name="locale"): works without JavaScript, and the choice
 * is a POST, so crawlers following links never change anyone's language.
 */
export function LanguageSwitcher({ action, current, label, returnTo, className }: LanguageSwitcherProps) {
  return (
    <form action={action} className={className}>
      <input type="hidden" name="returnTo" value={returnTo} />
      <fieldset>
        <legend className="sr-only">{label}</legend>
        <div className="flex flex-wrap items-center gap-x-1">
          {LANGUAGES.map(({ locale, name }) => {
            const isCurrent = locale === current;
            return (
              <button
                key={locale}
                type="submit"
                name="locale"
                value={locale}
                lang={locale}
                aria-current={isCurrent ? "true" : undefined}
                className={cx(
                  "inline-flex min-h-11 items-center border-b-4 px-2 pt-1 text-base",
                  isCurrent
                    ? "border-brand-700 font-bold text-ink"
                    : "border-transparent text-brand-700 underline underline-offset-[0.18em] hover:text-brand-900 hover:decoration-[3px]",
                )}
              >
                {name}
              </button>
            );
          })}
        </div>
      </fieldset>
    </form>
  );
}
