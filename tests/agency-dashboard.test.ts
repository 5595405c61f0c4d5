import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { and, eq, inArray, like } from "drizzle-orm";
import { mailContent } from "@/lib/mail/stored-mail";
import { getDb } from "@/db/client";
import { activities, agencyItemNotes, events, informationRequests, mailMessages, petitionResponses, petitions, recommendations, users } from "@/db/schema";
import { addItemNote } from "@/lib/agency/add-item-note";
import { approveAnswer } from "@/lib/agency/approve-answer";
import { assignItem } from "@/lib/agency/assign-item";
import { listInbox } from "@/lib/agency/inbox";
import { loadAgencyItem } from "@/lib/agency/load-item";
import { publishAnswer } from "@/lib/agency/publish-answer";
import { returnAnswer } from "@/lib/agency/return-answer";
import { saveAnswerDraft } from "@/lib/agency/save-answer-draft";
import { scheduleHearing } from "@/lib/agency/schedule-hearing";
import { parseInboxFilters } from "@/lib/agency/schema";
import { submitAnswer } from "@/lib/agency/submit-answer";
import type { AgencyItemKind } from "@/lib/agency/states";
import type { Actor } from "@/lib/auth/actor";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { isDomainError, type DomainError } from "@/lib/errors";
import { notifySigners } from "@/lib/petitions/notify-signers";
import { addConfirmedSigners, agencyCast, finalDocumentSent, informationRequestAsked, petitionAwaitingAnswer } from "./support/agency-items";
import { pngFile } from "./support/public-control-activities";

process.env.BIRGE_UPLOADS_DIR ??= path.join(os.tmpdir(), "birge-test-uploads");

const db = () => getDb();

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

const petitionAnswer = {
  decision: "partially_supported",
  reasons: "A footbridge is included in the 2027 city budget; an underpass is not feasible there.",
  measures: [
    { text: "Design of the footbridge", dueOn: "2027-03-01" },
    { text: "", dueOn: "" },
  ],
};

async function mailsTo(email: string, template: string) {
  return db().select().from(mailMessages).where(and(eq(mailMessages.toAddress, email), eq(mailMessages.template, template)));
}

async function emailOf(actor: Actor) {
  return actor.email;
}

describe("only the addressed agency's staff reach an item", () => {
  it("answers another agency's supervisor with not found for every item and every change, and keeps them out of its inbox", async () => {
    const { agency, other, staff, outsider, owner, organization } = await agencyCast();
    const petition = await petitionAwaitingAnswer(agency.id);
    const activity = await finalDocumentSent({ owner, organizationId: organization.id, agencyId: agency.id });
    const { request } = await informationRequestAsked({ owner, organizationId: organization.id, agencyId: agency.id });
    const items: Array<[AgencyItemKind, string]> = [
      ["petition", petition.id],
      ["final_document", activity.id],
      ["information_request", request.id],
      ["hearing", activity.id],
    ];

    for (const [kind, itemId] of items) {
      // Through the item's own agency (not theirs) and through their own agency's address alike.
      for (const agencyId of [agency.id, other.id]) {
        for (const actor of [outsider, null]) {
          const expected = actor ? "not_found" : "unauthenticated";
          expect((await refusal(loadAgencyItem({ db: db(), actor, agencyId, kind, itemId }))).code, `${kind} via ${agencyId}`).toBe(expected);
          expect((await refusal(saveAnswerDraft({ db: db(), actor, agencyId, kind, itemId, content: {} }))).code).toBe(expected);
          expect((await refusal(publishAnswer({ db: db(), actor, agencyId, kind, itemId }))).code).toBe(expected);
          expect((await refusal(assignItem({ db: db(), actor, agencyId, kind, itemId, assigneeId: null }))).code).toBe(expected);
          expect((await refusal(addItemNote({ db: db(), actor, agencyId, kind, itemId, input: { body: "Peek" } }))).code).toBe(expected);
        }
      }
      // Its own staff see it.
      expect((await loadAgencyItem({ db: db(), actor: staff, agencyId: agency.id, kind, itemId })).source.itemId).toBe(itemId);
    }

    const outsiderInbox = await listInbox({ db: db(), actor: outsider, agencyId: other.id, filters: parseInboxFilters({ view: "all" }) });
    expect(outsiderInbox.rows).toEqual([]);
    expect((await refusal(listInbox({ db: db(), actor: outsider, agencyId: agency.id, filters: parseInboxFilters({}) }))).code).toBe("not_found");
    const inbox = await listInbox({ db: db(), actor: staff, agencyId: agency.id, filters: parseInboxFilters({}) });
    expect(inbox.rows.map((row) => [row.kind, row.itemId]).sort()).toEqual(items.map(([kind, id]) => [kind, id]).sort());
  });
});

