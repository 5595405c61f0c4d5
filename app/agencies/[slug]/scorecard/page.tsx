import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Notice, PageHeading, Section } from "@/app/_components";
import { MeasureExplanations } from "@/app/scorecards/_components/measure-explanations";
import { scorecardFormat } from "@/app/scorecards/_components/format";
import { getDb } from "@/db/client";
import { linkPreview } from "@/app/_layout/link-preview";
import { localized, type Locale } from "@/lib/i18n/locales";
import { isRanked, MIN_SETTLED_TO_RANK, onTimeShare, settledItems } from "@/lib/scorecards/measures";
import { scorecardForAgency } from "@/lib/scorecards/read-scorecards";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const [view, locale, t, tMeta, tCommon] = await Promise.all([
    scorecardForAgency(getDb(), (await params).slug),
    getLocale(),
    getTranslations("scorecards"),
    getTranslations("sharing.meta"),
    getTranslations("common"),
  ]);
  if (!view) return {};
  const agency = localized(view.agency, locale as Locale);
  return linkPreview({
    title: t("agencyTitle", { agency }),
    description: tMeta("scorecard", { agency }),
    path: `/agencies/${view.agency.slug}/scorecard`,
    locale: locale as Locale,
    siteName: tCommon("siteName"),
  });
}

/** One agency's public scorecard, read from the maintained aggregate. */
export default async function AgencyScorecardPage({ params }: Props) {
  const { slug } = await params;
  const [view, t, tAgencies, formatter, locale] = await Promise.all([
    scorecardForAgency(getDb(), slug),
    getTranslations("scorecards"),
    getTranslations("agencies"),
    getFormatter(),
    getLocale(),
  ]);
  if (!view) notFound();
  const { agency, figures } = view;
  const name = localized(agency, locale as Locale);
  const show = scorecardFormat(t, formatter);
  const settled = settledItems(figures);
  const awaitingFollowUp = Math.max(0, figures.recommendationsAccepted - figures.recommendationsImplemented - figures.recommendationsNotImplemented);
  const share = onTimeShare(figures);

  return (
    <>
      <PageHeading
        title={t("agencyTitle", { agency: name })}
        breadcrumbs={[{ href: "/agencies", label: tAgencies("title") }, { href: `/agencies/${agency.slug}`, label: name }, { label: t("scorecardCrumb") }]}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      <Notice tone="info" announce={false} className="mt-6">
        <p>{view.refreshedAt ? t("refreshedAt", { time: formatter.dateTime(view.refreshedAt, { dateStyle: "medium", timeStyle: "short" }) }) : t("notComputed")}</p>
        <p className="mt-2">
          {figures.itemsDue === 0
            ? t("nothingYet")
            : isRanked(figures)
              ? t("agencyRanked", { settled })
              : t("agencyNotRanked", { settled, min: MIN_SETTLED_TO_RANK })}
        </p>
      </Notice>

      <Section id="deadlines" title={t("deadlinesTitle")}>
        <dl className="facts">
          <dt>{t("itemsDue")}</dt>
          <dd>{show.count(figures.itemsDue)}</dd>
          <dt>{t("onTimeShare")}</dt>
          <dd>{share === null ? show.none : t("shareOf", { share: show.percent(share), part: show.count(figures.answeredOnTime), whole: show.count(settled) })}</dd>
          <dt>{t("answeredOnTime")}</dt>
          <dd>{show.count(figures.answeredOnTime)}</dd>
          <dt>{t("answeredLate")}</dt>
          <dd>{show.count(figures.answered - figures.answeredOnTime)}</dd>
          <dt>{t("median")}</dt>
          <dd>{show.workingDays(figures.medianWorkingDaysToAnswer)}</dd>
          <dt>{t("openNow")}</dt>
          <dd>{show.count(figures.openNow)}</dd>
          <dt>{t("overdueNow")}</dt>
          <dd>{show.count(figures.overdueNow)}</dd>
        </dl>
      </Section>

      <Section id="recommendations" title={t("recommendationsTitle")}>
        <dl className="facts">
          <dt>{t("recommendationsAnswered")}</dt>
          <dd>{show.count(figures.recommendationsTotal)}</dd>
          <dt>{t("recommendationsAccepted")}</dt>
          <dd>{figures.recommendationsTotal === 0 ? show.none : show.shareOf(figures.recommendationsAccepted, figures.recommendationsTotal)}</dd>
          <dt>{t("recommendationsImplemented")}</dt>
          <dd>{figures.recommendationsAccepted === 0 ? show.none : show.shareOf(figures.recommendationsImplemented, figures.recommendationsAccepted)}</dd>
          <dt>{t("recommendationsNotImplemented")}</dt>
          <dd>{show.count(figures.recommendationsNotImplemented)}</dd>
          <dt>{t("recommendationsAwaiting")}</dt>
          <dd>{show.count(awaitingFollowUp)}</dd>
        </dl>
      </Section>

      <Section id="petitions-and-requests" title={t("otherTitle")}>
        <dl className="facts">
          <dt>{t("petitionsAnswered")}</dt>
          <dd>{show.count(figures.petitionsAnswered)}</dd>
          <dt>{t("informationRequestsAnswered")}</dt>
          <dd>{show.count(figures.informationRequestsAnswered)}</dd>
          <dt>{t("informationRequestsRefused")}</dt>
          <dd>{show.count(figures.informationRequestsRefused)}</dd>
        </dl>
      </Section>

      <p className="mb-8">
        <Link href="/scorecards">{t("leagueLink")}</Link>
      </p>

      <MeasureExplanations />

      <Section id="open-data" title={t("openDataTitle")} description={t("openDataBody")}>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <a href={`/api/v1/scorecards/${encodeURIComponent(agency.slug)}`}>{t("agencyJson")}</a>
          </li>
          <li>
            <a href={`/api/v1/scorecards/${encodeURIComponent(agency.slug)}?format=csv`}>{t("agencyCsv")}</a>
          </li>
          <li>
            <a href="/api/v1/openapi.json">{t("openDataApi")}</a>
          </li>
        </ul>
      </Section>
    </>
  );
}
