import { describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agencyAlertsSent, events, informationRequests, jobs, mailMessages, petitions } from "@/db/schema";
import { assignItem } from "@/lib/agency/assign-item";
import { escalateItems } from "@/lib/agency/escalate-items";
import { listInbox } from "@/lib/agency/inbox";
import { loadAgencyItem } from "@/lib/agency/load-item";
import { publishAnswer } from "@/lib/agency/publish-answer";
import { RECOMPUTE_DEADLINES_QUEUE, recomputeDeadlines } from "@/lib/agency/recompute-deadlines";
import { saveAnswerDraft } from "@/lib/agency/save-answer-draft";
import { parseInboxFilters } from "@/lib/agency/schema";
import type { Actor } from "@/lib/auth/actor";
import { deleteCalendarDay } from "@/lib/calendar/delete-calendar-day";
import { saveCalendarDay } from "@/lib/calendar/save-calendar-day";
import { addCalendarDays, dayOfWeek } from "@/lib/calendar/working-days";
import { aFreshYear } from "./support/calendar-years";
import { actorFor, createUser } from "./support/factories";
import { agencyCast, informationRequestAsked, petitionAwaitingAnswer } from "./support/agency-items";
import { forcePetition } from "./support/petitions";

const db = () => getDb();

/** 10:00 in Almaty on that day. */
const at = (day: string) => new Date(`${day}T05:00:00Z`);

async function alertMails(people: Actor[], template: string) {
  return db()
    .select()
    .from(mailMessages)
    .where(and(inArray(mailMessages.toAddress, people.map((p) => p.email)), eq(mailMessages.template, template)));
}

describe("the statutory clock of an item, driven by a moved clock", () => {
  it("alerts the assignee and the supervisor before, on and after the due day, once each, and marks the item overdue", async () => {
    const { agency, staff, supervisor } = await agencyCast({ requiresApproval: false });
    // Threshold reached Monday 16 March 2026; five working days skip Nauryz (21–25 March): due Thursday 26 March.
    const petition = await petitionAwaitingAnswer(agency.id, { now: at("2026-03-16"), workingDays: 5 });
    expect(petition.responseDueOn).toBe("2026-03-26");
    await assignItem({ db: db(), actor: supervisor, agencyId: agency.id, kind: "petition", itemId: petition.id, assigneeId: staff.id, now: at("2026-03-16") });
    const escalate = (day: string) => escalateItems({ db: db(), now: at(day), agencyId: agency.id });

    expect(await escalate("2026-03-16")).toEqual({ alerts: 0 });
    // Wednesday 18 March: three working days left (19, 20, 26).
    expect(await escalate("2026-03-18")).toEqual({ alerts: 1 });
    expect(await escalate("2026-03-19")).toEqual({ alerts: 0 });
    expect(await alertMails([staff, supervisor], "mailAgency.alertBefore")).toHaveLength(2);
    // In the reader's language (Kazakh by default): "Мерзімге 3 жұмыс күні қалды: …".
    expect((await alertMails([staff], "mailAgency.alertBefore"))[0].subject).toMatch(/^Мерзімге 3 /);

    expect(await escalate("2026-03-26")).toEqual({ alerts: 1 });
    expect(await alertMails([staff, supervisor], "mailAgency.alertDue")).toHaveLength(2);
    const dueDay = await listInbox({ db: db(), actor: staff, agencyId: agency.id, filters: parseInboxFilters({}), now: at("2026-03-26") });
    expect(dueDay.rows[0]).toMatchObject({ overdue: "due_today", workingDaysLeft: 0 });

    expect(await escalate("2026-03-27")).toEqual({ alerts: 1 });
    expect(await escalate("2026-03-30")).toEqual({ alerts: 0 });
    expect(await alertMails([staff, supervisor], "mailAgency.alertOverdue")).toHaveLength(2);
    const overdueEvents = await db()
      .select()
      .from(events)
      .where(and(eq(events.entityType, "agency_item"), eq(events.entityId, `petition:${petition.id}`), eq(events.action, "became_overdue")));
    expect(overdueEvents).toMatchObject([{ actorId: null, data: { dueOn: "2026-03-26" } }]);

    const late = await listInbox({ db: db(), actor: staff, agencyId: agency.id, filters: parseInboxFilters({ overdue: "1" }), now: at("2026-03-30") });
    expect(late.rows).toMatchObject([{ itemId: petition.id, overdue: "overdue", workingDaysLeft: -2 }]);
    expect(late.overdueCount).toBe(1);

    // Answered late: the clock stops, the badge goes, and the petition's event records the lateness.
    await saveAnswerDraft({
      db: db(),
      actor: staff,
      agencyId: agency.id,
      kind: "petition",
      itemId: petition.id,
      content: { decision: "not_supported", reasons: "Not within the akimat's powers.", measures: [] },
      now: at("2026-03-30"),
    });
    await publishAnswer({ db: db(), actor: staff, agencyId: agency.id, kind: "petition", itemId: petition.id, now: at("2026-03-30") });
    const view = await loadAgencyItem({ db: db(), actor: staff, agencyId: agency.id, kind: "petition", itemId: petition.id, now: at("2026-03-31") });
    expect(view.clock).toMatchObject({ overdue: "none", workingDaysLeft: null, dueOn: "2026-03-26" });
    const [responded] = await db()
      .select()
      .from(events)
      .where(and(eq(events.entityType, "petition"), eq(events.entityId, petition.id), eq(events.action, "responded")));
    expect(responded.data).toMatchObject({ late: true, responseDueOn: "2026-03-26" });
    expect(await escalate("2026-04-01")).toEqual({ alerts: 0 });
    expect(await db().select().from(agencyAlertsSent).where(eq(agencyAlertsSent.itemId, petition.id))).toHaveLength(3);
  });

  it("explains the due day: received on, N working days, and every holiday and moved day skipped", async () => {
    const { agency, staff } = await agencyCast();
    const petition = await petitionAwaitingAnswer(agency.id, { now: at("2026-03-20"), workingDays: 3 });
    const view = await loadAgencyItem({ db: db(), actor: staff, agencyId: agency.id, kind: "petition", itemId: petition.id, now: at("2026-03-20") });
    expect(view.clock).toMatchObject({ startDay: "2026-03-20", workingDays: 3, dueOn: "2026-03-30", workingDaysLeft: 3, overdue: "running", recomputePending: false });
    expect(view.clock.explanation?.skipped.filter((day) => day.reason !== "weekend").map((day) => [day.day, day.reason])).toEqual([
      ["2026-03-23", "holiday"],
      ["2026-03-24", "moved_day_off"],
      ["2026-03-25", "moved_day_off"],
    ]);
  });
});

