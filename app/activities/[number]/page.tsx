import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, Button, ButtonLink, Notice, PageHeading, Section } from "@/app/_components";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { linkPreview } from "@/app/_layout/link-preview";
import { localized, type Locale } from "@/lib/i18n/locales";
import { visibleActivityByNumber } from "@/lib/public-control/load-activity";
import { loadActivityDetails } from "@/lib/public-control/load-activity-details";
import { readPublicControlSettings } from "@/lib/public-control/settings";
import { FINAL_DOCUMENT_EDITABLE, FOLLOWED_UP_DECISIONS, REQUESTABLE } from "@/lib/public-control/states";
import { dayAsDate } from "../_shared/format";
import "../print.css";
import { ActivityFormLinks } from "./forms/form-links";
import { activityStepAction } from "./actions";
import { FinalDocumentEditor } from "./final-document-editor";
import { ClockBadge, RequestsSection, SentFinalDocument, STATE_TONES, SubjectLink, TeamSection, TimelineSection } from "./sections";
import { InformationRequestForm, TeamMemberForm } from "./subject-forms";
import { serialNumberOf } from "@/lib/validation/numbers";

type Params = { params: Promise<{ number: string }>; searchParams: Promise<Record<string, string | undefined>> };

async function load(numberParam: string) {
  if (serialNumberOf(numberParam) === null) notFound();
  const actor = await currentActor();
  const activity = await visibleActivityByNumber(getDb(), Number(numberParam), actor);
  if (!activity) notFound();
  return { actor, activity };
}

export async function generateMetadata({ params }: Params) {
  const { number } = await params;
  if (serialNumberOf(number) === null) return {};
  const activity = await visibleActivityByNumber(getDb(), Number(number), await currentActor());
  if (!activity) return {};
  if (activity.state === "draft") return { title: activity.title, robots: { index: false } };
  const [locale, t, feeds] = await Promise.all([getLocale(), getTranslations("common"), getTranslations("feeds")]);
  const preview = linkPreview({ title: activity.title, description: activity.subjectMatter, path: `/activities/${activity.number}`, locale: locale as Locale, siteName: t("siteName"), type: "article" });
  const feed = { url: `/feeds/activities/${activity.number}.atom?lang=${locale}`, title: feeds("activity.title", { number: activity.number, title: activity.title }) };
  return { ...preview, alternates: { ...preview.alternates, types: { "application/atom+xml": [feed] } } };
}

/** One lifecycle button of the subject, a plain form that works without script. */
function StepButton({ number, step, label, variant = "primary" }: { number: number; step: string; label: string; variant?: "primary" | "secondary" }) {
  return (
    <form action={activityStepAction}>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="step" value={step} />
      <Button type="submit" variant={variant}>
        {label}
      </Button>
    </form>
  );
}