describe("a supervisor assigns work and approves answers", () => {
  it("lets Kairat assign a petition to Madina, who finds it under 'assigned to me' and is told by e-mail", async () => {
    const { agency, staff, supervisor } = await agencyCast();
    const petition = await petitionAwaitingAnswer(agency.id);
    const target = { agencyId: agency.id, kind: "petition" as const, itemId: petition.id };

    expect((await refusal(assignItem({ db: db(), actor: staff, ...target, assigneeId: staff.id }))).code).toBe("not_found");
    const outsider = (await agencyCast()).staff;
    expect((await refusal(assignItem({ db: db(), actor: supervisor, ...target, assigneeId: outsider.id }))).fieldErrors).toEqual({ assigneeId: ["notStaff"] });

    await assignItem({ db: db(), actor: supervisor, ...target, assigneeId: staff.id });
    const mine = await listInbox({ db: db(), actor: staff, agencyId: agency.id, filters: parseInboxFilters({ assignee: "me" }) });
    expect(mine.rows).toMatchObject([{ itemId: petition.id, assignee: { id: staff.id }, status: "new" }]);
    const unassigned = await listInbox({ db: db(), actor: staff, agencyId: agency.id, filters: parseInboxFilters({ assignee: "unassigned" }) });
    expect(unassigned.rows).toEqual([]);
    expect(await mailsTo(await emailOf(staff), "mailAgency.assigned")).toHaveLength(1);
    const history = await db().select().from(events).where(and(eq(events.entityType, "agency_item"), eq(events.entityId, `petition:${petition.id}`))).orderBy(events.id);
    expect(history.map((event) => event.action)).toEqual(["assigned"]);
  });

  it("refuses staff publication where approval is required, until a supervisor approves exactly what is published", async () => {
    const { agency, staff, supervisor } = await agencyCast({ requiresApproval: true });
    const petition = await petitionAwaitingAnswer(agency.id);
    const target = { agencyId: agency.id, kind: "petition" as const, itemId: petition.id };

    await saveAnswerDraft({ db: db(), actor: staff, ...target, content: petitionAnswer });
    const refused = await refusal(publishAnswer({ db: db(), actor: staff, ...target }));
    expect([refused.code, refused.message]).toEqual(["forbidden", "approvalRequired"]);
    // Staff cannot approve their own answer either.
    await submitAnswer({ db: db(), actor: staff, ...target });
    expect((await refusal(approveAnswer({ db: db(), actor: staff, ...target }))).code).toBe("not_found");
    expect(await mailsTo(supervisor.email, "mailAgency.approvalRequested")).toHaveLength(1);

    // A change after submitting takes it back to in progress: the supervisor approves what is published.
    await saveAnswerDraft({ db: db(), actor: staff, ...target, content: { ...petitionAnswer, reasons: `${petitionAnswer.reasons} Updated.` } });
    expect((await loadAgencyItem({ db: db(), actor: staff, ...target })).status).toBe("in_progress");
    expect((await refusal(approveAnswer({ db: db(), actor: supervisor, ...target }))).code).toBe("invalid_transition");

    await submitAnswer({ db: db(), actor: staff, ...target });
    await returnAnswer({ db: db(), actor: supervisor, ...target, note: "Name the budget programme." });
    expect((await loadAgencyItem({ db: db(), actor: staff, ...target })).status).toBe("in_progress");
    await submitAnswer({ db: db(), actor: staff, ...target });
    await approveAnswer({ db: db(), actor: supervisor, ...target });
    expect(await mailsTo(staff.email, "mailAgency.approved")).toHaveLength(1);
    await publishAnswer({ db: db(), actor: staff, ...target });

    const [published] = await db().select().from(petitions).where(eq(petitions.id, petition.id));
    expect(published.state).toBe("responded");
    const [response] = await db().select().from(petitionResponses).where(eq(petitionResponses.petitionId, petition.id));
    expect(response).toMatchObject({ decision: "partially_supported", measures: [{ text: "Design of the footbridge", dueOn: "2027-03-01" }], publishedBy: staff.id });
    expect(response.reasons).toContain("Updated.");
    const petitionEvents = await db().select().from(events).where(and(eq(events.entityType, "petition"), eq(events.entityId, petition.id))).orderBy(events.id);
    expect(petitionEvents.at(-1)).toMatchObject({ action: "responded", fromState: "open", toState: "responded", actorId: staff.id });
    const itemEvents = await db().select().from(events).where(and(eq(events.entityType, "agency_item"), eq(events.entityId, `petition:${petition.id}`))).orderBy(events.id);
    expect(itemEvents.map((event) => event.action)).toEqual([
      "draft_started",
      "submitted_for_approval",
      "submission_withdrawn",
      "submitted_for_approval",
      "returned",
      "submitted_for_approval",
      "approved",
      "published",
    ]);
    // Published: nothing more to change.
    expect((await refusal(saveAnswerDraft({ db: db(), actor: staff, ...target, content: petitionAnswer }))).code).toBe("invalid_transition");
  });

  it("lets staff publish directly where the agency needs no approval, and a supervisor publish an unsubmitted draft", async () => {
    const free = await agencyCast({ requiresApproval: false });
    const first = await petitionAwaitingAnswer(free.agency.id);
    await saveAnswerDraft({ db: db(), actor: free.staff, agencyId: free.agency.id, kind: "petition", itemId: first.id, content: petitionAnswer });
    await publishAnswer({ db: db(), actor: free.staff, agencyId: free.agency.id, kind: "petition", itemId: first.id });
    expect((await db().select().from(petitions).where(eq(petitions.id, first.id)))[0].state).toBe("responded");

    const strict = await agencyCast({ requiresApproval: true });
    const second = await petitionAwaitingAnswer(strict.agency.id);
    await saveAnswerDraft({ db: db(), actor: strict.staff, agencyId: strict.agency.id, kind: "petition", itemId: second.id, content: petitionAnswer });
    await publishAnswer({ db: db(), actor: strict.supervisor, agencyId: strict.agency.id, kind: "petition", itemId: second.id });
    const view = await loadAgencyItem({ db: db(), actor: strict.staff, agencyId: strict.agency.id, kind: "petition", itemId: second.id });
    expect(view.status).toBe("published");
    expect(view.draft?.approvedBy?.id).toBe(strict.supervisor.id);
  });

  it("refuses an incomplete petition answer: a decision, reasons, and dated measures unless not supported", async () => {
    const { agency, supervisor } = await agencyCast();
    const petition = await petitionAwaitingAnswer(agency.id);
    const target = { agencyId: agency.id, kind: "petition" as const, itemId: petition.id };
    await saveAnswerDraft({ db: db(), actor: supervisor, ...target, content: { decision: "supported", reasons: "", measures: [{ text: "Build it", dueOn: "soon" }] } });
    const error = await refusal(publishAnswer({ db: db(), actor: supervisor, ...target }));
    expect(error.code).toBe("validation");
    expect(error.fieldErrors).toEqual({ reasons: ["required"], "measures.0.dueOn": ["date"] });
    await saveAnswerDraft({ db: db(), actor: supervisor, ...target, content: { decision: "supported", reasons: "Yes.", measures: [] } });
    expect((await refusal(publishAnswer({ db: db(), actor: supervisor, ...target }))).fieldErrors).toEqual({ measures: ["measuresRequired"] });
    await saveAnswerDraft({ db: db(), actor: supervisor, ...target, content: { decision: "not_supported", reasons: "Outside the akimat's budget powers.", measures: [] } });
    await publishAnswer({ db: db(), actor: supervisor, ...target });
  });
});

