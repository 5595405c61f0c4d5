import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState, PageHeading } from "@/app/_components";
import { getDb } from "@/db/client";
import { listMyAgencies } from "@/lib/agency/load-item";
import { currentActor } from "@/lib/auth/current-actor";
import type { Locale } from "@/lib/i18n/locales";

export async function generateMetadata() {
  const t = await getTranslations("agency");
  return { title: t("title") };
}

/** The dashboard's front door: straight to the inbox of one's only agency, or a choice among several. */
export default async function AgencyDashboardPage() {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in?callbackUrl=/agency");
  const [t, locale] = await Promise.all([getTranslations("agency"), getLocale()]);
  const agencies = await listMyAgencies(getDb(), actor, locale as Locale);
  if (agencies.length === 1) redirect(`/agency/${agencies[0].id}`);
  return (
    <>
      <PageHeading title={t("title")} lead={agencies.length ? t("chooser.lead") : undefined} />
      {agencies.length === 0 ? (
        <EmptyState title={t("chooser.noneTitle")} description={t("chooser.noneDescription")} className="mt-8" />
      ) : (
        <ul className="mt-8 flex flex-col gap-3">
          {agencies.map((agency) => (
            <li key={agency.id} className="text-lg">
              <Link href={`/agency/${agency.id}`} className="font-semibold">
                {agency.name}
              </Link>{" "}
              <span className="text-muted">({t(`roles.${agency.role}`)})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