// Each test works in its own far-future year that holds no calendar day yet, so no other test's calendar edits or items meet it.
async function aFreshMonday(): Promise<string> {
  let day = `${await aFreshYear(2950, 2998)}-02-01`;
  while (dayOfWeek(day) !== 1) day = addCalendarDays(day, 1);
  return day;
}

describe("an admin's calendar edit and the clocks already running (README 'Statutory clocks')", () => {
  it("recomputes the due day of every running clock from its start day, leaves answered ones alone, and records why", async () => {
    const admin = await actorFor((await createUser({ platformRoles: ["admin"], name: "Aigerim Admin" })).id);
    const { agency, staff, owner, organization } = await agencyCast({ requiresApproval: false });
    const monday = await aFreshMonday();
    const wednesday = addCalendarDays(monday, 2);
    const friday = addCalendarDays(monday, 4);
    const nextMonday = addCalendarDays(monday, 7);

    // Four working days from a Monday end on the Friday.
    const running = await petitionAwaitingAnswer(agency.id, { now: at(monday), workingDays: 4 });
    const answered = await petitionAwaitingAnswer(agency.id, { now: at(monday), workingDays: 4 });
    await forcePetition(answered.id, { state: "responded", respondedAt: at(monday) });
    expect([running.responseDueOn, answered.responseDueOn]).toEqual([friday, friday]);
    const { request } = await informationRequestAsked({ owner, organizationId: organization.id, agencyId: agency.id });
    // Its clock as if asked that Monday: 15 working days (from its "asked" event) end three weeks later.
    await db().update(informationRequests).set({ askedAt: at(monday), dueOn: addCalendarDays(monday, 21) }).where(eq(informationRequests.id, request.id));

    await saveCalendarDay({ db: db(), actor: admin, input: { day: wednesday, kind: "holiday", nameKk: "Мереке", nameRu: "Праздник", nameEn: "Test holiday" } });
    const queued = await db().select().from(jobs).where(and(eq(jobs.queue, RECOMPUTE_DEADLINES_QUEUE), eq(jobs.state, "queued")));
    expect(queued.some((job) => job.payload.day === wednesday)).toBe(true);
    // Before the job runs the page says the due day is being recomputed.
    expect((await loadAgencyItem({ db: db(), actor: staff, agencyId: agency.id, kind: "petition", itemId: running.id, now: at(monday) })).clock).toMatchObject({
      dueOn: friday,
      recomputePending: true,
    });

    // As the job runs it: only clocks that count the edited day.
    const result = await recomputeDeadlines({ db: db(), now: at(monday), days: [wednesday] });
    expect(result.recomputed).toBe(2);
    const dueOf = async (id: string) => (await db().select().from(petitions).where(eq(petitions.id, id)))[0].responseDueOn;
    expect(await dueOf(running.id)).toBe(nextMonday);
    expect(await dueOf(answered.id)).toBe(friday);
    expect((await db().select().from(informationRequests).where(eq(informationRequests.id, request.id)))[0].dueOn).toBe(addCalendarDays(monday, 22));
    const [recomputed] = await db()
      .select()
      .from(events)
      .where(and(eq(events.entityType, "petition"), eq(events.entityId, running.id), eq(events.action, "deadline_recomputed")));
    expect(recomputed).toMatchObject({ actorId: null, reason: "calendar_changed", data: { previousDueOn: friday, dueOn: nextMonday } });
    const view = await loadAgencyItem({ db: db(), actor: staff, agencyId: agency.id, kind: "petition", itemId: running.id, now: at(monday) });
    expect(view.clock).toMatchObject({ dueOn: nextMonday, recomputePending: false });
    expect(view.clock.explanation?.skipped).toContainEqual({ day: wednesday, reason: "holiday", name: "Test holiday" });

    // Running it again changes nothing; removing the holiday moves the day back.
    await recomputeDeadlines({ db: db(), now: at(monday), days: [wednesday] });
    expect(
      await db().select().from(events).where(and(eq(events.entityId, running.id), eq(events.action, "deadline_recomputed"))),
    ).toHaveLength(1);
    await deleteCalendarDay({ db: db(), actor: admin, day: wednesday });
    await recomputeDeadlines({ db: db(), now: at(monday), days: [wednesday] });
    expect(await dueOf(running.id)).toBe(friday);
  });
});
