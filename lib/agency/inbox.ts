import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAgencyRole } from "@/lib/auth/permissions";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { overdueState, workingDaysLeft, type OverdueState } from "./deadlines";
import type { InboxFilters } from "./schema";
import { readAgencyDashboardSettings } from "./settings";
import { AGENCY_ITEM_STATUSES, OPEN_STATUSES, type AgencyItemKind, type AgencyItemStatus } from "./states";

/** One row of an agency's inbox. */
export interface InboxRow {
  kind: AgencyItemKind;
  itemId: string;
  /** The petition's or activity's public number. */
  number: number;
  /** An information request's number within its activity. */
  subNumber: number | null;
  title: string;
  /** An information request's question. */
  detail: string | null;
  receivedAt: Date | null;
  dueOn: string | null;
  answered: boolean;
  status: AgencyItemStatus;
  assignee: { id: string; name: string | null; email: string } | null;
  /** Working days from today to the due day (negative once overdue); null when answered or without a clock. */
  workingDaysLeft: number | null;
  overdue: OverdueState;
}

export interface Inbox {
  rows: InboxRow[];
  total: number;
  page: number;
  pageCount: number;
  /** Items per status under the current filters (the status/view filter aside). */
  counts: Record<AgencyItemStatus, number>;
  /** Open items past their due day, under the same filters. */
  overdueCount: number;
  today: string;
}

interface RawRow {
  kind: AgencyItemKind;
  item_id: string;
  number: number;
  sub_number: number | null;
  title: string;
  detail: string | null;
  received_ms: number | string | null;
  due_on: string | null;
  answered: boolean;
  status: AgencyItemStatus;
  assignee_id: string | null;
  assignee_name: string | null;
  assignee_email: string | null;
}

/**
 * The items of one agency, as one query over their own tables — never a copy of them:
 * petitions past their response threshold, final documents sent to it, information requests of
 * activities that examine it, and hearings that can be (or were) scheduled on a final document —
 * each joined with the dashboard's own row (assignee, status). A hearing is optional: it has
 * the final document's due day but no clock of its own (no alerts, never overdue).
 */
function itemsQuery(agencyId: string): SQL {
  return sql`
    with items as (
      select 'petition'::text as kind, p.id as item_id, p.number as number, null::integer as sub_number, p.title as title,
        null::text as detail, p.threshold_reached_at as received_at, p.response_due_on as due_on, (p.state = 'responded') as answered
      from petitions p
      where p.agency_id = ${agencyId} and p.threshold_reached_at is not null and p.state in ('open', 'closed', 'responded')
      union all
      select 'final_document', a.id, a.number, null, a.title, null, a.sent_at, a.answer_due_on, a.state in ('answered', 'closed')
      from activities a
      where a.agency_id = ${agencyId} and a.sent_at is not null and a.state in ('under_consideration', 'hearing', 'answered', 'closed')
      union all
      select 'information_request', r.id, a.number, r.number, a.title, r.question, r.asked_at, r.due_on, r.state <> 'pending'
      from information_requests r
      join activities a on a.id = r.activity_id
      where a.agency_id = ${agencyId} and a.state <> 'draft'
      union all
      select 'hearing', a.id, a.number, null, a.title, null, a.sent_at, a.answer_due_on, a.state = 'hearing'
      from activities a
      where a.agency_id = ${agencyId} and a.sent_at is not null and a.state in ('under_consideration', 'hearing')
    ),
    inbox as (
      select i.*, s.assignee_id, u.name as assignee_name, u.email as assignee_email,
        case when i.answered then 'published' else coalesce(s.status, 'new') end as status
      from items i
      left join agency_item_states s on s.item_kind = i.kind and s.item_id = i.item_id
      left join users u on u.id = s.assignee_id
    )`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The filters as SQL conditions on the "inbox" rows; the status/view one only when asked. */
function conditions(filters: InboxFilters, actorId: string, today: string, withView: boolean): SQL {
  const parts: SQL[] = [sql`true`];
  if (filters.kind) parts.push(sql`kind = ${filters.kind}`);
  if (filters.assignee === "me") parts.push(sql`assignee_id = ${actorId}`);
  else if (filters.assignee === "unassigned") parts.push(sql`assignee_id is null`);
  else if (filters.assignee) parts.push(sql`assignee_id = ${filters.assignee}`);
  if (filters.overdue) parts.push(sql`(not answered and kind <> 'hearing' and due_on < ${today}::date)`);
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    parts.push(sql`(title ilike ${pattern} or coalesce(detail, '') ilike ${pattern} or number::text = ${filters.q})`);
  }
  if (withView) {
    if (filters.view === "open") parts.push(sql`status <> 'published'`);
    else if (filters.view !== "all") parts.push(sql`status = ${filters.view}`);
  }
  return sql.join(parts, sql` and `);
}

