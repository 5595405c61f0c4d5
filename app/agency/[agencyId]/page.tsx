import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Button, Checkbox, EmptyState, Field, PageHeading, Pagination, Select, Table, TextInput } from "@/app/_components";
import { getDb } from "@/db/client";
import { listInbox } from "@/lib/agency/inbox";
import { INBOX_SORTS, INBOX_VIEWS, parseInboxFilters, type InboxFilters } from "@/lib/agency/schema";
import { AGENCY_ITEM_KINDS, AGENCY_ITEM_STATUSES } from "@/lib/agency/states";
import { dayAsDate, itemLabel, STATUS_TONES, statusLabel } from "../_lib/labels";
import { requireAgencyStaff } from "../_lib/require-staff";

type Props = {
  params: Promise<{ agencyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("agency");
  return { title: t("inbox.title") };
}

/** The filters as query parameters, defaults left out, for links and the CSV export. */
function queryOf(filters: InboxFilters, overrides: Partial<Record<string, string | null>> = {}): Record<string, string> {
  const query: Record<string, string | null | undefined> = {
    kind: filters.kind,
    view: filters.view === "open" ? null : filters.view,
    assignee: filters.assignee,
    overdue: filters.overdue ? "1" : null,
    q: filters.q,
    sort: filters.sort === "due" ? null : filters.sort,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]));
}

