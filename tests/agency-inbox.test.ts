import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { assignItem } from "@/lib/agency/assign-item";
import { listInbox } from "@/lib/agency/inbox";
import { saveAnswerDraft } from "@/lib/agency/save-answer-draft";
import { parseInboxFilters } from "@/lib/agency/schema";
import { submitAnswer } from "@/lib/agency/submit-answer";
import { agencyCast, finalDocumentSent, informationRequestAsked, petitionAwaitingAnswer } from "./support/agency-items";
import { forcePetition } from "./support/petitions";

const db = () => getDb();
const at = (day: string) => new Date(`${day}T05:00:00Z`);

describe("an agency's inbox", () => {
  it("lists petitions, final documents, information requests and hearings, filtered, sorted by due day, with counts per status", async () => {
    const { agency, staff, supervisor, owner, organization } = await agencyCast();
    const now = at("2026-04-06");
    const early = await petitionAwaitingAnswer(agency.id, { now: at("2026-03-02"), workingDays: 20 });
    const late = await petitionAwaitingAnswer(agency.id, { now, workingDays: 40 });
    const document = await finalDocumentSent({ owner, organizationId: organization.id, agencyId: agency.id, now });
    const { request } = await informationRequestAsked({ owner, organizationId: organization.id, agencyId: agency.id, now });
    // Not in the inbox: a petition below its threshold.
    const { draftPetition } = await import("./support/petitions");
    const below = (await draftPetition({ agencyId: agency.id })).petition;
    await forcePetition(below.id, { state: "open", openedAt: now });

    const filters = (query: Record<string, string> = {}) => parseInboxFilters(query);
    const inbox = await listInbox({ db: db(), actor: staff, agencyId: agency.id, filters: filters(), now });
    expect(inbox.rows.map((row) => [row.kind, row.itemId])).toEqual([
      ["petition", early.id],
      ["final_document", document.id],
      ["hearing", document.id],
      ["information_request", request.id],
      ["petition", late.id],
    ]);
    // 20 working days from 2 March skip 9 March and Nauryz: due Friday 3 April, one working day past on Monday 6 April.
    expect(inbox.rows[0]).toMatchObject({ dueOn: "2026-04-03", overdue: "overdue", workingDaysLeft: -1, status: "new", assignee: null });
    // A hearing is optional: it has the answer's due day but no clock of its own.
    expect(inbox.rows[2]).toMatchObject({ kind: "hearing", overdue: "none" });
    expect(inbox.rows[3]).toMatchObject({ subNumber: 1, detail: "Send the contracts for school meals signed in 2026." });
    expect(inbox.counts).toEqual({ new: 5, in_progress: 0, awaiting_approval: 0, approved: 0, published: 0 });
    expect([inbox.total, inbox.overdueCount]).toEqual([5, 1]);

    await assignItem({ db: db(), actor: supervisor, agencyId: agency.id, kind: "petition", itemId: late.id, assigneeId: staff.id, now });
    await saveAnswerDraft({ db: db(), actor: staff, agencyId: agency.id, kind: "petition", itemId: late.id, content: { decision: "not_supported", reasons: "No budget." }, now });
    await submitAnswer({ db: db(), actor: staff, agencyId: agency.id, kind: "petition", itemId: late.id, now });
    await saveAnswerDraft({ db: db(), actor: staff, agencyId: agency.id, kind: "information_request", itemId: request.id, content: { mode: "answer", answerText: "Draft" }, now });

    const after = await listInbox({ db: db(), actor: staff, agencyId: agency.id, filters: filters(), now });
    expect(after.counts).toEqual({ new: 3, in_progress: 1, awaiting_approval: 1, approved: 0, published: 0 });
    const list = async (query: Record<string, string>) =>
      (await listInbox({ db: db(), actor: staff, agencyId: agency.id, filters: filters(query), now })).rows.map((row) => `${row.kind}:${row.itemId}`);
    expect(await list({ view: "awaiting_approval" })).toEqual([`petition:${late.id}`]);
    expect(await list({ assignee: "me" })).toEqual([`petition:${late.id}`]);
    expect(await list({ kind: "petition", sort: "due_desc" })).toEqual([`petition:${late.id}`, `petition:${early.id}`]);
    expect(await list({ overdue: "1" })).toEqual([`petition:${early.id}`]);
    expect(await list({ q: "footbridge", sort: "received" })).toEqual([`petition:${late.id}`, `petition:${early.id}`]);
    expect(await list({ q: "100%_" })).toEqual([]);
    expect(await list({ kind: "nonsense", view: "bogus", sort: "sideways", page: "-3" })).toHaveLength(5);
  });
});
