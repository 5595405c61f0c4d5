import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { activities, events, files, informationRequests, mailMessages, recommendations } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { readActivityTimeline } from "@/lib/public-control/activity-timeline";
import { activityById } from "@/lib/public-control/load-activity";
import { loadActivityDetails } from "@/lib/public-control/load-activity-details";
import { announceActivity } from "@/lib/public-control/announce-activity";
import { answerInformationRequest } from "@/lib/public-control/answer-information-request";
import { answerRecommendations } from "@/lib/public-control/answer-recommendations";
import { askInformationRequest } from "@/lib/public-control/ask-information-request";
import { closeActivity } from "@/lib/public-control/close-activity";
import { completeActivity } from "@/lib/public-control/complete-activity";
import { markRecommendationImplementation } from "@/lib/public-control/mark-implementation";
import { saveFinalDocument } from "@/lib/public-control/save-final-document";
import { scheduleConsiderationHearing } from "@/lib/public-control/schedule-consideration-hearing";
import { sendFinalDocument } from "@/lib/public-control/send-final-document";
import { startActivity } from "@/lib/public-control/start-activity";
import { removeTeamMember } from "@/lib/public-control/team-members";
import { updateActivity } from "@/lib/public-control/update-activity";
import { codeOf } from "./support/domain-errors";
import { actorFor, createUser } from "./support/factories";
import { activityAt, cast, draftActivity, pngFile } from "./support/public-control-activities";

process.env.BIRGE_UPLOADS_DIR ??= path.join(os.tmpdir(), "birge-test-uploads");

const db = () => getDb();

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; fieldErrors?: Record<string, string[]> }> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}

async function mailsTo(email: string, template: string) {
  return db().select().from(mailMessages).where(and(eq(mailMessages.toAddress, email), eq(mailMessages.template, template)));
}

async function actionsOf(entityId: string) {
  return (await db().select().from(events).where(eq(events.entityId, entityId)).orderBy(events.id)).map((e) => e.action);
}

describe("an NGO plans and announces an activity", () => {
  it("lets Adal Qogam draft monitoring of the akimat, edit it, and announce it; the akimat's staff are told", async () => {
    const { agency, staff, owner, organization } = await cast();
    const draft = await draftActivity({ actor: owner, agencyId: agency.id, organizationId: organization.id });
    expect(draft.state).toBe("draft");
    expect(draft.subjectType).toBe("organization");
    const edited = await updateActivity({
      db: db(),
      actor: owner,
      activityId: draft.id,
      input: {
        title: "Monitoring of school meals in Yesil district",
        subjectMatter: draft.subjectMatter,
        goals: draft.goals,
        agencyId: agency.id,
        organizationId: null,
        forms: ["monitoring", "discussion"],
        plannedStart: "2026-02-02",
        plannedEnd: "2026-03-13",
      },
    });
    expect(edited.title).toBe("Monitoring of school meals in Yesil district");
    expect(edited.organizationId).toBe(organization.id);
    expect(edited.forms).toEqual(["monitoring", "discussion"]);

    const announced = await announceActivity({ db: db(), actor: owner, activityId: draft.id, now: new Date("2026-02-02T05:00:00Z") });
    expect(announced.state).toBe("announced");
    expect(announced.announcedAt?.toISOString()).toBe("2026-02-02T05:00:00.000Z");
    const mail = await mailsTo(staff.email, "mailControl.announced");
    expect(mail).toHaveLength(1);
    expect(mail[0].textBody).toContain(`/activities/${announced.number}`);
    expect(mail[0].textBody).toContain(organization.name);
    expect(await actionsOf(draft.id)).toEqual(["created", "team_member_added", "updated", "announced"]);
  });

  it("refuses to announce without a team, for an unverified organization, or twice", async () => {
    const { agency, owner, organization } = await cast();
    const noTeam = await draftActivity({ actor: owner, agencyId: agency.id, organizationId: organization.id, team: false });
    const refused = await refusal(announceActivity({ db: db(), actor: owner, activityId: noTeam.id }));
    expect(refused).toMatchObject({ code: "validation", message: "teamRequired" });

    const pending = await cast({ organizationState: "pending" });
    const unverified = await draftActivity({ actor: pending.owner, agencyId: pending.agency.id, organizationId: pending.organization.id });
    expect(await refusal(announceActivity({ db: db(), actor: pending.owner, activityId: unverified.id }))).toMatchObject({
      code: "forbidden",
      message: "organizationNotVerified",
    });
    const [still] = await db().select().from(activities).where(eq(activities.id, unverified.id));
    expect(still.state).toBe("draft");

    const withTeam = await draftActivity({ actor: owner, agencyId: agency.id, organizationId: organization.id });
    await announceActivity({ db: db(), actor: owner, activityId: withTeam.id });
    expect(await codeOf(announceActivity({ db: db(), actor: owner, activityId: withTeam.id }))).toBe("invalid_transition");
    expect(await codeOf(updateActivity({ db: db(), actor: owner, activityId: withTeam.id, input: { ...withTeam, organizationId: null } }))).toBe(
      "invalid_transition",
    );
    const [member] = await db().select().from(events).where(and(eq(events.entityId, withTeam.id), eq(events.action, "team_member_added")));
    expect(await codeOf(removeTeamMember({ db: db(), actor: owner, activityId: withTeam.id, memberId: String(member.data.memberId) }))).toBe("invalid_transition");
  });

  it("lets a citizen run an activity alone", async () => {
    const { agency } = await cast();
    const citizen = await actorFor((await createUser({ name: "Viktor L." })).id);
    const activity = await activityAt("in_progress", { actor: citizen, agencyId: agency.id });
    expect(activity.subjectType).toBe("citizen");
    expect(activity.state).toBe("in_progress");
  });
});

