import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Badge, ButtonLink, EmptyState, PageHeading, Table } from "@/app/_components";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { localized, type Locale } from "@/lib/i18n/locales";
import { listMyPetitions } from "@/lib/petitions/my-petitions";

export async function generateMetadata() {
  const t = await getTranslations("petitionForm");
  return { title: t("myTitle") };
}

export default async function MyPetitionsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in?callbackUrl=/my/petitions");
  const [t, locale, format, rows] = await Promise.all([getTranslations("petitionForm"), getLocale(), getFormatter(), listMyPetitions(getDb(), actor.id)]);
  return (
    <>
      <PageHeading title={t("myTitle")} actions={<ButtonLink href="/petitions/new">{t("newTitle")}</ButtonLink>} />
      {rows.length === 0 ? (
        <EmptyState title={t("myEmptyTitle")} description={t("myEmptyDescription")} />
      ) : (
        <Table caption={t("myTitle")} captionHidden headers={[t("petition"), t("addressee"), t("state"), t("signatures")]} numericColumns={[3]}>
          {rows.map(({ petition, agency, confirmed }) => (
            <tr key={petition.id}>
              <td>
                <Link href={`/my/petitions/${petition.number}`}>{petition.title}</Link>
              </td>
              <td>{localized(agency, locale as Locale)}</td>
              <td>
                <Badge tone={petition.state === "draft" ? "neutral" : "info"}>{t(`states.${petition.state}`)}</Badge>
              </td>
              <td className="text-right tabular-nums">{format.number(confirmed)}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
