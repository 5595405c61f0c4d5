import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, EmptyState, Notice, PageHeading, Section } from "@/app/_components";
import { getDb } from "@/db/client";
import { toDayString } from "@/lib/calendar/working-days";
import { isDiscussionOpen } from "@/lib/public-control/forms/comment-on-section";
import { loadDiscussion, type PublicComment } from "@/lib/public-control/forms/form-queries";
import { SUMMARY_STATES } from "@/lib/public-control/forms/publish-discussion-summary";
import { formBreadcrumbs, loadFormPage } from "../_shared/load-form-page";
import { ActivityFormLinks } from "../form-links";
import { CommentForm, ReportForm } from "./comment-forms";
import { OpenDiscussionForm } from "./open-discussion-form";
import { SummaryForm } from "./summary-form";

type Props = { params: Promise<{ number: string }> };

const dayAsDate = (day: string) => new Date(`${day}T12:00:00Z`);

export async function generateMetadata({ params }: Props) {
  const { activity } = await loadFormPage((await params).number, ["discussion"]);
  const t = await getTranslations("activityForms");
  return { title: `${t("discussion.title")} · ${activity.title}` };
}

/** Public discussion: the draft by sections, people's comments and proposals, and the summary. */
export default async function DiscussionPage({ params }: Props) {
  const { activity, actor, canAdd, isSubject } = await loadFormPage((await params).number, ["discussion"]);
  const [t, format, discussion] = await Promise.all([getTranslations("activityForms"), getFormatter(), loadDiscussion(getDb(), activity.id)]);
  const today = toDayString(new Date());
  const day = (value: string) => format.dateTime(dayAsDate(value), { dateStyle: "long" });
  const pagePath = `/activities/${activity.number}/forms/discussion`;
  const heading = (
    <>
      <PageHeading
        caption={t("activityCaption", { number: activity.number, title: activity.title })}
        title={t("discussion.title")}
        lead={t("discussion.lead")}
        breadcrumbs={formBreadcrumbs(activity, t("activitiesList"), t("discussion.title"))}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      <ActivityFormLinks activityNumber={activity.number} forms={activity.forms} current="discussion" />
    </>
  );

  if (!discussion) {
    return (
      <>
        {heading}
        {canAdd ? (
          <Section title={t("discussion.openTitle")} id="open" description={t("discussion.openDescription")}>
            <OpenDiscussionForm activityId={activity.id} today={today} />
          </Section>
        ) : (
          <EmptyState title={t("discussion.notOpenedTitle")} description={isSubject ? t("closedForSubject") : t("discussion.notOpenedDescription")} />
        )}
      </>
    );
  }

  const { draft, sections, counts } = discussion;
  const open = isDiscussionOpen(draft, activity.state, today);
  const finished = !!draft.summaryPublishedAt || today > draft.closesOn || !["announced", "in_progress"].includes(activity.state);
  const status = open ? "open" : finished ? "closed" : "upcoming";
  const canSummarize = isSubject && SUMMARY_STATES.includes(activity.state) && today > draft.closesOn;
  const proposals = sections.flatMap((section) =>
    section.comments
      .filter((c) => c.kind === "proposal" && c.state === "visible")
      .map((c) => ({ id: c.id, outcome: c.outcome, label: t("discussion.proposalLabel", { section: section.heading || t("discussion.sectionNumber", { number: section.position }), text: (c.proposedText ?? "").slice(0, 80) }) })),
  );

  const renderComment = (comment: PublicComment) => (
    <li key={comment.id}>
      <article aria-label={t("discussion.commentBy", { name: comment.authorName ?? t("someone") })} className="border-l-4 border-line pl-4">
        {comment.state === "hidden" ? (
          <p className="text-muted italic">{t("discussion.hiddenComment", { reason: comment.hiddenReason ?? "" })}</p>
        ) : (
          <>
            <p className="text-sm text-muted">
              <span className="font-semibold text-ink">{comment.authorName ?? t("someone")}</span> ·{" "}
              {format.dateTime(comment.createdAt, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
              <Badge tone={comment.kind === "proposal" ? "info" : "neutral"}>{t(`discussion.kinds.${comment.kind}`)}</Badge>
              {comment.outcome ? (
                <>
                  {" "}
                  <Badge tone={comment.outcome === "taken" ? "success" : comment.outcome === "partly_taken" ? "warning" : "neutral"}>{t(`discussion.outcomes.${comment.outcome}`)}</Badge>
                </>
              ) : null}
            </p>
            <p className="mt-1 whitespace-pre-line break-words">{comment.body}</p>
            {comment.proposedText ? (
              <div className="mt-2">
                <p className="font-semibold">{t("discussion.proposedWording")}</p>
                <blockquote className="border-l-2 border-info-600 pl-3 whitespace-pre-line break-words">{comment.proposedText}</blockquote>
              </div>
            ) : null}
            {actor && actor.id !== comment.authorId ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm">{t("discussion.report")}</summary>
                <div className="mt-2 max-w-xl">
                  <ReportForm commentId={comment.id} />
                </div>
              </details>
            ) : null}
          </>
        )}
      </article>
    </li>
  );

  return (
    <>
      {heading}
      <Section title={draft.title} id="about">
        <dl className="facts">
          <dt>{t("discussion.period")}</dt>
          <dd>{t("discussion.periodValue", { opens: day(draft.opensOn), closes: day(draft.closesOn) })}</dd>
          <dt>{t("discussion.status")}</dt>
          <dd>
            <Badge tone={open ? "success" : "neutral"}>{t(`discussion.statuses.${status}`)}</Badge>
          </dd>
          <dt>{t("discussion.received")}</dt>
          <dd>{t("discussion.receivedValue", { comments: counts.comments, proposals: counts.proposals })}</dd>
        </dl>
        {open && !actor ? (
          <Notice tone="info" announce={false} className="mt-4">
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(pagePath)}`}>{t("discussion.signInToComment")}</Link>
          </Notice>
        ) : null}
      </Section>
      {draft.summaryPublishedAt ? (
        <Section title={t("discussion.summaryTitle")} id="summary">
          <p className="mb-3 text-muted">
            {t("discussion.summaryCounts", { proposals: counts.proposals, taken: counts.taken, partlyTaken: counts.partlyTaken, notTaken: counts.notTaken })}
          </p>
          <div className="whitespace-pre-line break-words">{draft.summary}</div>
          <p className="mt-2 text-sm text-muted">{t("discussion.summaryPublishedOn", { date: format.dateTime(draft.summaryPublishedAt, { dateStyle: "long" }) })}</p>
        </Section>
      ) : null}
      {sections.map((section) => {
        const title = section.heading || t("discussion.sectionNumber", { number: section.position });
        const visibleCount = section.comments.filter((c) => c.state === "visible").length;
        return (
          <Section key={section.id} title={title} id={`section-${section.position}`}>
            <div className="whitespace-pre-line break-words">{section.body}</div>
            <h3 className="mt-6 mb-3 text-lg font-bold">{t("discussion.commentsHeading", { count: visibleCount })}</h3>
            {section.comments.length ? <ul className="space-y-4">{section.comments.map(renderComment)}</ul> : <p className="text-muted">{t("discussion.noComments")}</p>}
            {open && actor ? (
              <details className="mt-4">
                <summary className="cursor-pointer font-semibold">{t("discussion.commentOn", { section: title })}</summary>
                <div className="mt-3 max-w-2xl">
                  <CommentForm sectionId={section.id} idPrefix={`s${section.position}-`} />
                </div>
              </details>
            ) : null}
          </Section>
        );
      })}
      {canSummarize ? (
        <Section title={draft.summaryPublishedAt ? t("discussion.correctSummaryTitle") : t("discussion.publishSummaryTitle")} id="publish-summary">
          <SummaryForm activityId={activity.id} summary={draft.summary ?? ""} proposals={proposals} />
        </Section>
      ) : isSubject && !draft.summaryPublishedAt ? (
        <Notice tone="info" announce={false}>
          {t("discussion.summaryLater", { date: day(draft.closesOn) })}
        </Notice>
      ) : null}
    </>
  );
}