describe("an agency answers a final document recommendation by recommendation", () => {
  it("refuses to publish while any recommendation is unanswered, then publishes all three and the NGO is told", async () => {
    const { agency, staff, supervisor, owner, organization } = await agencyCast();
    const activity = await finalDocumentSent({ owner, organizationId: organization.id, agencyId: agency.id });
    const recs = await db().select().from(recommendations).where(eq(recommendations.activityId, activity.id)).orderBy(recommendations.position);
    expect(recs).toHaveLength(3);
    const target = { agencyId: agency.id, kind: "final_document" as const, itemId: activity.id };
    const answers = {
      [recs[0].id]: { decision: "accepted", reasons: "Scales will be installed at delivery points.", measures: "Buy 40 scales", dueOn: "2027-02-01" },
      [recs[1].id]: { decision: "rejected", reasons: "Contracts are already published on goszakup.gov.kz.", measures: "", dueOn: "" },
    };
    await saveAnswerDraft({ db: db(), actor: staff, ...target, content: { answers } });
    await expect(submitAnswer({ db: db(), actor: staff, ...target })).rejects.toMatchObject({ code: "validation" });
    const error = await refusal(publishAnswer({ db: db(), actor: supervisor, ...target }));
    expect(error.message).toBe("answerEveryRecommendation");
    expect(error.fieldErrors).toEqual({ [`answers.${recs[2].id}.decision`]: ["answerEveryRecommendation"] });
    expect((await db().select().from(activities).where(eq(activities.id, activity.id)))[0].state).toBe("under_consideration");

    // An accepted answer without measures and a date is refused as well.
    await saveAnswerDraft({
      db: db(),
      actor: staff,
      ...target,
      content: { answers: { ...answers, [recs[2].id]: { decision: "partially_accepted", reasons: "A fine is possible once.", measures: "", dueOn: "" } } },
    });
    expect((await refusal(publishAnswer({ db: db(), actor: supervisor, ...target }))).fieldErrors).toEqual({
      [`answers.${recs[2].id}.measures`]: ["measuresRequired"],
      [`answers.${recs[2].id}.dueOn`]: ["dueOnRequired"],
    });
    await saveAnswerDraft({
      db: db(),
      actor: staff,
      ...target,
      content: { answers: { ...answers, [recs[2].id]: { decision: "partially_accepted", reasons: "A fine is possible once.", measures: "Claim a penalty", dueOn: "2027-01-15" } } },
    });
    await submitAnswer({ db: db(), actor: staff, ...target });
    await approveAnswer({ db: db(), actor: supervisor, ...target });
    await publishAnswer({ db: db(), actor: staff, ...target });

    const answered = await db().select().from(recommendations).where(eq(recommendations.activityId, activity.id)).orderBy(recommendations.position);
    expect(answered.map((r) => [r.decision, r.measuresDueOn])).toEqual([
      ["accepted", "2027-02-01"],
      ["rejected", null],
      ["partially_accepted", "2027-01-15"],
    ]);
    expect((await db().select().from(activities).where(eq(activities.id, activity.id)))[0].state).toBe("answered");
    expect(await mailsTo(owner.email, "mailControl.recommendationsAnswered")).toHaveLength(1);
    const inbox = await listInbox({ db: db(), actor: staff, agencyId: agency.id, filters: parseInboxFilters({ view: "published" }) });
    expect(inbox.rows.map((row) => [row.kind, row.status])).toEqual([["final_document", "published"]]);
  });
});