describe("the work and its clocks", () => {
  it("starts the 7-working-day clock for the final document on completion and tells the subject", async () => {
    const { agency, owner, organization } = await cast();
    const activity = await activityAt("in_progress", { actor: owner, agencyId: agency.id, organizationId: organization.id });
    expect(await codeOf(startActivity({ db: db(), actor: owner, activityId: activity.id }))).toBe("invalid_transition");
    const completed = await completeActivity({ db: db(), actor: owner, activityId: activity.id, now: new Date("2026-03-19T08:00:00Z") });
    expect(completed.state).toBe("completed");
    expect(completed.finalDocumentDueOn).toBe("2026-04-02"); // Nauryz 23–25 March does not count
    const [event] = await db().select().from(events).where(and(eq(events.entityId, activity.id), eq(events.action, "completed")));
    expect(event.data.finalDocumentDueOn).toBe("2026-04-02");
    expect((event.data.explanation as { skipped: unknown[] }).skipped.length).toBeGreaterThan(0);
    expect(await mailsTo(owner.email, "mailControl.completed")).toHaveLength(1);
  });

  it("numbers information requests, clocks them at 15 working days and takes the akimat's answer or refusal", async () => {
    const { agency, staff, owner, organization } = await cast();
    const activity = await activityAt("in_progress", { actor: owner, agencyId: agency.id, organizationId: organization.id });
    const now = new Date("2026-02-02T06:00:00Z");
    const first = await askInformationRequest({ db: db(), actor: owner, activityId: activity.id, input: { question: "Send the meal supply contracts for 2025." }, now });
    const second = await askInformationRequest({ db: db(), actor: owner, activityId: activity.id, input: { question: "Send the inspection reports for January." }, now });
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first.dueOn).toBe("2026-02-23");
    expect(first.state).toBe("pending");
    expect(await mailsTo(staff.email, "mailControl.informationRequested")).toHaveLength(2);

    const answered = await answerInformationRequest({
      db: db(),
      actor: staff,
      requestId: first.id,
      input: { answerText: "The contracts are attached.", refusalGround: null },
      attachments: [pngFile("contract.png")],
      now: new Date("2026-02-10T06:00:00Z"),
    });
    expect(answered.state).toBe("answered");
    expect(answered.answerFileIds).toHaveLength(1);
    const [file] = await db().select().from(files).where(eq(files.id, answered.answerFileIds[0]));
    expect(file).toMatchObject({ purpose: "information_answer", activityId: activity.id });
    expect(await mailsTo(owner.email, "mailControl.informationAnswered")).toHaveLength(1);

    const refused = await answerInformationRequest({
      db: db(),
      actor: staff,
      requestId: second.id,
      input: { answerText: null, refusalGround: "Contains personal data of pupils (Law on Personal Data, art. 8)." },
      now: new Date("2026-02-25T06:00:00Z"),
    });
    expect(refused.state).toBe("refused");
    const [refusedEvent] = await db().select().from(events).where(and(eq(events.entityId, second.id), eq(events.action, "refused")));
    expect(refusedEvent.data).toMatchObject({ late: true, activityId: activity.id });

    expect(await codeOf(answerInformationRequest({ db: db(), actor: staff, requestId: first.id, input: { answerText: "Again", refusalGround: null } }))).toBe(
      "invalid_transition",
    );
    const both = await refusal(answerInformationRequest({ db: db(), actor: staff, requestId: first.id, input: { answerText: "A", refusalGround: "B" } }));
    expect(both.fieldErrors).toEqual({ answerText: ["answerOrRefusal"] });
  });

  it("refuses an information request on a draft and after the final document is sent", async () => {
    const { agency, owner, organization } = await cast();
    const draft = await draftActivity({ actor: owner, agencyId: agency.id, organizationId: organization.id });
    const input = { question: "Send the meal supply contracts for 2025." };
    expect(await codeOf(askInformationRequest({ db: db(), actor: owner, activityId: draft.id, input }))).toBe("invalid_transition");
    const sent = await activityAt("under_consideration", { actor: owner, agencyId: agency.id, organizationId: organization.id });
    expect(await codeOf(askInformationRequest({ db: db(), actor: owner, activityId: sent.id, input }))).toBe("invalid_transition");
  });
});