const ORDER: Record<InboxFilters["sort"], SQL> = {
  due: sql`due_on asc nulls last, received_at asc, kind, item_id`,
  due_desc: sql`due_on desc nulls last, received_at desc, kind, item_id`,
  received: sql`received_at desc nulls last, kind, item_id`,
};

/**
 * An agency's inbox for its staff: filtered, sorted, one page (or, with `everything`, every
 * matching row up to the CSV limit), with counts per status. Anyone but the agency's staff and
 * supervisors hears not_found. Three queries whatever the length.
 */
export async function listInbox(options: {
  db: Executor;
  actor: Actor | null;
  agencyId: string;
  filters: InboxFilters;
  now?: Date;
  everything?: boolean;
}): Promise<Inbox> {
  const { db, actor, agencyId, filters, now = new Date() } = options;
  assertAgencyRole(actor, agencyId);
  const today = toDayString(now);
  const [settings, calendar] = await Promise.all([readAgencyDashboardSettings(db), loadCalendar(db)]);
  const pageSize = options.everything ? settings.csvMaxRows : settings.inboxPageSize;
  const page = options.everything ? 1 : filters.page;
  const base = itemsQuery(agencyId);

  const [rawRows, rawCounts] = await Promise.all([
    db.execute(sql`${base}
      select kind, item_id, number, sub_number, title, detail, (extract(epoch from received_at) * 1000)::float8 as received_ms,
        due_on::text as due_on, answered, status, assignee_id, assignee_name, assignee_email
      from inbox
      where ${conditions(filters, actor.id, today, true)}
      order by ${ORDER[filters.sort]}
      limit ${pageSize} offset ${(page - 1) * pageSize}`),
    db.execute(sql`${base}
      select status, count(*)::int as n,
        (count(*) filter (where not answered and kind <> 'hearing' and due_on < ${today}::date))::int as overdue
      from inbox
      where ${conditions(filters, actor.id, today, false)}
      group by status`),
  ]);

  const rows = rowsOf<RawRow>(rawRows).map((row): InboxRow => {
    const clocked = row.kind !== "hearing";
    const dueOn = row.due_on;
    return {
      kind: row.kind,
      itemId: row.item_id,
      number: Number(row.number),
      subNumber: row.sub_number === null ? null : Number(row.sub_number),
      title: row.title,
      detail: row.detail,
      receivedAt: row.received_ms === null ? null : new Date(Number(row.received_ms)),
      dueOn,
      answered: !!row.answered,
      status: row.status,
      assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name, email: row.assignee_email ?? "" } : null,
      workingDaysLeft: dueOn && !row.answered ? workingDaysLeft(calendar, today, dueOn) : null,
      overdue: clocked ? overdueState(dueOn, today, !!row.answered) : "none",
    };
  });
  const counts = Object.fromEntries(AGENCY_ITEM_STATUSES.map((status) => [status, 0])) as Record<AgencyItemStatus, number>;
  let overdueCount = 0;
  for (const row of rowsOf<{ status: AgencyItemStatus; n: number; overdue: number }>(rawCounts)) {
    counts[row.status] = Number(row.n);
    overdueCount += Number(row.overdue);
  }
  // The total follows from the counts, so a page past the end still knows how many there are.
  const total =
    filters.view === "all"
      ? AGENCY_ITEM_STATUSES.reduce((sum, status) => sum + counts[status], 0)
      : filters.view === "open"
        ? OPEN_STATUSES.reduce((sum, status) => sum + counts[status], 0)
        : counts[filters.view];
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)), counts, overdueCount, today };
}
