import { describe, expect, it } from "vitest";
import type { InboxRow } from "./inbox";
import { inboxCsv, type InboxCsvLabels } from "./inbox-csv";

const labels: InboxCsvLabels = {
  headers: { item: "Item", kind: "Kind", received: "Received", due: "Due", workingDaysLeft: "Working days left", assignee: "Assignee", status: "Status", overdue: "Overdue", link: "Link" },
  kind: (kind) => ({ petition: "Petition", final_document: "Final document", information_request: "Information request", hearing: "Hearing" })[kind],
  status: (status) => status.replace("_", " "),
  item: (row) => `No. ${row.number}: ${row.title}`,
  yes: "yes",
  no: "no",
};

const row: InboxRow = {
  kind: "petition",
  itemId: "p1",
  number: 42,
  subNumber: null,
  title: '=HYPERLINK("x") and "quotes", commas',
  detail: null,
  // 20:00 UTC is already the next day in Almaty.
  receivedAt: new Date("2026-03-16T20:00:00Z"),
  dueOn: "2026-03-26",
  answered: false,
  status: "in_progress",
  assignee: { id: "u1", name: null, email: "madina@example.kz" },
  workingDaysLeft: -2,
  overdue: "overdue",
};

describe("the inbox as CSV", () => {
  it("writes the page's columns with Almaty days, negative days left, and quoted cells", () => {
    const csv = inboxCsv([row], labels, (r) => `https://birge.kz/agency/a/items/${r.kind}/${r.itemId}`);
    const [header, line] = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(header).toBe("Item,Kind,Received,Due,Working days left,Assignee,Status,Overdue,Link");
    expect(line).toBe(
      '"No. 42: =HYPERLINK(""x"") and ""quotes"", commas",Petition,2026-03-17,2026-03-26,-2,madina@example.kz,in progress,yes,https://birge.kz/agency/a/items/petition/p1',
    );
  });
});