describe("the final document", () => {
  it("numbers recommendations as saved, lets them be reordered and removed while unsent, and starts the akimat's 10-day clock", async () => {
    const { agency, staff, owner, organization } = await cast();
    const activity = await activityAt("completed", { actor: owner, agencyId: agency.id, organizationId: organization.id, now: new Date("2026-02-02T06:00:00Z") });
    expect(activity.finalDocumentDueOn).toBe("2026-02-11");
    const saved = await saveFinalDocument({
      db: db(),
      actor: owner,
      activityId: activity.id,
      input: { factsFound: "Portions were short.", recommendations: ["Weigh portions", "Publish contracts", "Fine the contractor"].map((text) => ({ id: null, text })) },
    });
    expect(saved.recommendations.map((r) => [r.position, r.text])).toEqual([
      [1, "Weigh portions"],
      [2, "Publish contracts"],
      [3, "Fine the contractor"],
    ]);
    const [weigh, publish, fine] = saved.recommendations;
    const reordered = await saveFinalDocument({
      db: db(),
      actor: owner,
      activityId: activity.id,
      input: { factsFound: "Portions were 30% short in 4 of 10 schools.", recommendations: [fine, weigh].map((r) => ({ id: r.id, text: r.text })) },
    });
    expect(reordered.recommendations.map((r) => [r.id, r.position])).toEqual([
      [fine.id, 1],
      [weigh.id, 2],
    ]);
    expect(await db().select().from(recommendations).where(eq(recommendations.id, publish.id))).toHaveLength(0);

    const sent = await sendFinalDocument({ db: db(), actor: owner, activityId: activity.id, now: new Date("2026-02-09T06:00:00Z") });
    expect(sent.state).toBe("under_consideration");
    expect(sent.answerDueOn).toBe("2026-02-23");
    const [event] = await db().select().from(events).where(and(eq(events.entityId, activity.id), eq(events.action, "final_document_sent")));
    expect(event.data).toMatchObject({ answerDueOn: "2026-02-23", late: false, recommendations: 2 });
    expect(await mailsTo(staff.email, "mailControl.finalDocumentSent")).toHaveLength(1);
    expect(await codeOf(saveFinalDocument({ db: db(), actor: owner, activityId: activity.id, input: { factsFound: "x", recommendations: [] } }))).toBe(
      "invalid_transition",
    );
  });

  it("refuses to send without facts or recommendations, and records a late sending as late", async () => {
    const { agency, owner, organization } = await cast();
    const activity = await activityAt("completed", { actor: owner, agencyId: agency.id, organizationId: organization.id, now: new Date("2026-02-02T06:00:00Z") });
    const incomplete = await refusal(sendFinalDocument({ db: db(), actor: owner, activityId: activity.id }));
    expect(incomplete).toMatchObject({ code: "validation", fieldErrors: { factsFound: ["factsRequired"], recommendations: ["recommendationsRequired"] } });
    await saveFinalDocument({ db: db(), actor: owner, activityId: activity.id, input: { factsFound: "Facts.", recommendations: [{ id: null, text: "Do better" }] } });
    await sendFinalDocument({ db: db(), actor: owner, activityId: activity.id, now: new Date("2026-02-16T06:00:00Z") });
    const [event] = await db().select().from(events).where(and(eq(events.entityId, activity.id), eq(events.action, "final_document_sent")));
    expect(event.data).toMatchObject({ late: true, finalDocumentDueOn: "2026-02-11" });
  });
});