function href(path: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

/** One agency's inbox: everything it must answer, sorted by due day, with counts, filters and a CSV export. */
export default async function AgencyInboxPage({ params, searchParams }: Props) {
  const { agencyId } = await params;
  const path = `/agency/${agencyId}`;
  const { actor, agency } = await requireAgencyStaff(agencyId, path);
  const filters = parseInboxFilters(await searchParams);
  const [t, tInbox, format, inbox] = await Promise.all([
    getTranslations("agency"),
    getTranslations("agencyInbox"),
    getFormatter(),
    listInbox({ db: getDb(), actor, agencyId, filters }),
  ]);
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const query = queryOf(filters);
  // The columns a clerk works by come first, so they stay in view on any screen.
  const columns = [
    t("inbox.columns.item"),
    t("inbox.columns.due"),
    t("inbox.columns.daysLeft"),
    t("inbox.columns.status"),
    t("inbox.columns.kind"),
    t("inbox.columns.received"),
    t("inbox.columns.assignee"),
  ];
  const openCount = AGENCY_ITEM_STATUSES.filter((s) => s !== "published").reduce((sum, s) => sum + inbox.counts[s], 0);

  return (
    <>
      <PageHeading
        title={agency.name}
        caption={t("inbox.caption")}
        breadcrumbs={[{ href: "/agency", label: t("title") }, { label: agency.name }]}
        breadcrumbsLabel={t("breadcrumbs")}
        lead={agency.requiresApproval ? t("inbox.leadApproval") : t("inbox.leadNoApproval")}
        actions={
          <>
            {/* A file, not a page: a plain link, so the router does not try to render it. */}
            <a href={href(`/api/agency/${agencyId}/inbox.csv`, query)} download>
              {t("inbox.downloadCsv")}
            </a>
            <Link href={`${path}/templates`}>{t("templates.title")}</Link>
          </>
        }
      />

      <nav aria-labelledby="status-counts-heading" className="mt-8">
        <h2 id="status-counts-heading" className="text-xl font-bold">
          {t("inbox.countsTitle")}
        </h2>
        <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href={href(path, queryOf(filters, { view: null, overdue: null, page: null }))} aria-current={filters.view === "open" && !filters.overdue ? "true" : undefined}>
              {t("inbox.countOpen", { count: openCount })}
            </Link>
          </li>
          {AGENCY_ITEM_STATUSES.map((status) => (
            <li key={status}>
              <Link href={href(path, queryOf(filters, { view: status, overdue: null }))} aria-current={filters.view === status ? "true" : undefined}>
                {t(`inbox.counts.${status}`, { count: inbox.counts[status] })}
              </Link>
            </li>
          ))}
          <li>
            <Link href={href(path, queryOf(filters, { view: null, overdue: "1" }))} aria-current={filters.overdue ? "true" : undefined}>
              {t("inbox.countOverdue", { count: inbox.overdueCount })}
            </Link>
          </li>
        </ul>
      </nav>

      <form method="get" role="search" aria-label={t("inbox.filtersLabel")} className="filters mt-8">
        <Field id="kind" label={t("inbox.kind")}>
          <Select
            id="kind"
            name="kind"
            defaultValue={filters.kind ?? ""}
            options={[{ value: "", label: t("inbox.anyKind") }, ...AGENCY_ITEM_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))]}
          />
        </Field>
        <Field id="view" label={t("inbox.status")}>
          <Select
            id="view"
            name="view"
            defaultValue={filters.view}
            options={INBOX_VIEWS.map((view) => ({ value: view, label: t(`inbox.views.${view}`) }))}
          />
        </Field>
        <Field id="assignee" label={t("inbox.assignee")}>
          <Select
            id="assignee"
            name="assignee"
            defaultValue={filters.assignee ?? ""}
            options={[
              { value: "", label: t("inbox.anyone") },
              { value: "me", label: t("inbox.assignedToMe") },
              { value: "unassigned", label: t("inbox.unassigned") },
              ...agency.staff.filter((person) => person.id !== actor.id).map((person) => ({ value: person.id, label: person.name || person.email })),
            ]}
          />
        </Field>
        <Field id="q" label={t("inbox.search")}>
          <TextInput id="q" name="q" type="search" defaultValue={filters.q ?? ""} />
        </Field>
        <Field id="sort" label={t("inbox.sort")}>
          <Select id="sort" name="sort" defaultValue={filters.sort} options={INBOX_SORTS.map((sort) => ({ value: sort, label: t(`inbox.sorts.${sort}`) }))} />
        </Field>
        <Checkbox id="overdue" name="overdue" value="1" defaultChecked={filters.overdue} label={t("inbox.overdueOnly")} />
        <Button type="submit">{t("inbox.apply")}</Button>
      </form>

      <p role="status" className="mt-6">
        {t("inbox.found", { count: inbox.total })}
      </p>
      {inbox.rows.length === 0 ? (
        <EmptyState title={t("inbox.emptyTitle")} description={t("inbox.emptyDescription")} />
      ) : (
        <Table
          caption={t("inbox.tableCaption", { agency: agency.name })}
          captionHidden
          headers={columns}
          stackedOnPhone={{ labels: columns }}
          numericColumns={[2]}
        >
          {inbox.rows.map((row) => {
            // One working day or less: the row says so in words, not only in colour.
            const dueSoon = row.overdue === "running" && row.workingDaysLeft !== null && row.workingDaysLeft <= 1;
            return (
              <tr key={`${row.kind}:${row.itemId}`} className={row.overdue === "overdue" || row.overdue === "due_today" || dueSoon ? "bg-warning-50" : undefined}>
                <th scope="row">
                  <Link href={`${path}/items/${row.kind}/${row.itemId}`} className="break-words">
                    {row.title}
                  </Link>
                  <span className="block text-sm font-normal text-muted">{itemLabel(tt, row)}</span>
                </th>
                <td>{row.dueOn ? format.dateTime(dayAsDate(row.dueOn), { dateStyle: "medium" }) : "—"}</td>
                <td className="text-right tabular-nums">
                  <span className={dueSoon || row.overdue === "due_today" || row.overdue === "overdue" ? "font-bold" : undefined}>
                    {row.workingDaysLeft === null ? "—" : format.number(row.workingDaysLeft)}
                  </span>
                  {row.overdue === "overdue" ? (
                    <Badge tone="danger" className="ml-2">
                      {t("clock.overdue")}
                    </Badge>
                  ) : row.overdue === "due_today" ? (
                    <Badge tone="warning" className="ml-2">
                      {t("clock.dueToday")}
                    </Badge>
                  ) : dueSoon ? (
                    <Badge tone="warning" className="ml-2">
                      {tInbox("dueSoon")}
                    </Badge>
                  ) : null}
                </td>
                <td>
                  <Badge tone={STATUS_TONES[row.status]}>{statusLabel(tt, row.status, row.kind)}</Badge>
                </td>
                <td>{t(`kinds.${row.kind}`)}</td>
                <td>{row.receivedAt ? format.dateTime(row.receivedAt, { dateStyle: "medium" }) : "—"}</td>
                <td>{row.assignee ? (row.assignee.id === actor.id ? t("inbox.me") : row.assignee.name || row.assignee.email) : t("inbox.nobody")}</td>
              </tr>
            );
          })}
        </Table>
      )}
      <Pagination
        basePath={path}
        searchParams={query}
        page={inbox.page}
        pageCount={inbox.pageCount}
        label={t("inbox.pagination")}
        previousLabel={t("inbox.previous")}
        nextLabel={t("inbox.next")}
        pageOfLabel={t("inbox.pageOf", { page: inbox.page, pageCount: inbox.pageCount })}
      />
    </>
  );
}
