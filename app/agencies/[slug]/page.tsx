import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, PageHeading } from "@/app/_components";
import { AgencyScorecardSummary } from "@/app/scorecards/_components/agency-scorecard-summary";
import { getDb } from "@/db/client";
import { agencyBySlug } from "@/lib/agencies/search-agencies";
import { linkPreview } from "@/app/_layout/link-preview";
import { localized, type Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const [row, locale, t, tCommon, feeds] = await Promise.all([agencyBySlug(getDb(), (await params).slug), getLocale(), getTranslations("sharing.meta"), getTranslations("common"), getTranslations("feeds")]);
  if (!row) return {};
  const name = localized(row.agency, locale as Locale);
  const preview = linkPreview({ title: name, description: t("agency", { agency: name }), path: `/agencies/${row.agency.slug}`, locale: locale as Locale, siteName: tCommon("siteName") });
  const feed = { url: `/feeds/agencies/${row.agency.slug}.atom?lang=${locale}`, title: feeds("agency.title", { agency: name }) };
  return { ...preview, alternates: { ...preview.alternates, types: { "application/atom+xml": [feed] } } };
}

export default async function AgencyPage({ params }: Props) {
  const { slug } = await params;
  const [row, t, locale] = await Promise.all([agencyBySlug(getDb(), slug), getTranslations("agencies"), getLocale()]);
  if (!row) notFound();
  const { agency, region } = row;
  return (
    <>
      <PageHeading
        title={localized(agency, locale as Locale)}
        breadcrumbs={[{ href: "/agencies", label: t("title") }]}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      <dl className="facts">
        <dt>{t("level")}</dt>
        <dd>
          <Badge tone="info">{t(`levels.${agency.level}`)}</Badge>
        </dd>
        <dt>{t("region")}</dt>
        <dd>{region ? localized(region, locale as Locale) : t("nationwide")}</dd>
        {agency.website ? (
          <>
            <dt>{t("website")}</dt>
            <dd>
              <a href={agency.website} rel="noopener noreferrer">
                {agency.website}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t("otherNames")}</dt>
        <dd>
          <span lang="kk">{agency.nameKk}</span> · <span lang="ru">{agency.nameRu}</span> · <span lang="en">{agency.nameEn}</span>
        </dd>
      </dl>
      <AgencyScorecardSummary slug={agency.slug} />
    </>
  );
}