describe("the akimat's answers and the follow-up", () => {
  it("refuses a hearing with less than 3 working days' notice, then schedules one and tells the subject", async () => {
    const { agency, staff, owner, organization } = await cast();
    const activity = await activityAt("under_consideration", { actor: owner, agencyId: agency.id, organizationId: organization.id });
    const now = new Date("2026-02-05T06:00:00Z"); // Thursday: earliest hearing Tuesday 10 February
    const tooSoon = await refusal(
      scheduleConsiderationHearing({ db: db(), actor: staff, activityId: activity.id, startsAt: new Date("2026-02-09T06:00:00Z"), place: "Akimat, room 301", now }),
    );
    expect(tooSoon.fieldErrors).toEqual({ startsAt: ["hearingNoticeTooShort"] });
    const scheduled = await scheduleConsiderationHearing({
      db: db(),
      actor: staff,
      activityId: activity.id,
      startsAt: new Date("2026-02-10T06:00:00Z"),
      place: "Akimat, room 301",
      now,
    });
    expect(scheduled.state).toBe("hearing");
    expect(scheduled.considerationHearingPlace).toBe("Akimat, room 301");
    expect(await mailsTo(owner.email, "mailControl.hearingScheduled")).toHaveLength(1);
    expect(await codeOf(scheduleConsiderationHearing({ db: db(), actor: staff, activityId: activity.id, startsAt: new Date("2026-03-10T06:00:00Z"), place: "x", now }))).toBe(
      "invalid_transition",
    );
  });

  it("takes answers only for every recommendation at once, each with reasons and, unless rejected, measures and a due day", async () => {
    const { agency, staff, owner, organization } = await cast();
    const activity = await activityAt("under_consideration", { actor: owner, agencyId: agency.id, organizationId: organization.id });
    const recs = await db().select().from(recommendations).where(eq(recommendations.activityId, activity.id)).orderBy(recommendations.position);
    expect(recs).toHaveLength(3);

    const partial = await refusal(
      answerRecommendations({
        db: db(),
        actor: staff,
        activityId: activity.id,
        answers: [{ recommendationId: recs[0].id, decision: "accepted", reasons: "Agreed.", measures: "Scales at every school.", dueOn: "2026-04-01" }],
      }),
    );
    expect(partial.code).toBe("validation");
    expect(Object.values(partial.fieldErrors ?? {})).toEqual([["answerEveryRecommendation"], ["answerEveryRecommendation"]]);
    const noMeasures = await refusal(
      answerRecommendations({
        db: db(),
        actor: staff,
        activityId: activity.id,
        answers: recs.map((r) => ({ recommendationId: r.id, decision: "accepted" as const, reasons: "Agreed.", measures: null, dueOn: null })),
      }),
    );
    expect(noMeasures.code).toBe("validation");
    const [untouched] = await db().select().from(recommendations).where(eq(recommendations.id, recs[0].id));
    expect(untouched.decision).toBeNull();

    const answered = await answerRecommendations({
      db: db(),
      actor: staff,
      activityId: activity.id,
      answers: [
        { recommendationId: recs[0].id, decision: "accepted", reasons: "Agreed.", measures: "Scales at every school.", dueOn: "2026-04-01" },
        { recommendationId: recs[1].id, decision: "partially_accepted", reasons: "Summaries only.", measures: "Publish summaries.", dueOn: "2026-04-15" },
        { recommendationId: recs[2].id, decision: "rejected", reasons: "The contract has no penalty clause.", measures: null, dueOn: null },
      ],
      now: new Date("2026-02-12T06:00:00Z"),
    });
    expect(answered.state).toBe("answered");
    const [event] = await db().select().from(events).where(and(eq(events.entityId, activity.id), eq(events.action, "answered")));
    expect(event.data).toMatchObject({ accepted: 1, partially_accepted: 1, rejected: 1 });
    expect(await mailsTo(owner.email, "mailControl.recommendationsAnswered")).toHaveLength(1);
    expect(await codeOf(answerRecommendations({ db: db(), actor: staff, activityId: activity.id, answers: [] }))).toBe("invalid_transition");
  });

  it("lets the subject mark accepted recommendations on or after their due day, with evidence, and closes the activity after the last", async () => {
    const { agency, staff, owner, organization } = await cast();
    const activity = await activityAt("under_consideration", { actor: owner, agencyId: agency.id, organizationId: organization.id, recommendations: ["Weigh", "Publish", "Fine"] });
    const recs = await db().select().from(recommendations).where(eq(recommendations.activityId, activity.id)).orderBy(recommendations.position);
    await answerRecommendations({
      db: db(),
      actor: staff,
      activityId: activity.id,
      answers: [
        { recommendationId: recs[0].id, decision: "accepted", reasons: "Agreed.", measures: "Scales.", dueOn: "2026-04-01" },
        { recommendationId: recs[1].id, decision: "partially_accepted", reasons: "Partly.", measures: "Summaries.", dueOn: "2026-04-15" },
        { recommendationId: recs[2].id, decision: "rejected", reasons: "No clause.", measures: null, dueOn: null },
      ],
    });
    const input = { implementation: "implemented" as const, note: "Scales seen at all 10 schools." };
    const early = await refusal(markRecommendationImplementation({ db: db(), actor: owner, recommendationId: recs[0].id, input, now: new Date("2026-03-31T06:00:00Z") }));
    expect(early.fieldErrors).toEqual({ implementation: ["beforeMeasuresDue"] });
    expect(await codeOf(markRecommendationImplementation({ db: db(), actor: owner, recommendationId: recs[2].id, input, now: new Date("2026-05-01T06:00:00Z") }))).toBe(
      "invalid_transition",
    );
    expect(await codeOf(closeActivity({ db: db(), actor: owner, activityId: activity.id }))).toBe("invalid_transition");

    const first = await markRecommendationImplementation({
      db: db(),
      actor: owner,
      recommendationId: recs[0].id,
      input,
      evidence: pngFile("scales.png"),
      now: new Date("2026-04-01T06:00:00Z"),
    });
    expect(first.recommendation.implementation).toBe("implemented");
    expect(first.recommendation.implementationEvidenceFileId).toBeTruthy();
    expect(first.activity.state).toBe("answered");
    expect(
      await codeOf(markRecommendationImplementation({ db: db(), actor: owner, recommendationId: recs[0].id, input, now: new Date("2026-04-02T06:00:00Z") })),
    ).toBe("invalid_transition");

    const last = await markRecommendationImplementation({
      db: db(),
      actor: owner,
      recommendationId: recs[1].id,
      input: { implementation: "not_implemented", note: "No summaries were published." },
      now: new Date("2026-04-20T06:00:00Z"),
    });
    expect(last.activity.state).toBe("closed");
    expect(last.activity.closedAt?.toISOString()).toBe("2026-04-20T06:00:00.000Z");
  });

  it("lets the subject close an activity whose recommendations were all rejected", async () => {
    const { agency, staff, owner, organization } = await cast();
    const activity = await activityAt("under_consideration", { actor: owner, agencyId: agency.id, organizationId: organization.id, recommendations: ["Only one"] });
    const [rec] = await db().select().from(recommendations).where(eq(recommendations.activityId, activity.id));
    await answerRecommendations({ db: db(), actor: staff, activityId: activity.id, answers: [{ recommendationId: rec.id, decision: "rejected", reasons: "No.", measures: null, dueOn: null }] });
    const closed = await closeActivity({ db: db(), actor: owner, activityId: activity.id });
    expect(closed.state).toBe("closed");
    expect(await codeOf(closeActivity({ db: db(), actor: owner, activityId: activity.id }))).toBe("invalid_transition");
  });
});

