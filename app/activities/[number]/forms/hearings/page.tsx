import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, EmptyState, Notice, PageHeading, Section } from "@/app/_components";
import { getDb } from "@/db/client";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { listHearings } from "@/lib/public-control/forms/form-queries";
import { PROTOCOL_STATES } from "@/lib/public-control/forms/publish-hearing-protocol";
import { earliestHearingDay } from "@/lib/public-control/forms/schedule-hearing";
import { FileLinks } from "../_shared/file-links";
import { formBreadcrumbs, loadFormPage } from "../_shared/load-form-page";
import { ActivityFormLinks } from "../form-links";
import { HearingForm, ProtocolForm } from "./hearing-forms";

type Props = { params: Promise<{ number: string }> };

const FORMS = ["hearing", "report_hearing"] as const;

export async function generateMetadata({ params }: Props) {
  const { activity } = await loadFormPage((await params).number, FORMS);
  const t = await getTranslations("activityForms");
  return { title: `${t("hearings.title")} · ${activity.title}` };
}

/** Hearings: each announced with date, place or link and agenda; the protocol once held. */
export default async function HearingsPage({ params }: Props) {
  const { activity, canAdd, isSubject } = await loadFormPage((await params).number, FORMS);
  const db = getDb();
  const [t, format, hearings, calendar] = await Promise.all([getTranslations("activityForms"), getFormatter(), listHearings(db, activity.id), loadCalendar(db)]);
  const now = new Date();
  const earliest = earliestHearingDay(calendar, toDayString(now));
  const kinds = FORMS.filter((form) => activity.forms.includes(form)).map((form) => {
    const kind = form === "hearing" ? "public_hearing" : "report_hearing";
    return { value: kind, label: t(`hearings.kinds.${kind}`) };
  });
  const canPublishProtocol = isSubject && PROTOCOL_STATES.includes(activity.state);
  return (
    <>
      <PageHeading
        caption={t("activityCaption", { number: activity.number, title: activity.title })}
        title={t("hearings.title")}
        lead={t("hearings.lead")}
        breadcrumbs={formBreadcrumbs(activity, t("activitiesList"), t("hearings.title"))}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      <ActivityFormLinks activityNumber={activity.number} forms={activity.forms} current="hearings" />
      <Section title={t("hearings.listTitle", { count: hearings.length })} id="hearings">
        {hearings.length === 0 ? (
          <EmptyState headingLevel={3} title={t("hearings.emptyTitle")} description={t("hearings.emptyDescription")} />
        ) : (
          <ol className="space-y-8">
            {hearings.map((hearing) => {
              const held = hearing.startsAt <= now;
              return (
                <li key={hearing.id}>
                  <article aria-labelledby={`hearing-${hearing.id}`} className="border-l-4 border-line pl-4">
                    <h3 id={`hearing-${hearing.id}`} className="text-xl font-bold break-words">
                      {t(`hearings.kinds.${hearing.kind}`)}: {format.dateTime(hearing.startsAt, { dateStyle: "full", timeStyle: "short" })}
                    </h3>
                    <p className="mt-1">
                      <Badge tone={hearing.protocolPublishedAt ? "success" : held ? "warning" : "info"}>
                        {t(hearing.protocolPublishedAt ? "hearings.statuses.protocol" : held ? "hearings.statuses.held" : "hearings.statuses.upcoming")}
                      </Badge>
                    </p>
                    <dl className="facts mt-3">
                      {hearing.place ? (
                        <>
                          <dt>{t("hearings.place")}</dt>
                          <dd className="break-words">{hearing.place}</dd>
                        </>
                      ) : null}
                      {hearing.videoUrl ? (
                        <>
                          <dt>{t("hearings.videoUrl")}</dt>
                          <dd className="break-all">
                            <a href={hearing.videoUrl} rel="noopener noreferrer nofollow">
                              {hearing.videoUrl}
                            </a>
                          </dd>
                        </>
                      ) : null}
                      <dt>{t("hearings.noticeGiven")}</dt>
                      <dd>{format.dateTime(hearing.noticeGivenAt, { dateStyle: "long" })}</dd>
                    </dl>
                    <h4 className="mt-3 font-bold">{t("hearings.agenda")}</h4>
                    <p className="whitespace-pre-line break-words">{hearing.agenda}</p>
                    {hearing.protocolPublishedAt ? (
                      <>
                        <h4 className="mt-3 font-bold">{t("hearings.protocol")}</h4>
                        {hearing.protocol ? <p className="whitespace-pre-line break-words">{hearing.protocol}</p> : null}
                        {hearing.protocolFile ? <FileLinks files={[hearing.protocolFile]} label={t("hearings.protocolFile")} /> : null}
                      </>
                    ) : null}
                    {canPublishProtocol && held ? (
                      <details className="mt-4" open={!hearing.protocolPublishedAt}>
                        <summary className="cursor-pointer font-semibold">{hearing.protocolPublishedAt ? t("hearings.correctProtocol") : t("hearings.publishProtocol")}</summary>
                        <div className="mt-3">
                          <ProtocolForm hearingId={hearing.id} protocol={hearing.protocol ?? ""} hasFile={!!hearing.protocolFileId} />
                        </div>
                      </details>
                    ) : null}
                  </article>
                </li>
              );
            })}
          </ol>
        )}
      </Section>
      {canAdd ? (
        <Section title={t("hearings.scheduleTitle")} id="schedule" description={t("hearings.scheduleDescription")}>
          <HearingForm activityId={activity.id} kinds={kinds} earliestLabel={format.dateTime(new Date(`${earliest}T12:00:00Z`), { dateStyle: "full" })} earliestValue={earliest} />
        </Section>
      ) : isSubject ? (
        <Notice tone="info" announce={false}>
          {t("closedForSubject")}
        </Notice>
      ) : null}
    </>
  );
}