describe("information requests and hearings from the dashboard", () => {
  it("answers an information request with a file kept from the draft, or refuses one on a legal ground", async () => {
    const { agency, staff, supervisor, owner, organization } = await agencyCast({ requiresApproval: false });
    const { request } = await informationRequestAsked({ owner, organizationId: organization.id, agencyId: agency.id });
    const target = { agencyId: agency.id, kind: "information_request" as const, itemId: request.id };
    const saved = await saveAnswerDraft({
      db: db(),
      actor: staff,
      ...target,
      content: { mode: "answer", answerText: "The contracts are attached.", refusalGround: "", attachmentIds: ["someone-elses-file"] },
      newAttachments: [pngFile("contract-page.png")],
    });
    const attachmentIds = (saved.draft.content as { attachmentIds: string[] }).attachmentIds;
    expect(attachmentIds).toHaveLength(1);
    // An autosave of the same form keeps the file (its id is posted back) and writes nothing new.
    const again = await saveAnswerDraft({ db: db(), actor: staff, ...target, content: { mode: "answer", answerText: "The contracts are attached.", refusalGround: "", attachmentIds } });
    expect(again.changed).toBe(false);
    await publishAnswer({ db: db(), actor: staff, ...target });
    const [answered] = await db().select().from(informationRequests).where(eq(informationRequests.id, request.id));
    expect(answered).toMatchObject({ state: "answered", answerText: "The contracts are attached.", answeredBy: staff.id });
    expect(answered.answerFileIds).toHaveLength(1);

    const second = (await informationRequestAsked({ owner, organizationId: organization.id, agencyId: agency.id })).request;
    const secondTarget = { agencyId: agency.id, kind: "information_request" as const, itemId: second.id };
    await saveAnswerDraft({ db: db(), actor: supervisor, ...secondTarget, content: { mode: "refuse", answerText: "", refusalGround: "" } });
    expect((await refusal(publishAnswer({ db: db(), actor: supervisor, ...secondTarget }))).fieldErrors).toEqual({ refusalGround: ["required"] });
    await saveAnswerDraft({ db: db(), actor: supervisor, ...secondTarget, content: { mode: "refuse", refusalGround: "State secrets: Law on State Secrets, art. 14." } });
    await publishAnswer({ db: db(), actor: supervisor, ...secondTarget });
    expect((await db().select().from(informationRequests).where(eq(informationRequests.id, second.id)))[0]).toMatchObject({ state: "refused" });
  });

  it("schedules a hearing on a final document only with at least three working days' notice, and tells the NGO", async () => {
    const { agency, staff, owner, organization } = await agencyCast();
    const now = new Date("2026-04-06T05:00:00Z"); // a Monday
    const activity = await finalDocumentSent({ owner, organizationId: organization.id, agencyId: agency.id, now });
    const calendar = await loadCalendar(db());
    const tooSoon = calendar.addWorkingDays(toDayString(now), 2);
    const error = await refusal(scheduleHearing({ db: db(), actor: staff, agencyId: agency.id, activityId: activity.id, input: { day: tooSoon, time: "10:00", place: "Akimat, room 301" }, now }));
    expect(error.fieldErrors).toEqual({ day: ["hearingNoticeTooShort"] });

    const day = calendar.addWorkingDays(toDayString(now), 3);
    await scheduleHearing({ db: db(), actor: staff, agencyId: agency.id, activityId: activity.id, input: { day, time: "10:00", place: "Akimat, room 301" }, now });
    const [scheduled] = await db().select().from(activities).where(eq(activities.id, activity.id));
    expect(scheduled.state).toBe("hearing");
    expect(scheduled.considerationHearingAt?.toISOString()).toBe(`${day}T05:00:00.000Z`);
    expect(await mailsTo(owner.email, "mailControl.hearingScheduled")).toHaveLength(1);
    // The final document still awaits its answer; the hearing is done.
    const inbox = await listInbox({ db: db(), actor: staff, agencyId: agency.id, filters: parseInboxFilters({ view: "all" }), now });
    expect(inbox.rows.map((row) => [row.kind, row.status]).sort()).toEqual([
      ["final_document", "new"],
      ["hearing", "published"],
    ]);
  });

  it("keeps internal notes inside the agency: no text in the public history", async () => {
    const { agency, staff, outsider } = await agencyCast();
    const petition = await petitionAwaitingAnswer(agency.id);
    const target = { agencyId: agency.id, kind: "petition" as const, itemId: petition.id };
    const note = await addItemNote({ db: db(), actor: staff, ...target, input: { body: "Ask the roads department for the cost estimate." } });
    const view = await loadAgencyItem({ db: db(), actor: staff, ...target });
    expect(view.notes).toMatchObject([{ id: note.id, body: "Ask the roads department for the cost estimate.", author: { id: staff.id } }]);
    expect(JSON.stringify(await db().select().from(events).where(eq(events.entityId, `petition:${petition.id}`)))).not.toContain("roads department");
    expect((await refusal(loadAgencyItem({ db: db(), actor: outsider, ...target }))).code).toBe("not_found");
    expect(await db().select().from(agencyItemNotes).where(eq(agencyItemNotes.itemId, petition.id))).toHaveLength(1);
  });
});

