import Link from "next/link";
import { z } from "zod";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, EmptyState, Notice, PageHeading, Pagination } from "@/app/_components";
import { getDb } from "@/db/client";
import { listReportedComments } from "@/lib/public-control/forms/form-queries";
import { requireModerator } from "../require-moderator";
import { DismissReportsForm, HideCommentForm } from "./comment-decision-forms";

export async function generateMetadata() {
  const t = await getTranslations("activityForms");
  return { title: t("moderation.title") };
}

const querySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  done: z.enum(["hidden", "kept"]).optional().catch(undefined),
});

/** Reported discussion comments, the most reported first: hide with a reason, or keep. */
export default async function ReportedCommentsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireModerator("/moderation/comments");
  const query = querySchema.parse(await searchParams);
  const [t, format, queue] = await Promise.all([getTranslations("activityForms"), getFormatter(), listReportedComments(getDb(), { page: query.page })]);
  return (
    <>
      <PageHeading
        title={t("moderation.title")}
        lead={t("moderation.lead")}
        breadcrumbs={[{ href: "/moderation", label: t("moderation.area") }, { label: t("moderation.title") }]}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      {query.done ? (
        <Notice tone="success" className="mt-6">
          {t(`moderation.done.${query.done}`)}
        </Notice>
      ) : null}
      <p role="status" className="mt-6 mb-4">
        {t("moderation.count", { count: queue.total })}
      </p>
      {queue.entries.length === 0 ? (
        <EmptyState title={t("moderation.emptyTitle")} description={t("moderation.emptyDescription")} />
      ) : (
        <ol className="space-y-10">
          {queue.entries.map((entry) => (
            <li key={entry.id}>
              <article aria-labelledby={`reported-${entry.id}`} className="border-l-4 border-danger-600 pl-4">
                <h2 id={`reported-${entry.id}`} className="text-xl font-bold break-words">
                  {t("moderation.entryHeading", { number: entry.activityNumber, section: entry.sectionHeading || t("discussion.sectionNumber", { number: entry.sectionPosition }) })}
                </h2>
                <p className="mt-1 text-sm text-muted">
                  <Link href={`/activities/${entry.activityNumber}/forms/discussion#section-${entry.sectionPosition}`}>{entry.activityTitle}</Link> ·{" "}
                  {entry.authorName ?? t("someone")} · {format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
                  <Badge tone="danger">{t("moderation.reports", { count: entry.reportCount })}</Badge>
                </p>
                <p className="mt-3 whitespace-pre-line break-words">{entry.body}</p>
                {entry.proposedText ? (
                  <blockquote className="mt-2 border-l-2 border-info-600 pl-3 whitespace-pre-line break-words">{entry.proposedText}</blockquote>
                ) : null}
                <h3 className="mt-4 font-bold">{t("moderation.reasons")}</h3>
                <ul className="list-disc pl-6">
                  {entry.reasons.map((reason, index) => (
                    <li key={index} className="break-words">
                      {reason}
                    </li>
                  ))}
                </ul>
                <div className="mt-4 grid gap-6 md:grid-cols-2">
                  <HideCommentForm commentId={entry.id} />
                  <DismissReportsForm commentId={entry.id} />
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination
        basePath="/moderation/comments"
        searchParams={{}}
        page={query.page}
        pageCount={queue.pageCount}
        label={t("moderation.pagination")}
        previousLabel={t("moderation.previous")}
        nextLabel={t("moderation.next")}
        pageOfLabel={t("moderation.pageOf", { page: query.page, count: queue.pageCount })}
      />
    </>
  );
}
