import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, EmptyState, Notice, PageHeading, Section } from "@/app/_components";
import { getDb } from "@/db/client";
import { summarizeSkipped } from "@/lib/agency/deadlines";
import { loadAgencyItem, type AgencyItemView } from "@/lib/agency/load-item";
import { isAgencyItemKind } from "@/lib/agency/states";
import { dayAsDate, itemLabel, STATUS_TONES, statusLabel } from "../../../../_lib/labels";
import { orNotFound, requireAgencyStaff } from "../../../../_lib/require-staff";
import { almatyTime } from "./form-state";
import { DraftEditor } from "./draft-editor";
import { AssignForm, HearingForm, NoteForm } from "./item-forms";

type Props = {
  params: Promise<{ agencyId: string; kind: string; id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

/** Confirmations a redirect may ask the page to show; anything else in ?notice is ignored. */
const PAGE_NOTICES = new Set(["published", "scheduled"]);

export async function generateMetadata() {
  const t = await getTranslations("agency");
  return { title: t("item.title") };
}

/** One item of an agency's inbox: its clock and how it was computed, the work on it, the answer, internal notes. */
export default async function AgencyItemPage({ params, searchParams }: Props) {
  const [{ agencyId, kind, id }, query] = await Promise.all([params, searchParams]);
  if (!isAgencyItemKind(kind)) notFound();
  const path = `/agency/${agencyId}/items/${kind}/${id}`;
  const { actor, locale } = await requireAgencyStaff(agencyId, path);
  const [t, format, item] = await Promise.all([
    getTranslations("agency"),
    getFormatter(),
    orNotFound(loadAgencyItem({ db: getDb(), actor, agencyId, kind, itemId: id, locale })),
  ]);
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const day = (value: string) => format.dateTime(dayAsDate(value), { dateStyle: "long" });
  const when = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  const target = { agencyId, kind, itemId: id };
  const { source, clock } = item;
  const isSupervisor = item.role === "supervisor";
  const notice = query.notice && PAGE_NOTICES.has(query.notice) ? query.notice : null;

  return (
    <>
      <PageHeading
        title={source.title}
        caption={itemLabel(tt, source)}
        breadcrumbs={[
          { href: "/agency", label: t("title") },
          { href: `/agency/${agencyId}`, label: item.agency.name },
          { label: itemLabel(tt, source) },
        ]}
        breadcrumbsLabel={t("breadcrumbs")}
        actions={
          <>
            <Badge tone={STATUS_TONES[item.status]}>{statusLabel(tt, item.status, kind)}</Badge>
            {clock.overdue === "overdue" ? <Badge tone="danger">{t("clock.overdue")}</Badge> : null}
            <Link href={source.publicPath}>{t("item.publicPage")}</Link>
          </>
        }
      />
      {notice ? (
        <Notice tone="success" className="mt-6">
          {t(`notices.${notice}` as never)}
        </Notice>
      ) : null}

      <Section title={t("clock.title")} id="deadline" className="mt-10">
        <DeadlineFacts item={item} t={tt} day={day} when={when} />
      </Section>

      <Section title={t("item.workTitle")} id="work" className="mt-10">
        <dl className="facts">
          <dt>{t("item.status")}</dt>
          <dd>{statusLabel(tt, item.status, kind)}</dd>
          <dt>{t("item.assignee")}</dt>
          <dd>{item.assignee ? (item.assignee.id === actor.id ? t("item.assignedToYou") : item.assignee.name || item.assignee.email) : t("inbox.nobody")}</dd>
          {item.draft?.submittedAt && item.draft.submittedBy ? (
            <>
              <dt>{t("item.submittedBy")}</dt>
              <dd>{t("item.byOn", { who: item.draft.submittedBy.name || item.draft.submittedBy.email, when: when(item.draft.submittedAt) })}</dd>
            </>
          ) : null}
          {item.draft?.approvedAt && item.draft.approvedBy ? (
            <>
              <dt>{t("item.approvedBy")}</dt>
              <dd>{t("item.byOn", { who: item.draft.approvedBy.name || item.draft.approvedBy.email, when: when(item.draft.approvedAt) })}</dd>
            </>
          ) : null}
        </dl>
        {isSupervisor && item.status !== "published" ? (
          <div className="mt-6">
            <AssignForm
              target={target}
              assigneeId={item.assignee?.id ?? null}
              staff={item.staff.map((person) => ({ value: person.id, label: `${person.name || person.email} (${t(`roles.${person.role}`)})` }))}
            />
          </div>
        ) : null}
      </Section>

      <Section title={t(`item.contentTitle.${kind}`)} id="content" className="mt-10">
        <ItemContent item={item} t={tt} day={day} when={when} />
      </Section>

      <Section title={kind === "hearing" ? t("hearing.title") : t("item.answerTitle")} id="answer" className="mt-10">
        <AnswerArea item={item} target={target} t={tt} locale={locale} day={day} />
      </Section>

      <Section title={t("notes.title")} id="notes" description={t("notes.description")} className="mt-10">
        {item.notes.length === 0 ? (
          <p className="text-muted">{t("notes.empty")}</p>
        ) : (
          <ul className="mb-6 flex flex-col gap-4">
            {item.notes.map((note) => (
              <li key={note.id} className="border-l-4 border-line pl-4">
                <p className="whitespace-pre-line break-words">{note.body}</p>
                <p className="text-sm text-muted">{t("item.byOn", { who: note.author?.name || note.author?.email || "—", when: when(note.createdAt) })}</p>
              </li>
            ))}
          </ul>
        )}
        <NoteForm target={target} />
      </Section>

      <Section title={t("history.title")} id="history" className="mt-10">
        {item.history.length === 0 ? (
          <p className="text-muted">{t("history.empty")}</p>
        ) : (
          <ol className="flex flex-col gap-2">
            {item.history.map((event) => (
              <li key={event.id}>
                <span className="font-semibold">{t.has(`history.actions.${event.action}` as never) ? t(`history.actions.${event.action}` as never) : event.action}</span>
                <span className="text-muted"> — {t("item.byOn", { who: event.actor ? event.actor.name || event.actor.email : t("history.system"), when: when(event.occurredAt) })}</span>
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Helpers = { item: AgencyItemView; t: Translate; day: (value: string) => string; when: (value: Date) => string };

/** Received on, N working days, due on — and every day off skipped on the way, by name. */
function DeadlineFacts({ item, t, day, when }: Helpers) {
  const { clock, source } = item;
  if (!clock.dueOn) return <p>{t("clock.none")}</p>;
  const skipped = clock.explanation ? summarizeSkipped(clock.explanation) : null;
  return (
    <>
      <dl className="facts">
        <dt>{t("clock.received")}</dt>
        <dd>{source.receivedAt ? when(source.receivedAt) : "—"}</dd>
        <dt>{t("clock.due")}</dt>
        <dd>{day(clock.dueOn)}</dd>
        <dt>{t("clock.daysLeft")}</dt>
        <dd>
          {clock.workingDaysLeft === null
            ? t("clock.answered")
            : clock.workingDaysLeft < 0
              ? t("clock.overdueBy", { count: -clock.workingDaysLeft })
              : clock.workingDaysLeft === 0
                ? t("clock.dueToday")
                : t("clock.left", { count: clock.workingDaysLeft })}
        </dd>
      </dl>
      {item.source.kind === "hearing" ? <p className="mt-4 text-muted">{t("clock.hearingOptional")}</p> : null}
      {clock.explanation && clock.startDay && clock.workingDays !== null ? (
        <div className="mt-6">
          <h3 className="text-xl font-bold">{t("clock.howTitle")}</h3>
          <p className="mt-2">{t("clock.how", { start: day(clock.startDay), count: clock.workingDays, due: day(clock.explanation.due) })}</p>
          {skipped && (skipped.namedDays.length > 0 || skipped.weekendDays > 0 || clock.explanation.workedWeekends.length > 0) ? (
            <ul className="mt-2 list-disc pl-6">
              {skipped.namedDays.map((skip) => (
                <li key={skip.day}>{t(`clock.skipped.${skip.reason}`, { day: day(skip.day), name: skip.name ?? "" })}</li>
              ))}
              {skipped.weekendDays > 0 ? <li>{t("clock.weekendDays", { count: skipped.weekendDays })}</li> : null}
              {clock.explanation.workedWeekends.map((worked) => (
                <li key={worked.day}>{t("clock.workedWeekend", { day: day(worked.day), name: worked.name })}</li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-muted">{t("clock.nothingSkipped")}</p>
          )}
          {clock.recomputePending ? (
            <Notice tone="warning" announce={false} className="mt-4">
              {t("clock.recomputePending", { due: day(clock.explanation.due) })}
            </Notice>
          ) : null}
          <p className="mt-4 text-muted">{t("clock.rule")}</p>
        </div>
      ) : null}
    </>
  );
}

/** What the item asks of the agency, as its author wrote it. */
function ItemContent({ item, t, day, when }: Helpers) {
  const details = item.details;
  switch (details.kind) {
    case "petition":
      return (
        <>
          <p className="text-muted">{t("item.signatures", { count: details.signatures })}</p>
          <h3 className="mt-4 text-xl font-bold">{t("item.request")}</h3>
          <p className="mt-1 whitespace-pre-line break-words">{details.request}</p>
          <h3 className="mt-4 text-xl font-bold">{t("item.reasons")}</h3>
          <p className="mt-1 whitespace-pre-line break-words">{details.reasons}</p>
        </>
      );
    case "final_document":
      return (
        <>
          <p className="text-muted">{t("item.subject", { name: details.subjectName })}</p>
          <h3 className="mt-4 text-xl font-bold">{t("item.factsFound")}</h3>
          <p className="mt-1 whitespace-pre-line break-words">{details.factsFound}</p>
          {details.hearing ? <p className="mt-4">{t("hearing.scheduledOn", { when: when(details.hearing.at), place: details.hearing.place ?? "" })}</p> : null}
        </>
      );
    case "information_request":
      return (
        <>
          <p className="text-muted">{t("item.subject", { name: details.subjectName })}</p>
          <h3 className="mt-4 text-xl font-bold">{t("item.question")}</h3>
          <p className="mt-1 whitespace-pre-line break-words">{details.question}</p>
        </>
      );
    case "hearing":
      return (
        <>
          <p className="text-muted">{t("item.subject", { name: details.subjectName })}</p>
          <p className="mt-2">{t("hearing.explain", { count: details.noticeWorkingDays })}</p>
          {details.latestNoticeDay && item.clock.dueOn ? (
            <p className="mt-2">{t("hearing.latest", { day: day(details.latestNoticeDay), due: day(item.clock.dueOn) })}</p>
          ) : null}
        </>
      );
  }
}

/** The published answer, or the editor to write it (the hearing form for a hearing). */
function AnswerArea({
  item,
  target,
  t,
  locale,
  day,
}: {
  item: AgencyItemView;
  target: { agencyId: string; kind: string; itemId: string };
  t: Translate;
  locale: string;
  day: (value: string) => string;
}) {
  const details = item.details;
  if (details.kind === "hearing") {
    if (details.hearing) return <p>{t("hearing.scheduledOn", { when: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Almaty" }).format(details.hearing.at), place: details.hearing.place ?? "" })}</p>;
    return <HearingForm target={target} earliestDay={details.earliestDay} earliestLabel={day(details.earliestDay)} />;
  }
  if (item.status === "published") return <PublishedAnswer item={item} t={t} />;
  const common = {
    agencyId: item.agency.id,
    itemId: item.source.itemId,
    role: item.role,
    requiresApproval: item.agency.requiresApproval,
    status: item.status,
    lastSavedAt: item.draft ? almatyTime(item.draft.updatedAt, locale) : null,
    templates: item.templates,
  };
  const draft = item.draft?.content;
  switch (details.kind) {
    case "petition":
      return <DraftEditor {...common} kind="petition" initial={(draft as never) ?? { decision: "", reasons: "", measures: [] }} />;
    case "final_document":
      return (
        <DraftEditor
          {...common}
          kind="final_document"
          initial={(draft as never) ?? { answers: {} }}
          recommendations={details.recommendations.filter((r) => !r.decision).map((r) => ({ id: r.id, position: r.position, text: r.text }))}
        />
      );
    case "information_request":
      return (
        <DraftEditor
          {...common}
          kind="information_request"
          initial={(draft as never) ?? { mode: "", answerText: "", refusalGround: "", attachmentIds: [] }}
          attachments={details.draftFiles}
        />
      );
  }
}

/** The answer as the public sees it, once published. */
function PublishedAnswer({ item, t }: { item: AgencyItemView; t: Translate }) {
  const details = item.details;
  switch (details.kind) {
    case "petition":
      return details.response ? (
        <>
          <p>
            <span className="font-semibold">{t("draft.decision")}:</span> {t(`decisions.${details.response.decision}`)}
          </p>
          <p className="mt-2 whitespace-pre-line break-words">{details.response.reasons}</p>
          {details.response.measures.length > 0 ? (
            <ul className="mt-2 list-disc pl-6">
              {details.response.measures.map((measure, index) => (
                <li key={index}>
                  {measure.text}
                  {measure.dueOn ? ` — ${measure.dueOn}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <EmptyState headingLevel={3} title={t("item.publishedElsewhere")} />
      );
    case "final_document":
      return (
        <ol className="flex flex-col gap-4">
          {details.recommendations.map((r) => (
            <li key={r.id} className="border-l-4 border-line pl-4">
              <p className="font-semibold">{t("draft.recommendation", { number: r.position })}</p>
              <p className="whitespace-pre-line break-words">{r.text}</p>
              {r.decision ? <p className="mt-1">{t(`recommendationDecisions.${r.decision}`)}</p> : null}
              {r.answerReasons ? <p className="mt-1 whitespace-pre-line break-words text-muted">{r.answerReasons}</p> : null}
              {r.measures ? <p className="mt-1 whitespace-pre-line break-words">{r.measures}{r.measuresDueOn ? ` — ${r.measuresDueOn}` : ""}</p> : null}
            </li>
          ))}
        </ol>
      );
    case "information_request":
      return (
        <>
          {details.answerText ? <p className="whitespace-pre-line break-words">{details.answerText}</p> : null}
          {details.refusalGround ? (
            <p className="whitespace-pre-line break-words">
              <span className="font-semibold">{t("draft.refusalGround")}:</span> {details.refusalGround}
            </p>
          ) : null}
          {details.answerFiles.length > 0 ? (
            <ul className="mt-2 list-disc pl-6">
              {details.answerFiles.map((file) => (
                <li key={file.id}>
                  <a href={`/files/${file.id}`}>{file.name}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      );
    default:
      return null;
  }
}