describe("publishing tells everyone who follows the item", () => {
  it("queues exactly one e-mail per confirmed signer who wants mail, and one to the creator, however often the job runs", async () => {
    const { agency, supervisor } = await agencyCast({ requiresApproval: false });
    const petition = await petitionAwaitingAnswer(agency.id);
    const { emails } = await addConfirmedSigners(petition.id, 7, { noMail: [3] });
    await saveAnswerDraft({ db: db(), actor: supervisor, agencyId: agency.id, kind: "petition", itemId: petition.id, content: petitionAnswer });
    await publishAnswer({ db: db(), actor: supervisor, agencyId: agency.id, kind: "petition", itemId: petition.id });

    // Batches of three: the job for each next batch is enqueued by the one before.
    let afterId: number | undefined;
    for (let i = 0; i < 5; i++) {
      const result = await notifySigners({ db: db(), petitionId: petition.id, kind: "responded", afterId, batchSize: 3 });
      if (result.nextAfterId === null) break;
      afterId = result.nextAfterId;
    }
    // A repeated start sends nothing again.
    expect((await notifySigners({ db: db(), petitionId: petition.id, kind: "responded", batchSize: 3 })).alreadySent).toBe(true);

    const mails = await db().select().from(mailMessages).where(and(inArray(mailMessages.toAddress, emails), eq(mailMessages.template, "mailSigners.responded")));
    expect(mails.map((mail) => mail.toAddress).sort()).toEqual(emails.filter((_, i) => i !== 3).sort());
    expect(mails.every((mail) => /\/signatures\/\d+\/unsubscribe\?t=/.test(mailContent(mail).text))).toBe(true);
    const [creator] = await db().select().from(users).where(eq(users.id, petition.creatorId));
    expect(await mailsTo(creator.email, "mailAgency.petitionAnsweredToCreator")).toHaveLength(1);
    expect(await db().select().from(mailMessages).where(like(mailMessages.toAddress, `${emails[0].split("-0@")[0]}%`))).toHaveLength(6);
  });
});
