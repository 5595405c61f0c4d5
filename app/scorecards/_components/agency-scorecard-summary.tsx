import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Section } from "@/app/_components";
import { getDb } from "@/db/client";
import { onTimeShare } from "@/lib/scorecards/measures";
import { scorecardForAgency } from "@/lib/scorecards/read-scorecards";
import { scorecardFormat } from "./format";

/** The headline figures of an agency's scorecard, for its page, with a link to the whole scorecard. */
export async function AgencyScorecardSummary({ slug }: { slug: string }) {
  const [view, t, formatter] = await Promise.all([scorecardForAgency(getDb(), slug), getTranslations("scorecards"), getFormatter()]);
  if (!view) return null;
  const { figures } = view;
  const show = scorecardFormat(t, formatter);
  const href = `/agencies/${view.agency.slug}/scorecard`;
  return (
    <Section id="scorecard" title={t("summaryTitle")} action={<Link href={href}>{t("summaryLink")}</Link>}>
      {figures.itemsDue === 0 ? (
        <p>{t("nothingYet")}</p>
      ) : (
        <dl className="facts">
          <dt>{t("onTimeShare")}</dt>
          <dd>{show.share(onTimeShare(figures))}</dd>
          <dt>{t("median")}</dt>
          <dd>{show.workingDays(figures.medianWorkingDaysToAnswer)}</dd>
          <dt>{t("openNow")}</dt>
          <dd>{show.count(figures.openNow)}</dd>
          <dt>{t("overdueNow")}</dt>
          <dd>{show.count(figures.overdueNow)}</dd>
        </dl>
      )}
    </Section>
  );
}
