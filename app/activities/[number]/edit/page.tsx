import { getLocale, getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { PageHeading } from "@/app/_components";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import type { Locale } from "@/lib/i18n/locales";
import { visibleActivityByNumber } from "@/lib/public-control/load-activity";
import { actsForSubject } from "@/lib/public-control/subject";
import { updateActivityAction } from "../../actions";
import { ActivityForm } from "../../_shared/activity-form";
import { loadActivityFormOptions } from "../../_shared/load-activity-form-options";
import { serialNumberOf } from "@/lib/validation/numbers";

export async function generateMetadata() {
  const t = await getTranslations("activities");
  return { title: t("edit.title") };
}

/** The subject edits the plan of a draft. Not the security check: updateActivity is. */
export default async function EditActivityPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  if (serialNumberOf(number) === null) notFound();
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=/activities/${number}/edit`);
  const activity = await visibleActivityByNumber(getDb(), Number(number), actor);
  if (!activity || !actsForSubject(actor, activity)) notFound();
  if (activity.state !== "draft") redirect(`/activities/${number}`);
  const [t, locale] = await Promise.all([getTranslations("activities"), getLocale()]);
  const options = await loadActivityFormOptions(actor, locale as Locale);
  return (
    <div className="narrow">
      <PageHeading
        title={t("edit.title")}
        breadcrumbs={[{ href: "/activities", label: t("list.title") }, { href: `/activities/${number}`, label: activity.title }, { label: t("edit.title") }]}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      <ActivityForm
        action={updateActivityAction.bind(null, activity.number)}
        options={options}
        subjectFixed
        initial={{
          title: activity.title,
          subjectMatter: activity.subjectMatter,
          goals: activity.goals,
          agencyId: activity.agencyId,
          organizationId: activity.organizationId ?? "",
          forms: activity.forms,
          plannedStart: activity.plannedStart,
          plannedEnd: activity.plannedEnd,
        }}
        submitLabel={t("edit.submit")}
      />
    </div>
  );
}
