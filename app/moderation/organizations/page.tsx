import { getFormatter, getTranslations } from "next-intl/server";
import { Button, EmptyState, Notice, PageHeading, Section } from "@/app/_components";
import { OrganizationFacts } from "@/app/organizations/_components/organization-facts";
import { getDb } from "@/db/client";
import { listPendingOrganizations } from "@/lib/organizations/queries";
import { requireModerator } from "../require-moderator";
import { verifyOrganizationAction } from "./actions";
import { RefuseOrganizationForm } from "./refuse-form";

export async function generateMetadata() {
  const t = await getTranslations("organizations");
  return { title: t("moderation.title") };
}

/** Organizations waiting for verification, the longest-waiting first: verify, or refuse with a reason. */
export default async function OrganizationModerationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireModerator("/moderation/organizations");
  const query = await searchParams;
  const [t, te, format, pending] = await Promise.all([getTranslations("organizations"), getTranslations("errors"), getFormatter(), listPendingOrganizations(getDb())]);
  const done = query.done === "verified" || query.done === "refused" ? query.done : null;
  const error = query.error ? (t.has(`errors.${query.error}` as never) ? t(`errors.${query.error}` as never) : te.has(query.error as never) ? te(query.error as never) : te("internal")) : null;
  return (
    <>
      <PageHeading title={t("moderation.title")} lead={t("moderation.lead")} />
      {done ? (
        <Notice tone="success" className="mt-6">
          {t(`moderation.done.${done}`, { name: (query.name ?? "").slice(0, 200) })}
        </Notice>
      ) : null}
      {error ? (
        <Notice tone="error" className="mt-6">
          {error}
        </Notice>
      ) : null}
      <p role="status" className="mt-6">
        {t("moderation.count", { count: pending.length })}
      </p>
      {pending.length === 0 ? <EmptyState title={t("moderation.emptyTitle")} description={t("moderation.emptyDescription")} /> : null}
      {pending.map(({ organization, registrantName, registrantEmail }, index) => (
        <Section key={organization.id} title={organization.name}>
          <OrganizationFacts organization={organization}>
            <dt>{t("moderation.registrant")}</dt>
            <dd>{registrantName ? `${registrantName} (${registrantEmail})` : (registrantEmail ?? "—")}</dd>
            <dt>{t("moderation.registeredAt")}</dt>
            <dd>{format.dateTime(organization.createdAt, { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Almaty" })}</dd>
            <dt>{t("page.foundingDocument")}</dt>
            <dd>
              {organization.foundingDocumentFileId ? (
                <a href={`/files/${organization.foundingDocumentFileId}`}>{t("moderation.openDocument", { name: organization.name })}</a>
              ) : (
                t("moderation.noDocument")
              )}
            </dd>
          </OrganizationFacts>
          <div className="mt-6 flex flex-col gap-8">
            <form action={verifyOrganizationAction}>
              <input type="hidden" name="organizationId" value={organization.id} />
              <input type="hidden" name="name" value={organization.name} />
              <Button type="submit">{t("moderation.verify", { name: organization.name })}</Button>
            </form>
            <RefuseOrganizationForm organizationId={organization.id} name={organization.name} index={index} />
          </div>
        </Section>
      ))}
    </>
  );
}
