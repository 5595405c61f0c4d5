import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, Button, EmptyState, Field, PageHeading, Pagination, Select, Table, TextInput } from "@/app/_components";
import { getDb } from "@/db/client";
import { AGENCY_LEVELS } from "@/db/schema/agencies";
import { agencySearchSchema } from "@/lib/agencies/schema";
import { listRegions, searchAgencies } from "@/lib/agencies/search-agencies";
import { localized } from "@/lib/i18n/locales";

export async function generateMetadata() {
  const t = await getTranslations("agencies");
  return { title: t("title") };
}

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const search = agencySearchSchema.parse(await searchParams);
  const db = getDb();
  const [t, locale, result, regionRows] = await Promise.all([
    getTranslations("agencies"),
    getLocale(),
    searchAgencies(db, search),
    listRegions(db),
  ]);
  const query = Object.fromEntries(
    Object.entries({ q: search.q, level: search.level, region: search.region }).filter(([, v]) => v),
  ) as Record<string, string>;
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <form method="get" role="search" aria-label={t("searchLabel")} className="filters">
        <Field id="q" label={t("searchLabel")}>
          <TextInput id="q" name="q" type="search" defaultValue={search.q} />
        </Field>
        <Field id="level" label={t("levelLabel")}>
          <Select
            id="level"
            name="level"
            defaultValue={search.level ?? ""}
            options={[{ value: "", label: t("anyLevel") }, ...AGENCY_LEVELS.map((level) => ({ value: level, label: t(`levels.${level}`) }))]}
          />
        </Field>
        <Field id="region" label={t("regionLabel")}>
          <Select
            id="region"
            name="region"
            defaultValue={search.region ?? ""}
            options={[{ value: "", label: t("anyRegion") }, ...regionRows.map((r) => ({ value: r.code, label: localized(r, locale as never) }))]}
          />
        </Field>
        <Button type="submit">{t("search")}</Button>
      </form>
      <p role="status">{t("found", { count: result.total })}</p>
      {result.rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Table caption={t("tableCaption")} scrollLabel={t("tableCaption")} headers={[t("name"), t("level"), t("region")]}>
          {result.rows.map(({ agency, region }) => (
            <tr key={agency.id}>
              <td>
                <Link href={`/agencies/${agency.slug}`}>{localized(agency, locale as never)}</Link>
              </td>
              <td>
                <Badge tone="neutral">{t(`levels.${agency.level}`)}</Badge>
              </td>
              <td>{region ? localized(region, locale as never) : t("nationwide")}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination
        basePath="/agencies"
        searchParams={query}
        page={search.page}
        pageCount={result.pageCount}
        label={t("pagination")}
        previousLabel={t("previous")}
        nextLabel={t("next")}
        pageOfLabel={t("pageOf", { page: search.page, pageCount: result.pageCount })}
      />
    </>
  );
}
