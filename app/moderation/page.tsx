import Link from "next/link";
import { z } from "zod";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, EmptyState, Notice, PageHeading, Pagination, Table } from "@/app/_components";
import { getDb } from "@/db/client";
import { localized, type Locale } from "@/lib/i18n/locales";
import { listModerationQueue } from "@/lib/petitions/moderation-queue";
import { readPetitionSettings } from "@/lib/petitions/settings";
import { dayAsDate } from "./format";
import { requireModerator } from "./require-moderator";

export async function generateMetadata() {
  const t = await getTranslations("moderation");
  return { title: t("queue.title") };
}

const querySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  done: z.enum(["approved", "rejected", "hidden"]).optional().catch(undefined),
  number: z.coerce.number().int().positive().optional().catch(undefined),
});

/** The moderation queue: petitions awaiting a decision, the longest-waiting first. */
export default async function ModerationQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireModerator("/moderation");
  const query = querySchema.parse(await searchParams);
  const db = getDb();
  const [t, format, locale, settings, queue] = await Promise.all([
    getTranslations("moderation"),
    getFormatter(),
    getLocale(),
    readPetitionSettings(db),
    listModerationQueue(db, { actor, page: query.page }),
  ]);
  return (
    <>
      <PageHeading title={t("queue.title")} lead={t("queue.lead", { days: settings.moderationWorkingDays })} />
      <nav aria-label={t("otherQueues.label")} className="mt-4">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href="/moderation/organizations">{t("otherQueues.organizations")}</Link>
          </li>
          <li>
            <Link href="/moderation/comments">{t("otherQueues.comments")}</Link>
          </li>
        </ul>
      </nav>
      {query.done && query.number ? (
        <Notice tone="success" className="mt-6">
          {t(`queue.done.${query.done}`, { number: query.number })}
        </Notice>
      ) : null}
      <p role="status" className="mt-6 mb-4">
        {t("queue.count", { count: queue.total })} {queue.total > 0 ? t("queue.overdueCount", { count: queue.overdueTotal }) : null}
      </p>
      {queue.entries.length === 0 ? (
        <EmptyState title={t("queue.emptyTitle")} description={t("queue.emptyDescription")} />
      ) : (
        <Table
          caption={t("queue.tableCaption")}
          headers={[t("queue.petition"), t("queue.addressee"), t("queue.supporters"), t("queue.waiting"), t("queue.due")]}
          numericColumns={[2]}
        >
          {queue.entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">
                <Link href={`/moderation/petitions/${entry.number}`}>{entry.title}</Link>
                <div className="font-normal text-muted">{t("petitionNumber", { number: entry.number })}</div>
              </th>
              <td>{localized(entry.agency, locale as Locale)}</td>
              <td className="text-right tabular-nums">{format.number(entry.confirmed)}</td>
              <td>{t("workingDays", { count: entry.workingDaysWaiting })}</td>
              <td>
                {entry.moderationDueOn ? format.dateTime(dayAsDate(entry.moderationDueOn), { dateStyle: "medium" }) : t("queue.noDueDate")}
                {entry.overdue ? (
                  <div className="mt-1">
                    <Badge tone="danger">{t("overdue")}</Badge>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination
        basePath="/moderation"
        searchParams={{}}
        page={query.page}
        pageCount={queue.pageCount}
        label={t("pagination")}
        previousLabel={t("previous")}
        nextLabel={t("next")}
        pageOfLabel={t("pageOf", { page: query.page, pageCount: queue.pageCount })}
      />
    </>
  );
}
