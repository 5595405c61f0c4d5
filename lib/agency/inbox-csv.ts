import { toDayString } from "@/lib/calendar/working-days";
import { toCsv } from "@/lib/open-data/csv";
import type { InboxRow } from "./inbox";
import type { AgencyItemKind, AgencyItemStatus } from "./states";

/** The words the CSV uses, in the reader's language. */
export interface InboxCsvLabels {
  headers: { item: string; kind: string; received: string; due: string; workingDaysLeft: string; assignee: string; status: string; overdue: string; link: string };
  kind: (kind: AgencyItemKind) => string;
  status: (status: AgencyItemStatus, kind: AgencyItemKind) => string;
  item: (row: InboxRow) => string;
  yes: string;
  no: string;
}

/**
 * The inbox as a spreadsheet: the same columns as the page (item, kind, received, due, working
 * days left, assignee, status) plus whether it is overdue and a link to the item. Days are
 * Almaty days; cells that look like formulas are defused by toCsv.
 */
export function inboxCsv(rows: readonly InboxRow[], labels: InboxCsvLabels, itemUrl: (row: InboxRow) => string): string {
  const h = labels.headers;
  return toCsv(
    [h.item, h.kind, h.received, h.due, h.workingDaysLeft, h.assignee, h.status, h.overdue, h.link],
    rows.map((row) => [
      labels.item(row),
      labels.kind(row.kind),
      row.receivedAt ? toDayString(row.receivedAt) : null,
      row.dueOn,
      row.workingDaysLeft,
      row.assignee ? row.assignee.name || row.assignee.email : null,
      labels.status(row.status, row.kind),
      row.overdue === "overdue" ? labels.yes : labels.no,
      itemUrl(row),
    ]),
  );
}
