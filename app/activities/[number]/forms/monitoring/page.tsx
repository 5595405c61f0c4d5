import { dayAsDate } from "@/lib/i18n/format";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState, Notice, PageHeading, Section } from "@/app/_components";
import { getDb } from "@/db/client";
import { toDayString } from "@/lib/calendar/working-days";
import { maxUploadBytes } from "@/lib/files/storage";
import { listObservations } from "@/lib/public-control/forms/form-queries";
import { FORM_LIMITS } from "@/lib/public-control/forms/schema";
import { FileLinks } from "../_shared/file-links";
import { formBreadcrumbs, loadFormPage } from "../_shared/load-form-page";
import { ActivityFormLinks } from "../form-links";
import { ObservationForm } from "./observation-form";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props) {
  const { activity } = await loadFormPage((await params).number, ["monitoring"]);
  const t = await getTranslations("activityForms");
  return { title: `${t("monitoring.title")} · ${activity.title}` };
}

/** Public monitoring: the observations recorded, and for the subject a form to add one. */
export default async function MonitoringPage({ params }: Props) {
  const { activity, canAdd, isSubject } = await loadFormPage((await params).number, ["monitoring"]);
  const [t, format, observations] = await Promise.all([getTranslations("activityForms"), getFormatter(), listObservations(getDb(), activity.id)]);
  return (
    <>
      <PageHeading
        caption={t("activityCaption", { number: activity.number, title: activity.title })}
        title={t("monitoring.title")}
        lead={t("monitoring.lead")}
        breadcrumbs={formBreadcrumbs(activity, t("activitiesList"), t("monitoring.title"))}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      <ActivityFormLinks activityNumber={activity.number} forms={activity.forms} current="monitoring" />
      <Section title={t("monitoring.listTitle", { count: observations.length })} id="observations">
        {observations.length === 0 ? (
          <EmptyState headingLevel={3} title={t("monitoring.emptyTitle")} description={t("monitoring.emptyDescription")} />
        ) : (
          <ol className="space-y-8">
            {observations.map((observation) => (
              <li key={observation.id}>
                <article aria-labelledby={`observation-${observation.id}`} className="border-l-4 border-line pl-4">
                  <h3 id={`observation-${observation.id}`} className="text-xl font-bold break-words">
                    {t("monitoring.entryHeading", { date: format.dateTime(dayAsDate(observation.observedOn), { dateStyle: "long" }), place: observation.place })}
                  </h3>
                  <p className="mt-2 whitespace-pre-line break-words">{observation.text}</p>
                  <FileLinks files={observation.files} label={t("monitoring.evidenceOf", { date: format.dateTime(dayAsDate(observation.observedOn), { dateStyle: "long" }) })} />
                  <p className="mt-2 text-sm text-muted">
                    {t("recordedBy", { name: observation.authorName ?? t("someone"), date: format.dateTime(observation.createdAt, { dateStyle: "medium" }) })}
                  </p>
                </article>
              </li>
            ))}
          </ol>
        )}
      </Section>
      {canAdd ? (
        <Section title={t("monitoring.recordTitle")} id="record">
          <ObservationForm activityId={activity.id} maxBytes={maxUploadBytes()} maxFiles={FORM_LIMITS.evidenceFiles} today={toDayString(new Date())} />
        </Section>
      ) : isSubject ? (
        <Notice tone="info" announce={false}>
          {t("closedForSubject")}
        </Notice>
      ) : null}
    </>
  );
}
