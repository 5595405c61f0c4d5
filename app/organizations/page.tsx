import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink, EmptyState, PageHeading } from "@/app/_components";
import { getDb } from "@/db/client";
import { listVerifiedOrganizations } from "@/lib/organizations/queries";

export async function generateMetadata() {
  const t = await getTranslations("organizations");
  return { title: t("directory.title") };
}

/** The verified organizations that may run public control. */
export default async function OrganizationsPage() {
  const [t, organizations] = await Promise.all([getTranslations("organizations"), listVerifiedOrganizations(getDb())]);
  return (
    <>
      <PageHeading title={t("directory.title")} lead={t("directory.lead")} actions={<ButtonLink href="/organizations/register">{t("directory.register")}</ButtonLink>} />
      {organizations.length === 0 ? (
        <EmptyState title={t("directory.emptyTitle")} description={t("directory.emptyDescription")} />
      ) : (
        <ul className="mt-8 stack">
          {organizations.map((o) => (
            <li key={o.id}>
              <Link href={`/organizations/${o.slug}`} className="text-lg font-semibold">
                {o.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