describe("the public timeline", () => {
  it("shows every step of the activity and its requests in order, without the draft's editing", async () => {
    const { agency, staff, owner, organization } = await cast();
    const activity = await activityAt("in_progress", { actor: owner, agencyId: agency.id, organizationId: organization.id });
    const request = await askInformationRequest({ db: db(), actor: owner, activityId: activity.id, input: { question: "Send the contracts, please." } });
    await answerInformationRequest({ db: db(), actor: staff, requestId: request.id, input: { answerText: "Attached.", refusalGround: null } });
    await completeActivity({ db: db(), actor: owner, activityId: activity.id });
    const timeline = await readActivityTimeline(db(), activity.id);
    expect(timeline.map((e) => e.action)).toEqual(["created", "announced", "started", "asked", "answered", "completed"]);
    expect(timeline.find((e) => e.action === "asked")?.entityType).toBe("information_request");
  });
});

describe("a request's overdue mark", () => {
  it("is derived from the due day: pending past it is overdue, answered is not", async () => {
    const { agency, staff, owner, organization } = await cast();
    const activity = await activityAt("in_progress", { actor: owner, agencyId: agency.id, organizationId: organization.id });
    const now = new Date("2026-02-02T06:00:00Z");
    const pending = await askInformationRequest({ db: db(), actor: owner, activityId: activity.id, input: { question: "Send the contracts, please." }, now });
    const answered = await askInformationRequest({ db: db(), actor: owner, activityId: activity.id, input: { question: "Send the menus, please." }, now });
    await answerInformationRequest({ db: db(), actor: staff, requestId: answered.id, input: { answerText: "Attached.", refusalGround: null } });
    const current = (await activityById(db(), activity.id))!;
    const onDueDay = await loadActivityDetails(db(), current, null, "2026-02-23");
    expect(onDueDay.requests.map((r) => r.overdue)).toEqual([false, false]);
    const dayAfter = await loadActivityDetails(db(), current, null, "2026-02-24");
    expect(dayAfter.requests.map((r) => [r.id, r.overdue])).toEqual([
      [pending.id, true],
      [answered.id, false],
    ]);
    const [row] = await db().select().from(informationRequests).where(eq(informationRequests.id, pending.id));
    expect(row.dueOn).toBe("2026-02-23");
  });
});
