import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, Button, ButtonLink, EmptyState, Field, PageHeading, Pagination, Section, Select, TextInput } from "@/app/_components";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { overdueState } from "@/lib/agency/deadlines";
import { toDayString } from "@/lib/calendar/working-days";
import { localized, type Locale } from "@/lib/i18n/locales";
import { listActivities, listObjectAgencyOptions, listOwnDrafts, type ActivityListItem } from "@/lib/public-control/list-activities";
import { listVerifiedOrganizations } from "@/lib/organizations/queries";
import { activityListSchema } from "@/lib/public-control/schema";
import { ACTIVITY_FORMS, PUBLIC } from "@/lib/public-control/states";
import { STATE_TONES } from "./[number]/sections";

export async function generateMetadata() {
  const t = await getTranslations("activities");
  return { title: t("list.title") };
}

async function ActivityCard({ item, locale, today }: { item: ActivityListItem; locale: Locale; today: string }) {
  const [t, format] = await Promise.all([getTranslations("activities"), getFormatter()]);
  return (
    <li className="border-b border-neutral-300 pb-4">
      <h3 className="text-xl font-bold">
        <Link href={`/activities/${item.number}`}>{item.title}</Link>
      </h3>
      <p className="mt-1 flex flex-wrap gap-2">
        <Badge tone={STATE_TONES[item.state]}>{t(`states.${item.state}`)}</Badge>
        {item.forms.map((form) => (
          <Badge key={form} tone="neutral">
            {t(`forms.${form}`)}
          </Badge>
        ))}
        {overdueState(item.answerDueOn, today, item.answeredAt !== null) === "overdue" ? <Badge tone="danger">{t("list.answerOverdue")}</Badge> : null}
        {item.overdueRequests ? <Badge tone="danger">{t("list.overdueRequests", { count: item.overdueRequests })}</Badge> : null}
      </p>
      <p className="mt-2">
        {t("list.subjectAndObject", {
          subject: item.organization?.name ?? item.citizenName ?? t("page.citizen"),
          object: localized(item.agency, locale),
        })}
      </p>
      <p className="text-sm text-muted">
        {t("page.periodValue", {
          start: format.dateTime(new Date(`${item.plannedStart}T12:00:00Z`), { dateStyle: "medium" }),
          end: format.dateTime(new Date(`${item.plannedEnd}T12:00:00Z`), { dateStyle: "medium" }),
        })}
      </p>
    </li>
  );
}

/** Public control: every public activity, searchable and filtered by body, organization, form and state. */
export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const query = activityListSchema.parse(await searchParams);
  const db = getDb();
  const today = toDayString(new Date());
  const actor = await currentActor();
  const [t, locale, result, agencies, organizations, drafts] = await Promise.all([
    getTranslations("activities"),
    getLocale(),
    listActivities(db, query, today),
    listObjectAgencyOptions(db),
    listVerifiedOrganizations(db),
    actor ? listOwnDrafts(db, actor, today) : Promise.resolve([]),
  ]);
  const kept = Object.fromEntries(
    Object.entries({ q: query.q, agency: query.agency, organization: query.organization, form: query.form, state: query.state }).filter(([, v]) => v),
  ) as Record<string, string>;
  return (
    <>
      <PageHeading
        title={t("list.title")}
        lead={t("list.lead")}
        actions={
          <>
            <ButtonLink href="/activities/new">{t("list.start")}</ButtonLink>
            <ButtonLink href="/organizations" variant="secondary">
              {t("list.organizations")}
            </ButtonLink>
          </>
        }
      />
      {drafts.length ? (
        <Section title={t("list.draftsTitle")} description={t("list.draftsDescription")}>
          <ul className="stack">
            {drafts.map((item) => (
              <ActivityCard key={item.id} item={item} locale={locale as Locale} today={today} />
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title={t("list.searchTitle")}>
        <form method="get" role="search" aria-label={t("list.searchTitle")} className="filters">
          <Field id="q" label={t("list.q")}>
            <TextInput id="q" name="q" type="search" defaultValue={query.q} />
          </Field>
          <Field id="agency" label={t("list.agency")}>
            <Select
              id="agency"
              name="agency"
              defaultValue={query.agency ?? ""}
              options={[{ value: "", label: t("list.anyAgency") }, ...agencies.map((a) => ({ value: a.slug, label: localized(a, locale as Locale) }))]}
            />
          </Field>
          <Field id="organization" label={t("list.organization")}>
            <Select
              id="organization"
              name="organization"
              defaultValue={query.organization ?? ""}
              options={[{ value: "", label: t("list.anyOrganization") }, ...organizations.map((o) => ({ value: o.slug, label: o.name }))]}
            />
          </Field>
          <Field id="form" label={t("list.form")}>
            <Select id="form" name="form" defaultValue={query.form ?? ""} options={[{ value: "", label: t("list.anyForm") }, ...ACTIVITY_FORMS.map((f) => ({ value: f, label: t(`forms.${f}`) }))]} />
          </Field>
          <Field id="state" label={t("list.state")}>
            <Select id="state" name="state" defaultValue={query.state ?? ""} options={[{ value: "", label: t("list.anyState") }, ...PUBLIC.map((s) => ({ value: s, label: t(`states.${s}`) }))]} />
          </Field>
          <Button type="submit">{t("list.search")}</Button>
        </form>
        <p role="status" className="mt-4">
          {t("list.found", { count: result.total })}
        </p>
        {result.items.length === 0 ? (
          <EmptyState title={t("list.emptyTitle")} description={t("list.emptyDescription")} headingLevel={3} />
        ) : (
          <ul className="stack mt-4">
            {result.items.map((item) => (
              <ActivityCard key={item.id} item={item} locale={locale as Locale} today={today} />
            ))}
          </ul>
        )}
        <Pagination
          basePath="/activities"
          searchParams={kept}
          page={query.page}
          pageCount={result.pageCount}
          label={t("list.pagination")}
          previousLabel={t("list.previous")}
          nextLabel={t("list.next")}
          pageOfLabel={t("list.pageOf", { page: query.page, pageCount: result.pageCount })}
        />
      </Section>
    </>
  );
}
