import type { ReactNode } from "react";
import type { getFormatter, getTranslations } from "next-intl/server";
import { VisuallyHidden } from "@/app/_components";

// How the scorecard pages write their figures, with the caller's translations and formatter.

type Translate = Awaited<ReturnType<typeof getTranslations<"scorecards">>>;
type NumberFormatter = Pick<Awaited<ReturnType<typeof getFormatter>>, "number">;

/** A figure that cannot be computed yet: a dash for the eye, words for a screen reader. */
export function NoValue({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <VisuallyHidden>{label}</VisuallyHidden>
    </>
  );
}

export function scorecardFormat(t: Translate, format: NumberFormatter) {
  const none = <NoValue label={t("noValue")} />;
  const percent = (share: number) => format.number(share, { style: "percent", maximumFractionDigits: 1 });
  return {
    none,
    percent,
    /** "80% (8 of 10)", or the no-value mark when the whole is zero. */
    shareOf(part: number, whole: number): ReactNode {
      if (whole === 0) return none;
      return t("shareOf", { share: percent(part / whole), part: format.number(part), whole: format.number(whole) });
    },
    share(share: number | null): ReactNode {
      return share === null ? none : percent(share);
    },
    workingDays(days: number | null): ReactNode {
      return days === null ? none : t("workingDays", { days });
    },
    count(value: number): string {
      return format.number(value);
    },
  };
}
