import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, EmptyState, Notice, PageHeading, Section, Table } from "@/app/_components";
import { getDb } from "@/db/client";
import { AGENCY_ROLES } from "@/db/schema";
import { agencyById, listAgencyMembers } from "@/lib/agencies/admin-agency-queries";
import { localized, type Locale } from "@/lib/i18n/locales";
import { requireAdminPage } from "../../require-admin";
import { AgencyForm } from "../agency-form";
import { agencyFormOptions } from "../agency-form-options";
import { agencyToFormValues } from "../agency-form-values";
import { updateAgencyAction } from "./actions";
import { AgencyStatusForm } from "./agency-status-form";
import { AddMemberForm, MemberRoleForm, RemoveMemberForm } from "./member-forms";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

/** Confirmations a redirect may ask the page to show; anything else in ?notice is ignored. */
const PAGE_NOTICES = { memberRemoved: "members.removed" } as const;

export async function generateMetadata({ params }: Props) {
  const [agency, locale, t] = await Promise.all([agencyById(getDb(), (await params).id), getLocale(), getTranslations("admin")]);
  return { title: agency ? t("agency.title", { name: localized(agency, locale as Locale) }) : undefined };
}

export default async function AdminAgencyPage({ params, searchParams }: Props) {
  await requireAdminPage();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const db = getDb();
  const [agency, members, t, locale, options] = await Promise.all([
    agencyById(db, id),
    listAgencyMembers(db, id),
    getTranslations("admin"),
    getLocale(),
    agencyFormOptions(),
  ]);
  if (!agency) notFound();
  const name = localized(agency, locale as Locale);
  const roles = AGENCY_ROLES.map((role) => ({ value: role, label: t(`members.roles.${role}`) }));
  const pageNotice = query.notice && Object.hasOwn(PAGE_NOTICES, query.notice) ? PAGE_NOTICES[query.notice as keyof typeof PAGE_NOTICES] : null;
  return (
    <>
      <PageHeading
        title={name}
        caption={t("agency.caption")}
        breadcrumbs={[
          { href: "/admin", label: t("title") },
          { href: "/admin/agencies", label: t("agencies.title") },
        ]}
        breadcrumbsLabel={t("breadcrumbs")}
        actions={
          <>
            <Badge tone={agency.active ? "success" : "neutral"}>{agency.active ? t("agencies.active") : t("agencies.inactive")}</Badge>
            {agency.active ? <Link href={`/agencies/${agency.slug}`}>{t("agency.publicPage")}</Link> : null}
          </>
        }
      />
      {query.created ? (
        <Notice tone="success" className="mt-6">
          {t("agency.created")}
        </Notice>
      ) : null}
      {pageNotice ? (
        <Notice tone="success" className="mt-6">
          {t(pageNotice)}
        </Notice>
      ) : null}

      <Section title={t("agency.detailsTitle")} id="details" className="mt-10">
        <AgencyForm
          action={updateAgencyAction}
          agencyId={agency.id}
          initial={agencyToFormValues(agency)}
          {...options}
          submitLabel={t("agency.save")}
          savedText={t("agency.saved")}
        />
      </Section>

      <Section title={t("agency.statusTitle")} id="status" className="mt-12">
        <AgencyStatusForm agencyId={agency.id} active={agency.active} />
      </Section>

      <Section title={t("members.title")} id="members" description={t("members.lead")} className="mt-12">
        {members.length === 0 ? (
          <EmptyState headingLevel={3} title={t("members.emptyTitle")} description={t("members.emptyDescription")} />
        ) : (
          <Table caption={t("members.tableCaption", { name })} headers={[t("members.name"), t("members.email"), t("members.role"), t("members.actions")]}>
            {members.map((member) => {
              const who = member.name || member.email;
              return (
                <tr key={member.userId}>
                  <th scope="row">{member.name || t("members.noName")}</th>
                  <td className="break-all">{member.email}</td>
                  <td>
                    <MemberRoleForm agencyId={agency.id} userId={member.userId} email={member.email} role={member.role} who={who} roles={roles} />
                  </td>
                  <td>
                    <RemoveMemberForm agencyId={agency.id} userId={member.userId} who={who} />
                  </td>
                </tr>
              );
            })}
          </Table>
        )}
        <h3 className="mt-10 mb-4 text-xl font-bold">{t("members.addTitle")}</h3>
        <AddMemberForm agencyId={agency.id} roles={roles} />
      </Section>
    </>
  );
}
