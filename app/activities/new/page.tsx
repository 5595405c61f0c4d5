import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { PageHeading } from "@/app/_components";
import { currentActor } from "@/lib/auth/current-actor";
import type { Locale } from "@/lib/i18n/locales";
import { createActivityAction } from "../actions";
import { ActivityForm } from "../_shared/activity-form";
import { loadActivityFormOptions } from "../_shared/load-activity-form-options";

export async function generateMetadata() {
  const t = await getTranslations("activities");
  return { title: t("new.title") };
}

export default async function NewActivityPage() {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in?callbackUrl=/activities/new");
  const [t, locale] = await Promise.all([getTranslations("activities"), getLocale()]);
  const options = await loadActivityFormOptions(actor, locale as Locale);
  return (
    <div className="narrow">
      <PageHeading
        title={t("new.title")}
        lead={t("new.lead")}
        breadcrumbs={[{ href: "/activities", label: t("list.title") }, { label: t("new.title") }]}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      <ActivityForm action={createActivityAction} options={options} submitLabel={t("new.submit")} />
    </div>
  );
}