/** The activity's public page: plan, team, requests, the final document with answers, follow-up and history. */
export default async function ActivityPage({ params, searchParams }: Params) {
  const { number } = await params;
  const query = await searchParams;
  const { actor, activity } = await load(number);
  const db = getDb();
  const locale = (await getLocale()) as Locale;
  const today = toDayString(new Date());
  const [t, te, format, calendar, settings, details] = await Promise.all([
    getTranslations("activities"),
    getTranslations("errors"),
    getFormatter(),
    loadCalendar(db, locale),
    readPublicControlSettings(db),
    loadActivityDetails(db, activity, actor, today),
  ]);
  const subject = details.viewerActsForSubject;
  const date = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "long" }) : null);
  const day = (value: string) => format.dateTime(dayAsDate(value), { dateStyle: "long" });
  const notice = query.notice && t.has(`notices.${query.notice}` as never) ? t(`notices.${query.notice}` as never) : null;
  const error = query.error ? (t.has(`errors.${query.error}` as never) ? t(`errors.${query.error}` as never) : te.has(query.error as never) ? te(query.error as never) : te("internal")) : null;
  const unmarked = details.recommendations.filter((r) => r.decision && FOLLOWED_UP_DECISIONS.includes(r.decision) && !r.implementation).length;
  const organizationUnverified = details.organization && details.organization.state !== "verified";

  return (
    <div className="activity-page">
      <PageHeading
        caption={t("page.caption", { number: activity.number })}
        title={activity.title}
        breadcrumbs={[{ href: "/activities", label: t("list.title") }, { label: activity.title }]}
        breadcrumbsLabel={t("breadcrumbs")}
        lead={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={STATE_TONES[activity.state]}>{t(`states.${activity.state}`)}</Badge>
          </span>
        }
      />

      <div id="status" tabIndex={-1} className="mt-6 activity-no-print">
        {notice ? <Notice tone="success">{notice}</Notice> : null}
        {error ? <Notice tone="error">{error}</Notice> : null}
        {activity.state === "draft" ? (
          <Notice tone="info" announce={false} className="mt-4">
            {t("page.draftNotice")}
          </Notice>
        ) : null}
      </div>

      <dl className="facts mt-6">
        <dt>{t("page.subject")}</dt>
        <dd>
          <SubjectLink details={details} /> {details.organization ? null : <span className="text-muted">({t("page.citizen")})</span>}
        </dd>
        <dt>{t("page.object")}</dt>
        <dd>
          <Link href={`/agencies/${details.agency.slug}`}>{localized(details.agency, locale)}</Link>
        </dd>
        <dt>{t("page.forms")}</dt>
        <dd>{activity.forms.map((form) => t(`forms.${form}`)).join(", ")}</dd>
        <dt>{t("page.period")}</dt>
        <dd>{t("page.periodValue", { start: day(activity.plannedStart), end: day(activity.plannedEnd) })}</dd>
        {activity.announcedAt ? (
          <>
            <dt>{t("page.announcedAt")}</dt>
            <dd>{date(activity.announcedAt)}</dd>
          </>
        ) : null}
        {activity.completedAt ? (
          <>
            <dt>{t("page.completedAt")}</dt>
            <dd>{date(activity.completedAt)}</dd>
          </>
        ) : null}
        {activity.finalDocumentDueOn ? (
          <>
            <dt>{t("page.finalDocumentDue")}</dt>
            <dd>
              {day(activity.finalDocumentDueOn)}
              {activity.state === "completed" ? <ClockBadge calendar={calendar} today={today} dueOn={activity.finalDocumentDueOn} /> : null}
              {activity.sentAt ? <span className="text-muted"> — {t("page.sentOn", { date: date(activity.sentAt)! })}</span> : null}
            </dd>
          </>
        ) : null}
        {activity.answerDueOn ? (
          <>
            <dt>{t("page.answerDue")}</dt>
            <dd>
              {day(activity.answerDueOn)}
              {activity.state === "under_consideration" || activity.state === "hearing" ? <ClockBadge calendar={calendar} today={today} dueOn={activity.answerDueOn} /> : null}
              {activity.answeredAt ? <span className="text-muted"> — {t("page.answeredOn", { date: date(activity.answeredAt)! })}</span> : null}
            </dd>
          </>
        ) : null}
        {activity.considerationHearingAt ? (
          <>
            <dt>{t("page.hearing")}</dt>
            <dd>
              {format.dateTime(activity.considerationHearingAt, { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Almaty" })}, {activity.considerationHearingPlace}
            </dd>
          </>
        ) : null}
        {activity.closedAt ? (
          <>
            <dt>{t("page.closedAt")}</dt>
            <dd>{date(activity.closedAt)}</dd>
          </>
        ) : null}
      </dl>

      <Section title={t("page.subjectMatter")}>
        <p className="whitespace-pre-line">{activity.subjectMatter}</p>
      </Section>
      <Section title={t("page.goals")}>
        <p className="whitespace-pre-line">{activity.goals}</p>
      </Section>

      <div className="activity-no-print">
        <ActivityFormLinks activityNumber={activity.number} forms={activity.forms} />
      </div>

      {subject ? (
        <Section id="actions" title={t("actions.title")} className="activity-no-print">
          {activity.state === "draft" ? (
            <div className="stack">
              {organizationUnverified ? (
                <Notice tone="warning" announce={false}>
                  {t("actions.organizationNotVerified")}
                </Notice>
              ) : null}
              <p>{t("actions.announceHint")}</p>
              <div className="flex flex-wrap gap-3">
                <StepButton number={activity.number} step="announce" label={t("actions.announce")} />
                <ButtonLink href={`/activities/${activity.number}/edit`} variant="secondary">
                  {t("actions.edit")}
                </ButtonLink>
              </div>
            </div>
          ) : null}
          {activity.state === "announced" ? (
            <div className="stack">
              <p>{t("actions.startHint")}</p>
              <StepButton number={activity.number} step="start" label={t("actions.start")} />
            </div>
          ) : null}
          {activity.state === "in_progress" ? (
            <div className="stack">
              <p>{t("actions.completeHint", { days: settings.finalDocumentWorkingDays })}</p>
              <StepButton number={activity.number} step="complete" label={t("actions.complete")} />
            </div>
          ) : null}
          {activity.state === "completed" ? (
            <div className="stack">
              <p>{t("actions.sendHint", { days: settings.answerWorkingDays })}</p>
              <StepButton number={activity.number} step="send" label={t("actions.send")} />
            </div>
          ) : null}
          {activity.state === "under_consideration" || activity.state === "hearing" ? <p>{t("actions.awaitingAnswers")}</p> : null}
          {activity.state === "answered" ? (
            unmarked === 0 ? (
              <div className="stack">
                <p>{t("actions.closeHint")}</p>
                <StepButton number={activity.number} step="close" label={t("actions.close")} />
              </div>
            ) : (
              <p>{t("actions.followUpHint", { count: unmarked })}</p>
            )
          ) : null}
          {activity.state === "closed" ? <p>{t("actions.closed")}</p> : null}
        </Section>
      ) : null}

      <TeamSection details={details}>
        {subject && activity.state === "draft" ? (
          <div className="mt-6 activity-no-print">
            <h3 className="mb-4 text-xl font-bold">{t("team.addTitle")}</h3>
            <TeamMemberForm number={activity.number} />
          </div>
        ) : null}
      </TeamSection>

      {activity.state !== "draft" ? (
        <RequestsSection details={details}>
          {subject && REQUESTABLE.includes(activity.state) ? (
            <div className="mt-6 activity-no-print">
              <h3 className="mb-4 text-xl font-bold">{t("requests.askTitle")}</h3>
              <InformationRequestForm number={activity.number} workingDays={settings.informationRequestWorkingDays} />
            </div>
          ) : null}
        </RequestsSection>
      ) : null}

      {details.finalDocument?.sentAt || (subject && FINAL_DOCUMENT_EDITABLE.includes(activity.state)) ? (
        <Section id="final-document" title={t("finalDocument.title")} className="final-document">
          {details.finalDocument?.sentAt ? (
            <SentFinalDocument details={details} today={today} />
          ) : (
            <div className="activity-no-print">
              <p className="mb-4">{t("finalDocument.editorHint")}</p>
              <FinalDocumentEditor
                number={activity.number}
                factsFound={details.finalDocument?.factsFound ?? ""}
                recommendations={details.recommendations.map((r) => ({ id: r.id, text: r.text }))}
              />
            </div>
          )}
        </Section>
      ) : null}

      {activity.state !== "draft" ? <TimelineSection entries={details.timeline} /> : null}
    </div>
  );
}
