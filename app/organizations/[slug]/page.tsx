import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, ButtonLink, EmptyState, Notice, PageHeading, Section, type BadgeTone } from "@/app/_components";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { isModerator, organizationRoleOf } from "@/lib/auth/permissions";
import { toDayString } from "@/lib/calendar/working-days";
import { localized, type Locale } from "@/lib/i18n/locales";
import { organizationBySlug } from "@/lib/organizations/lock-organization";
import { listActivities } from "@/lib/public-control/list-activities";
import { STATE_TONES } from "../../activities/[number]/sections";
import { OrganizationFacts } from "../_components/organization-facts";

type Params = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> };

const ORGANIZATION_STATE_TONES: Record<string, BadgeTone> = { pending: "warning", verified: "success", refused: "danger" };

export async function generateMetadata({ params }: Params) {
  const { slug } = await params;
  const organization = await organizationBySlug(getDb(), slug.slice(0, 100));
  return organization ? { title: organization.name } : {};
}

/** An organization's public page: who it is, whether it is verified, and its activities. */
export default async function OrganizationPage({ params, searchParams }: Params) {
  const { slug } = await params;
  const query = await searchParams;
  const db = getDb();
  const organization = await organizationBySlug(db, slug.slice(0, 100));
  if (!organization) notFound();
  const actor = await currentActor();
  const role = organizationRoleOf(actor, organization.id);
  const [t, ta, format, locale, activities] = await Promise.all([
    getTranslations("organizations"),
    getTranslations("activities"),
    getFormatter(),
    getLocale(),
    listActivities(db, { q: "", organization: organization.slug, page: 1, perPage: 100 }, toDayString(new Date())),
  ]);
  const notice = query.notice && t.has(`notices.${query.notice}` as never) ? t(`notices.${query.notice}` as never) : null;

  return (
    <>
      <PageHeading
        caption={t("page.caption")}
        title={organization.name}
        breadcrumbs={[{ href: "/organizations", label: t("directory.title") }, { label: organization.name }]}
        breadcrumbsLabel={t("breadcrumbs")}
        lead={<Badge tone={ORGANIZATION_STATE_TONES[organization.state]}>{t(`states.${organization.state}`)}</Badge>}
        actions={
          role ? (
            <>
              <ButtonLink href="/activities/new">{t("page.startActivity")}</ButtonLink>
              <ButtonLink href={`/organizations/${organization.slug}/members`} variant="secondary">
                {t("page.members")}
              </ButtonLink>
            </>
          ) : undefined
        }
      />
      {notice ? (
        <Notice tone="success" className="mt-6">
          {notice}
        </Notice>
      ) : null}
      {role && organization.state === "pending" ? (
        <Notice tone="info" announce={false} className="mt-6">
          {t("page.pendingNotice")}
        </Notice>
      ) : null}
      {role && organization.state === "refused" ? (
        <Notice tone="warning" announce={false} className="mt-6" title={t("page.refusedTitle")}>
          {organization.refusalReason}
        </Notice>
      ) : null}
      <OrganizationFacts organization={organization} linkContacts className="mt-6">
        {organization.verifiedAt ? (
          <>
            <dt>{t("page.verifiedAt")}</dt>
            <dd>{format.dateTime(organization.verifiedAt, { dateStyle: "long" })}</dd>
          </>
        ) : null}
        {organization.foundingDocumentFileId && (role || isModerator(actor)) ? (
          <>
            <dt>{t("page.foundingDocument")}</dt>
            <dd>
              <a href={`/files/${organization.foundingDocumentFileId}`}>{t("page.foundingDocumentLink")}</a>
            </dd>
          </>
        ) : null}
      </OrganizationFacts>
      <Section title={t("page.activities")}>
        {activities.items.length === 0 ? (
          <EmptyState title={t("page.noActivities")} headingLevel={3} />
        ) : (
          <ul className="stack">
            {activities.items.map((item) => (
              <li key={item.id}>
                <h3 className="text-lg font-bold">
                  <Link href={`/activities/${item.number}`}>{item.title}</Link>
                </h3>
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone={STATE_TONES[item.state]}>{ta(`states.${item.state}`)}</Badge>
                  <span>{localized(item.agency, locale as Locale)}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
