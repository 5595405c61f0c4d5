import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, Button, ButtonLink, EmptyState, Field, PageHeading, Pagination, Select, Table, TextInput } from "@/app/_components";
import { getDb } from "@/db/client";
import { searchAgenciesForAdmin } from "@/lib/agencies/admin-agency-queries";
import { adminAgencySearchSchema, AGENCY_STATUS_FILTERS } from "@/lib/agencies/schema";
import { localized, type Locale } from "@/lib/i18n/locales";
import { requireAdminPage } from "../require-admin";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("agencies.title") };
}

export default async function AdminAgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireAdminPage();
  const search = adminAgencySearchSchema.parse(await searchParams);
  const [t, ta, locale, result] = await Promise.all([
    getTranslations("admin"),
    getTranslations("agencies"),
    getLocale(),
    searchAgenciesForAdmin(getDb(), search),
  ]);
  const query = Object.fromEntries(Object.entries({ q: search.q, status: search.status === "all" ? "" : search.status }).filter(([, v]) => v));
  return (
    <>
      <PageHeading
        title={t("agencies.title")}
        lead={t("agencies.lead")}
        breadcrumbs={[{ href: "/admin", label: t("title") }]}
        breadcrumbsLabel={t("breadcrumbs")}
        actions={<ButtonLink href="/admin/agencies/new">{t("agencies.new")}</ButtonLink>}
      />
      <form method="get" role="search" aria-label={t("agencies.searchLabel")} className="mt-8 flex flex-col gap-x-4 sm:flex-row sm:items-end">
        <Field id="q" label={t("agencies.searchLabel")} hint={t("agencies.searchHint")} className="sm:flex-1">
          <TextInput id="q" name="q" type="search" defaultValue={search.q} />
        </Field>
        <Field id="status" label={t("agencies.statusLabel")}>
          <Select
            id="status"
            name="status"
            defaultValue={search.status}
            options={AGENCY_STATUS_FILTERS.map((status) => ({ value: status, label: t(`agencies.statusFilter.${status}`) }))}
          />
        </Field>
        <div className="mb-6">
          <Button type="submit">{t("search")}</Button>
        </div>
      </form>
      <p role="status" className="mb-4">
        {t("agencies.found", { count: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <EmptyState title={t("agencies.emptyTitle")} description={t("agencies.emptyDescription")} />
      ) : (
        <Table caption={t("agencies.tableCaption")} headers={[t("agencies.name"), t("agencies.slug"), t("agencies.level"), t("agencies.status")]}>
          {result.rows.map(({ agency, region }) => (
            <tr key={agency.id}>
              <th scope="row">
                <Link href={`/admin/agencies/${agency.id}`}>
                  {localized(agency, locale as Locale)}
                  <span className="sr-only"> — {t("agencies.edit")}</span>
                </Link>
                {region ? <div className="font-normal text-muted">{localized(region, locale as Locale)}</div> : null}
              </th>
              <td className="break-all">{agency.slug}</td>
              <td>{ta(`levels.${agency.level}`)}</td>
              <td>
                <Badge tone={agency.active ? "success" : "neutral"}>{agency.active ? t("agencies.active") : t("agencies.inactive")}</Badge>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination
        basePath="/admin/agencies"
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
