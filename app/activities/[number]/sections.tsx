import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Button, Notice, Section, type BadgeTone } from "@/app/_components";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import type { ActivityTimelineEntry } from "@/lib/public-control/activity-timeline";
import { clockStatus, workingDaysLeft, type ClockStatus } from "@/lib/public-control/clocks";
import type { ActivityDetails, LinkedFile } from "@/lib/public-control/load-activity-details";
import { FOLLOWED_UP_DECISIONS, type ActivityState } from "@/lib/public-control/states";
import { dayAsDate } from "../_shared/format";
import { removeTeamMemberAction } from "./actions";
import { FollowUpForm } from "./follow-up-form";

/** How each state looks as a badge; the words always carry the meaning. */
export const STATE_TONES: Record<ActivityState, BadgeTone> = {
  draft: "neutral",
  announced: "info",
  in_progress: "info",
  completed: "warning",
  under_consideration: "warning",
  hearing: "warning",
  answered: "success",
  closed: "neutral",
};

const CLOCK_TONES: Record<ClockStatus, BadgeTone> = { on_time: "info", due_soon: "warning", due_today: "warning", overdue: "danger" };

/** A due day with its working days left, as a badge: on time, due soon, due today, overdue. */
export async function ClockBadge({ calendar, today, dueOn }: { calendar: WorkingCalendar; today: string; dueOn: string }) {
  const t = await getTranslations("activities");
  const status = clockStatus(calendar, today, dueOn, 2);
  const left = workingDaysLeft(calendar, today, dueOn);
  return (
    <Badge tone={CLOCK_TONES[status]} className="ml-2">
      {status === "overdue" ? t("clock.overdue", { count: -left }) : status === "due_today" ? t("clock.dueToday") : t("clock.left", { count: left })}
    </Badge>
  );
}

export async function FileList({ files, label }: { files: readonly LinkedFile[]; label: string }) {
  if (!files.length) return null;
  const format = await getFormatter();
  return (
    <ul aria-label={label} className="mt-2 list-disc pl-6">
      {files.map((file) => (
        <li key={file.id}>
          <a href={`/files/${file.id}`}>{file.name}</a>{" "}
          <span className="text-muted">({format.number(Math.max(1, Math.round(file.size / 1024)))} KB)</span>
        </li>
      ))}
    </ul>
  );
}

