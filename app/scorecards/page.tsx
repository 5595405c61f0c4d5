import Link from "next/link";
import { z } from "zod";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, Button, EmptyState, Field, Notice, PageHeading, Pagination, Section, Select, Table } from "@/app/_components";
import { getDb } from "@/db/client";
import { AGENCY_LEVELS } from "@/db/schema/agencies";
import { linkPreview } from "@/app/_layout/link-preview";
import { localized, type Locale } from "@/lib/i18n/locales";
import { MIN_SETTLED_TO_RANK, onTimeShare } from "@/lib/scorecards/measures";
import { listScorecards, SCORECARD_SORTS } from "@/lib/scorecards/read-scorecards";
import { MeasureExplanations } from "./_components/measure-explanations";
import { scorecardFormat } from "./_components/format";

const PAGE_SIZE = 50;

// The page forgives a bad query (falls back to defaults); the open-data API refuses it with 400.
const querySchema = z.object({
  sort: z.enum(SCORECARD_SORTS).catch("on_time").default("on_time"),
  level: z.enum(AGENCY_LEVELS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export async function generateMetadata() {
  const [t, tCommon, locale] = await Promise.all([getTranslations("scorecards"), getTranslations("common"), getLocale()]);
  return linkPreview({ title: t("title"), description: t("lead"), path: "/scorecards", locale: locale as Locale, siteName: tCommon("siteName") });
}

/** The league table of agencies, read from the maintained scorecards (no events are scanned here). */
export default async function ScorecardsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const query = querySchema.parse(await searchParams);
  const locale = (await getLocale()) as Locale;
  const [t, tAgencies, formatter, result] = await Promise.all([
    getTranslations("scorecards"),
    getTranslations("agencies"),
    getFormatter(),
    listScorecards(getDb(), { sort: query.sort, level: query.level, page: query.page, perPage: PAGE_SIZE, locale }),
  ]);
  const show = scorecardFormat(t, formatter);
  const kept = Object.fromEntries(Object.entries({ sort: query.sort === "on_time" ? undefined : query.sort, level: query.level }).filter(([, v]) => v)) as Record<string, string>;
  const apiQuery = new URLSearchParams({ sort: query.sort, ...(query.level ? { level: query.level } : {}) }).toString();
  const hasUnranked = result.items.some((item) => item.rank === null);
  const columns = [
    t("columns.place"),
    t("columns.agency"),
    t("columns.onTimeShare"),
    t("columns.median"),
    t("columns.overdueNow"),
    t("columns.openNow"),
    t("columns.accepted"),
    t("columns.implemented"),
    t("columns.petitionsAnswered"),
  ];

  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <Notice tone="info" announce={false} className="mt-6">
        {result.refreshedAt ? t("refreshedAt", { time: formatter.dateTime(result.refreshedAt, { dateStyle: "medium", timeStyle: "short" }) }) : t("notComputed")}
      </Notice>
      <form method="get" role="search" aria-label={t("filtersLabel")} className="filters">
        <Field id="sort" label={t("sortLabel")}>
          <Select id="sort" name="sort" defaultValue={query.sort} options={SCORECARD_SORTS.map((sort) => ({ value: sort, label: t(`sorts.${sort}`) }))} />
        </Field>
        <Field id="level" label={t("levelLabel")}>
          <Select
            id="level"
            name="level"
            defaultValue={query.level ?? ""}
            options={[{ value: "", label: t("anyLevel") }, ...AGENCY_LEVELS.map((level) => ({ value: level, label: tAgencies(`levels.${level}`) }))]}
          />
        </Field>
        <Button type="submit">{t("apply")}</Button>
      </form>
      <p role="status">{t("found", { count: result.total })}</p>
      {result.items.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Table
          caption={t("tableCaption", { order: t(`sorts.${query.sort}`) })}
          headers={columns}
          stackedOnPhone={{ labels: columns }}
          numericColumns={[0, 2, 3, 4, 5, 6, 7, 8]}
        >
          {result.items.map(({ agency, figures, rank }) => (
            <tr key={agency.id}>
              <td className="text-right tabular-nums">{rank === null ? <Badge tone="neutral">{t("notRanked")}</Badge> : show.count(rank)}</td>
              <th scope="row">
                <Link href={`/agencies/${agency.slug}/scorecard`}>{localized(agency, locale)}</Link>
                <div className="font-normal text-muted">{tAgencies(`levels.${agency.level}`)}</div>
              </th>
              <td className="text-right tabular-nums">{show.share(onTimeShare(figures))}</td>
              <td className="text-right tabular-nums">{show.workingDays(figures.medianWorkingDaysToAnswer)}</td>
              <td className="text-right tabular-nums">
                {figures.overdueNow > 0 ? <Badge tone="danger">{show.count(figures.overdueNow)}</Badge> : show.count(figures.overdueNow)}
              </td>
              <td className="text-right tabular-nums">{show.count(figures.openNow)}</td>
              <td className="text-right tabular-nums">{show.shareOf(figures.recommendationsAccepted, figures.recommendationsTotal)}</td>
              <td className="text-right tabular-nums">{show.shareOf(figures.recommendationsImplemented, figures.recommendationsAccepted)}</td>
              <td className="text-right tabular-nums">{show.count(figures.petitionsAnswered)}</td>
            </tr>
          ))}
        </Table>
      )}
      {hasUnranked ? (
        <Notice tone="info" announce={false}>
          {t("notRankedNote", { min: MIN_SETTLED_TO_RANK })}
        </Notice>
      ) : null}
      <Pagination
        basePath="/scorecards"
        searchParams={kept}
        page={result.page}
        pageCount={result.pageCount}
        label={t("pagination")}
        previousLabel={t("previous")}
        nextLabel={t("next")}
        pageOfLabel={t("pageOf", { page: result.page, pageCount: result.pageCount })}
      />
      <MeasureExplanations />
      <Section id="open-data" title={t("openDataTitle")} description={t("openDataBody")}>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <a href={`/api/v1/scorecards?${apiQuery}`}>{t("openDataJson")}</a>
          </li>
          <li>
            <a href={`/api/v1/scorecards.csv?${apiQuery}`}>{t("openDataCsv")}</a>
          </li>
          <li>
            <a href="/api/v1/openapi.json">{t("openDataApi")}</a>
          </li>
        </ul>
      </Section>
    </>
  );
}
