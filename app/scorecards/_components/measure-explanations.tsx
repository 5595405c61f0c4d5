import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import { Section } from "@/app/_components";
import { MIN_SETTLED_TO_RANK } from "@/lib/scorecards/measures";

const MEASURES = ["items", "onTime", "median", "open", "overdue", "accepted", "implemented", "petitions", "ranking"] as const;

/** What each measure means and how it is computed, for the league table and the agency scorecard. */
export async function MeasureExplanations() {
  const t = await getTranslations("scorecards");
  return (
    <Section id="how-computed" title={t("howTitle")} description={t("howIntro")}>
      <dl className="facts">
        {MEASURES.map((measure) => (
          <Fragment key={measure}>
            <dt>{t(`measures.${measure}Title`)}</dt>
            <dd>{t(`measures.${measure}Body`, { min: MIN_SETTLED_TO_RANK })}</dd>
          </Fragment>
        ))}
      </dl>
    </Section>
  );
}