export async function TeamSection({ details, children }: { details: ActivityDetails; children?: React.ReactNode }) {
  const [t, format] = await Promise.all([getTranslations("activities"), getFormatter()]);
  const { activity, team, viewerActsForSubject } = details;
  const editable = viewerActsForSubject && activity.state === "draft";
  return (
    <Section id="team" title={t("team.title")} description={t("team.description")}>
      {team.length === 0 ? <p>{t("team.empty")}</p> : null}
      <ul className="stack">
        {team.map((member) => (
          <li key={member.id} className="border-l-4 border-neutral-300 pl-4">
            <p className="font-semibold">
              {member.name} <span className="font-normal text-muted">— {member.role}</span>
            </p>
            <p className="mt-1">
              <span className="font-semibold">{t("team.declaration")}:</span> {member.conflictOfInterestDeclaration}
            </p>
            <p className="text-sm text-muted">{t("team.declaredAt", { date: format.dateTime(member.declaredAt, { dateStyle: "long" }) })}</p>
            {editable ? (
              <form action={removeTeamMemberAction} className="mt-2 activity-no-print">
                <input type="hidden" name="number" value={activity.number} />
                <input type="hidden" name="memberId" value={member.id} />
                <Button type="submit" size="sm" variant="secondary">
                  {t("team.remove", { name: member.name })}
                </Button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {children}
    </Section>
  );
}

const REQUEST_TONES: Record<string, BadgeTone> = { pending: "info", answered: "success", refused: "danger" };

export async function RequestsSection({ details, children }: { details: ActivityDetails; children?: React.ReactNode }) {
  const [t, format] = await Promise.all([getTranslations("activities"), getFormatter()]);
  const overdue = details.requests.filter((r) => r.overdue).length;
  return (
    <Section id="requests" title={t("requests.title")} description={t("requests.description")}>
      {overdue ? (
        <Notice tone="warning" announce={false}>
          {t("requests.overdueCount", { count: overdue })}
        </Notice>
      ) : null}
      {details.requests.length === 0 ? <p>{t("requests.empty")}</p> : null}
      <ol className="stack">
        {details.requests.map((request) => (
          <li key={request.id} className="border-l-4 border-neutral-300 pl-4">
            <h3 className="text-lg font-bold">
              {t("requests.number", { number: request.number })}{" "}
              <Badge tone={REQUEST_TONES[request.state]}>{t(`requests.states.${request.state}`)}</Badge>{" "}
              {request.overdue ? <Badge tone="danger">{t("requests.overdue")}</Badge> : null}
            </h3>
            <p className="text-sm text-muted">
              {t("requests.askedOn", { date: format.dateTime(request.askedAt, { dateStyle: "long" }) })} ·{" "}
              {t("requests.dueOn", { date: format.dateTime(dayAsDate(request.dueOn), { dateStyle: "long" }) })}
            </p>
            <p className="mt-2 whitespace-pre-line">{request.question}</p>
            {request.answerText ? (
              <div className="mt-2">
                <p className="font-semibold">{t("requests.answer", { date: format.dateTime(request.answeredAt!, { dateStyle: "long" }) })}</p>
                <p className="whitespace-pre-line">{request.answerText}</p>
                <FileList files={request.attachments} label={t("requests.attachments", { number: request.number })} />
              </div>
            ) : null}
            {request.refusalGround ? (
              <div className="mt-2">
                <p className="font-semibold">{t("requests.refusal", { date: format.dateTime(request.answeredAt!, { dateStyle: "long" }) })}</p>
                <p className="whitespace-pre-line">{request.refusalGround}</p>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {children}
    </Section>
  );
}

const DECISION_TONES: Record<string, BadgeTone> = { accepted: "success", partially_accepted: "warning", rejected: "danger" };

/** The sent final document: facts found and each numbered recommendation with the object's answer and the follow-up. */
export async function SentFinalDocument({ details, today }: { details: ActivityDetails; today: string }) {
  const [t, format] = await Promise.all([getTranslations("activities"), getFormatter()]);
  const { activity, finalDocument, recommendations, viewerActsForSubject } = details;
  if (!finalDocument?.sentAt) return null;
  return (
    <>
      <p className="text-muted">{t("finalDocument.sentOn", { date: format.dateTime(finalDocument.sentAt, { dateStyle: "long" }) })}</p>
      <h3 className="mt-6 text-xl font-bold">{t("finalDocument.factsFound")}</h3>
      <p className="mt-2 whitespace-pre-line">{finalDocument.factsFound}</p>
      <h3 className="mt-6 text-xl font-bold">{t("finalDocument.recommendations")}</h3>
      <ol className="final-document-recommendations mt-2 stack">
        {recommendations.map((r) => (
          <li key={r.id} id={`recommendation-${r.position}`} className="border-l-4 border-neutral-300 pl-4">
            <p>
              <span className="font-bold">{t("finalDocument.recommendationNumber", { position: r.position })}</span> <span className="whitespace-pre-line">{r.text}</span>
            </p>
            {r.decision ? (
              <div className="mt-2">
                <p>
                  <span className="font-semibold">{t("answers.title")}:</span> <Badge tone={DECISION_TONES[r.decision]}>{t(`decisions.${r.decision}`)}</Badge>
                </p>
                {r.answerReasons ? <p className="mt-1 whitespace-pre-line">{r.answerReasons}</p> : null}
                {r.measures ? (
                  <p className="mt-1">
                    <span className="font-semibold">{t("answers.measures")}:</span> {r.measures}
                    {r.measuresDueOn ? <> — {t("answers.dueOn", { date: format.dateTime(dayAsDate(r.measuresDueOn), { dateStyle: "long" }) })}</> : null}
                  </p>
                ) : null}
              </div>
            ) : (
              <p className="mt-1 text-muted">{t("answers.awaiting")}</p>
            )}
            {r.implementation ? (
              <div className="mt-2">
                <p>
                  <span className="font-semibold">{t("followUp.title")}:</span>{" "}
                  <Badge tone={r.implementation === "implemented" ? "success" : "danger"}>{t(`implementation.${r.implementation}`)}</Badge>
                </p>
                {r.implementationNote ? <p className="mt-1 whitespace-pre-line">{r.implementationNote}</p> : null}
                {r.evidence ? <FileList files={[r.evidence]} label={t("followUp.evidence")} /> : null}
              </div>
            ) : viewerActsForSubject && activity.state === "answered" && r.decision && FOLLOWED_UP_DECISIONS.includes(r.decision) ? (
              r.measuresDueOn && today < r.measuresDueOn ? (
                <p className="mt-2 text-muted activity-no-print">{t("followUp.notYet", { date: format.dateTime(dayAsDate(r.measuresDueOn), { dateStyle: "long" }) })}</p>
              ) : (
                <div className="activity-no-print">
                  <FollowUpForm number={activity.number} recommendationId={r.id} position={r.position} />
                </div>
              )
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The words the timeline has for an event; unknown ones (a form added later) get a plain label. */
function timelineKey(entry: ActivityTimelineEntry): string {
  if (entry.entityType === "information_request") return `request_${entry.action}`;
  return entry.action;
}

export async function TimelineSection({ entries }: { entries: ActivityTimelineEntry[] }) {
  const [t, format] = await Promise.all([getTranslations("activities"), getFormatter()]);
  return (
    <Section id="timeline" title={t("timeline.title")} className="activity-no-print">
      <ol className="stack">
        {entries.map((entry) => {
          const key = `timeline.actions.${timelineKey(entry)}`;
          const number = typeof entry.data.number === "number" ? entry.data.number : typeof entry.data.position === "number" ? entry.data.position : 0;
          const label = t.has(key as never) ? t(key as never, { number } as never) : t("timeline.other");
          return (
            <li key={entry.id} className="border-l-4 border-neutral-300 pl-4">
              <p className="font-semibold">{label}</p>
              <p className="text-sm text-muted">
                <time dateTime={entry.occurredAt.toISOString()}>{format.dateTime(entry.occurredAt, { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Almaty" })}</time>
              </p>
              {entry.reason && entry.entityType === "information_request" ? <p className="mt-1 whitespace-pre-line">{entry.reason}</p> : null}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

export function SubjectLink({ details }: { details: ActivityDetails }) {
  if (details.organization) return <Link href={`/organizations/${details.organization.slug}`}>{details.organization.name}</Link>;
  return <>{details.citizenName ?? "—"}</>;
}
