import { getLocale, getTranslations } from "next-intl/server";
import { Button, ButtonLink, EmptyState, Field, PageHeading, Pagination, Section, Select, TextInput } from "@/app/_components";
import { getDb } from "@/db/client";
import { listRegions } from "@/lib/agencies/search-agencies";
import { localized, type Locale } from "@/lib/i18n/locales";
import {
  listAddresseeOptions,
  listPetitions,
  PETITION_STATE_FILTERS,
  PETITION_LIST_SORTS,
  resolveListSort,
} from "@/lib/petitions/list-petitions";
import { petitionListSchema } from "@/lib/petitions/schema";
import { PetitionCardList } from "./_components/petition-card";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata() {
  const [t, feeds, locale] = await Promise.all([getTranslations("petitions"), getTranslations("feeds"), getLocale()]);
  return {
    title: t("listTitle"),
    alternates: { types: { "application/atom+xml": [{ url: `/feeds/petitions.atom?lang=${locale}`, title: feeds("petitions.title") }] } },
  };
}

/** The URL's query as the lenient schema reads it: first value of each, nonsense falls back to defaults. */
function readQuery(searchParams: SearchParams) {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const raw = {
    q: first(searchParams.q)?.slice(0, 200),
    state: first(searchParams.state),
    agency: first(searchParams.agency),
    region: first(searchParams.region),
    sort: first(searchParams.sort),
    page: first(searchParams.page),
    perPage: first(searchParams.perPage),
  };
  const parsed = petitionListSchema.safeParse(raw);
  const query = parsed.success ? parsed.data : petitionListSchema.parse({});
  return { ...query, sort: resolveListSort(query.q, raw.sort) };
}

export default async function PetitionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = readQuery(await searchParams);
  const db = getDb();
  const [t, locale, result, addressees, regionRows] = await Promise.all([
    getTranslations("petitions"),
    getLocale(),
    listPetitions(db, query),
    listAddresseeOptions(db),
    listRegions(db),
  ]);
  const kept = Object.fromEntries(
    Object.entries({ q: query.q, state: query.state, agency: query.agency, region: query.region, sort: query.sort }).filter(([, v]) => v),
  ) as Record<string, string>;
  const dataQuery = new URLSearchParams(kept).toString();
  const sorts = PETITION_LIST_SORTS.filter((sort) => sort !== "relevance" || query.q);
  return (
    <>
      <PageHeading
        title={t("listTitle")}
        lead={t("listLead")}
        actions={
          <ButtonLink href="/petitions/new" size="lg">
            {t("startPetition")}
          </ButtonLink>
        }
      />
      <form method="get" action="/petitions" role="search" aria-label={t("filters.label")} className="filters">
        <Field id="q" label={t("filters.q")} hint={t("filters.qHint")}>
          <TextInput id="q" name="q" type="search" defaultValue={query.q} maxLength={200} />
        </Field>
        <Field id="state" label={t("filters.state")}>
          <Select
            id="state"
            name="state"
            defaultValue={query.state ?? ""}
            options={[{ value: "", label: t("filters.anyState") }, ...PETITION_STATE_FILTERS.map((state) => ({ value: state, label: t(`states.${state}`) }))]}
          />
        </Field>
        <Field id="agency" label={t("filters.agency")}>
          <Select
            id="agency"
            name="agency"
            defaultValue={query.agency ?? ""}
            options={[{ value: "", label: t("filters.anyAgency") }, ...addressees.map((a) => ({ value: a.slug, label: localized(a, locale as Locale) }))]}
          />
        </Field>
        <Field id="region" label={t("filters.region")}>
          <Select
            id="region"
            name="region"
            defaultValue={query.region ?? ""}
            options={[{ value: "", label: t("filters.anyRegion") }, ...regionRows.map((r) => ({ value: r.code, label: localized(r, locale as Locale) }))]}
          />
        </Field>
        <Field id="sort" label={t("filters.sort")}>
          <Select id="sort" name="sort" defaultValue={query.sort} options={sorts.map((sort) => ({ value: sort, label: t(`sorts.${sort}`) }))} />
        </Field>
        <Button type="submit">{t("filters.apply")}</Button>
      </form>
      <div className="mb-6 flex flex-wrap items-baseline justify-between gap-4">
        <p role="status" className="text-lg font-semibold">
          {t("found", { count: result.total })}
        </p>
        {Object.keys(kept).some((key) => key !== "sort") ? (
          <ButtonLink href="/petitions" variant="link">
            {t("filters.clear")}
          </ButtonLink>
        ) : null}
      </div>
      {result.items.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <PetitionCardList items={result.items} headingLevel={2} />
      )}
      <Pagination
        basePath="/petitions"
        searchParams={{ ...kept, ...(query.perPage !== 20 ? { perPage: String(query.perPage) } : {}) }}
        page={query.page}
        pageCount={result.pageCount}
        label={t("pagination")}
        previousLabel={t("previous")}
        nextLabel={t("next")}
        pageOfLabel={t("pageOf", { page: query.page, pageCount: result.pageCount })}
      />
      <Section title={t("openData")} className="mt-10">
        <ul className="flex list-none flex-wrap gap-x-6 gap-y-2 p-0">
          <li>
            <a href={`/api/v1/petitions.csv${dataQuery ? `?${dataQuery}` : ""}`} download>
              {t("downloadCsv")}
            </a>
          </li>
          <li>
            <a href={`/api/v1/petitions${dataQuery ? `?${dataQuery}` : ""}`}>{t("apiJson")}</a>
          </li>
          <li>
            <a href="/api/v1/openapi.json">{t("apiDocs")}</a>
          </li>
        </ul>
      </Section>
    </>
  );
}
