import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { activities, recommendations } from "@/db/schema";
import { insertFileRow, prepareUpload } from "@/lib/files/store-upload";
import { loadFileForReading } from "@/lib/files/load-file-for-reading";
import { removeMember } from "@/lib/organizations/remove-member";
import { listAgencyPublicControlInbox } from "@/lib/public-control/agency-inbox";
import { announceActivity } from "@/lib/public-control/announce-activity";
import { answerInformationRequest } from "@/lib/public-control/answer-information-request";
import { answerRecommendations } from "@/lib/public-control/answer-recommendations";
import { askInformationRequest } from "@/lib/public-control/ask-information-request";
import { closeActivity } from "@/lib/public-control/close-activity";
import { completeActivity } from "@/lib/public-control/complete-activity";
import { createActivity } from "@/lib/public-control/create-activity";
import { visibleActivityByNumber } from "@/lib/public-control/load-activity";
import { markRecommendationImplementation } from "@/lib/public-control/mark-implementation";
import { saveFinalDocument } from "@/lib/public-control/save-final-document";
import { scheduleConsiderationHearing } from "@/lib/public-control/schedule-consideration-hearing";
import { sendFinalDocument } from "@/lib/public-control/send-final-document";
import { startActivity } from "@/lib/public-control/start-activity";
import { addTeamMember, removeTeamMember } from "@/lib/public-control/team-members";
import { updateActivity } from "@/lib/public-control/update-activity";
import type { Actor } from "@/lib/auth/actor";
import { codeOf } from "./support/domain-errors";
import { actorFor, addAgencyMember, addOrganizationMember, createAgency, createOrganization, createUser } from "./support/factories";
import { activityAt, cast, draftActivity, pngFile } from "./support/public-control-activities";

process.env.BIRGE_UPLOADS_DIR ??= path.join(os.tmpdir(), "birge-test-uploads");

const db = () => getDb();

/** A member of another, verified NGO. */
async function otherNgoMember(): Promise<Actor> {
  const user = await createUser({ name: "Other NGO" });
  await createOrganization(user.id, "verified");
  return actorFor(user.id);
}

const teamInput = { name: "Intruder", role: "Lead", conflictOfInterestDeclaration: "No conflicts at all, honestly." };
const question = { question: "Send every contract you have signed." };

/** Every subject-side change, tried by `actor` on `activityId`; returns the refusal codes. */
async function everySubjectChange(actor: Actor | null, activityId: string) {
  const [activity] = await db().select().from(activities).where(eq(activities.id, activityId));
  const [rec] = await db().select().from(recommendations).where(eq(recommendations.activityId, activityId));
  const input = { ...activity, organizationId: null };
  return {
    update: await codeOf(updateActivity({ db: db(), actor, activityId, input })),
    addTeam: await codeOf(addTeamMember({ db: db(), actor, activityId, input: teamInput })),
    removeTeam: await codeOf(removeTeamMember({ db: db(), actor, activityId, memberId: "x" })),
    announce: await codeOf(announceActivity({ db: db(), actor, activityId })),
    start: await codeOf(startActivity({ db: db(), actor, activityId })),
    complete: await codeOf(completeActivity({ db: db(), actor, activityId })),
    ask: await codeOf(askInformationRequest({ db: db(), actor, activityId, input: question })),
    save: await codeOf(saveFinalDocument({ db: db(), actor, activityId, input: { factsFound: "Hijacked", recommendations: [] } })),
    send: await codeOf(sendFinalDocument({ db: db(), actor, activityId })),
    close: await codeOf(closeActivity({ db: db(), actor, activityId })),
    ...(rec
      ? { mark: await codeOf(markRecommendationImplementation({ db: db(), actor, recommendationId: rec.id, input: { implementation: "implemented", note: "Hijacked note" } })) }
      : {}),
  };
}

/** The same refusal for every change; `mark` only where the activity has recommendations. */
function all(code: string, withRecommendations = false) {
  const codes = { update: code, addTeam: code, removeTeam: code, announce: code, start: code, complete: code, ask: code, save: code, send: code, close: code };
  return withRecommendations ? { ...codes, mark: code } : codes;
}

describe("only the subject acts for an activity", () => {
  it("refuses a member of another NGO every change, at every stage, and hides the draft from them", async () => {
    const { agency, owner, organization } = await cast();
    const intruder = await otherNgoMember();
    const draft = await draftActivity({ actor: owner, agencyId: agency.id, organizationId: organization.id });
    expect(await everySubjectChange(intruder, draft.id)).toEqual(all("not_found"));
    expect(await visibleActivityByNumber(db(), draft.number, intruder)).toBeNull();
    expect(await visibleActivityByNumber(db(), draft.number, null)).toBeNull();
    expect(await visibleActivityByNumber(db(), draft.number, owner)).not.toBeNull();

    for (const stage of ["announced", "in_progress", "completed", "under_consideration"] as const) {
      const activity = await activityAt(stage, { actor: owner, agencyId: agency.id, organizationId: organization.id });
      expect(await everySubjectChange(intruder, activity.id), stage).toEqual(all("forbidden", stage === "under_consideration"));
      expect(await visibleActivityByNumber(db(), activity.number, intruder)).not.toBeNull();
    }
  });

  it("refuses an NGO member drafting for an organization they do not belong to", async () => {
    const { agency, organization } = await cast();
    const intruder = await otherNgoMember();
    const input = {
      title: "Monitoring on someone else's behalf",
      subjectMatter: "Trying to act for an NGO I do not belong to.",
      goals: "This must be refused by the domain function.",
      agencyId: agency.id,
      organizationId: organization.id,
      forms: ["monitoring" as const],
      plannedStart: "2026-02-02",
      plannedEnd: "2026-02-27",
    };
    expect(await codeOf(createActivity({ db: db(), actor: intruder, input }))).toBe("forbidden");
    expect(await codeOf(createActivity({ db: db(), actor: null, input }))).toBe("unauthenticated");
  });

  it("lets any member of the subject organization act, and stops a removed member at once", async () => {
    const { agency, owner, organization } = await cast();
    const memberUser = await createUser({ name: "Member" });
    await addOrganizationMember(organization.id, memberUser.id, "member");
    const member = await actorFor(memberUser.id);
    const activity = await activityAt("announced", { actor: owner, agencyId: agency.id, organizationId: organization.id });
    expect((await startActivity({ db: db(), actor: member, activityId: activity.id })).state).toBe("in_progress");
    await removeMember({ db: db(), actor: owner, organizationId: organization.id, userId: member.id });
    const removed = await actorFor(member.id);
    expect(await codeOf(completeActivity({ db: db(), actor: removed, activityId: activity.id }))).toBe("forbidden");
  });

  it("keeps a citizen's activity to that citizen: not another citizen, not a moderator, not the citizen's NGO", async () => {
    const { agency } = await cast();
    const citizenUser = await createUser({ name: "Citizen" });
    const citizen = await actorFor(citizenUser.id);
    const other = await actorFor((await createUser()).id);
    const moderator = await actorFor((await createUser({ platformRoles: ["moderator"] })).id);
    const draft = await draftActivity({ actor: citizen, agencyId: agency.id });
    expect(await everySubjectChange(other, draft.id)).toEqual(all("not_found"));
    expect(await everySubjectChange(moderator, draft.id)).toEqual(all("not_found"));
    const announced = await activityAt("announced", { actor: citizen, agencyId: agency.id });
    // The citizen's own NGO is not the subject of a citizen activity.
    const colleague = await actorFor((await createUser()).id);
    const ngo = await createOrganization(citizenUser.id, "verified");
    await addOrganizationMember(ngo.id, colleague.id, "member");
    expect(await everySubjectChange(colleague, announced.id)).toEqual(all("forbidden"));
    expect(await everySubjectChange(other, announced.id)).toEqual(all("forbidden"));
    expect((await startActivity({ db: db(), actor: citizen, activityId: announced.id })).state).toBe("in_progress");
  });
});

describe("only the object's staff answer", () => {
  it("refuses the subject, a citizen and another agency's staff, as not found", async () => {
    const { agency, staff, owner, organization } = await cast();
    const otherAgency = await createAgency();
    const otherStaffUser = await createUser();
    await addAgencyMember(otherAgency.id, otherStaffUser.id, "supervisor");
    const otherStaff = await actorFor(otherStaffUser.id);
    const activity = await activityAt("in_progress", { actor: owner, agencyId: agency.id, organizationId: organization.id });
    const request = await askInformationRequest({ db: db(), actor: owner, activityId: activity.id, input: question });
    for (const actor of [owner, otherStaff]) {
      expect(await codeOf(answerInformationRequest({ db: db(), actor, requestId: request.id, input: { answerText: "Nothing", refusalGround: null } }))).toBe("not_found");
    }
    expect(await codeOf(answerInformationRequest({ db: db(), actor: null, requestId: request.id, input: { answerText: "Nothing", refusalGround: null } }))).toBe(
      "unauthenticated",
    );
    await completeActivity({ db: db(), actor: owner, activityId: activity.id });
    await saveFinalDocument({ db: db(), actor: owner, activityId: activity.id, input: { factsFound: "Facts.", recommendations: [{ id: null, text: "One" }] } });
    await sendFinalDocument({ db: db(), actor: owner, activityId: activity.id });
    const [rec] = await db().select().from(recommendations).where(eq(recommendations.activityId, activity.id));
    const answers = [{ recommendationId: rec.id, decision: "rejected" as const, reasons: "No.", measures: null, dueOn: null }];
    for (const actor of [owner, otherStaff]) {
      expect(await codeOf(answerRecommendations({ db: db(), actor, activityId: activity.id, answers }))).toBe("not_found");
      expect(await codeOf(scheduleConsiderationHearing({ db: db(), actor, activityId: activity.id, startsAt: new Date("2030-01-10T06:00:00Z"), place: "Hall" }))).toBe(
        "not_found",
      );
    }
    expect((await answerRecommendations({ db: db(), actor: staff, activityId: activity.id, answers })).state).toBe("answered");
  });
});

describe("the agency's inbox", () => {
  it("lists what the object owes, soonest first, to its own staff only", async () => {
    const { agency, staff, owner, organization } = await cast();
    const working = await activityAt("in_progress", { actor: owner, agencyId: agency.id, organizationId: organization.id });
    await askInformationRequest({ db: db(), actor: owner, activityId: working.id, input: question, now: new Date("2026-02-02T06:00:00Z") });
    const sent = await activityAt("under_consideration", { actor: owner, agencyId: agency.id, organizationId: organization.id, now: new Date("2026-02-03T06:00:00Z") });
    const inbox = await listAgencyPublicControlInbox({ db: db(), actor: staff, agencyId: agency.id, today: "2026-02-20" });
    expect(inbox.map((i) => [i.kind, i.activityNumber, i.dueOn, i.overdue])).toEqual([
      ["final_document", sent.number, "2026-02-17", true],
      ["information_request", working.number, "2026-02-23", false],
    ]);
    expect(await codeOf(listAgencyPublicControlInbox({ db: db(), actor: owner, agencyId: agency.id, today: "2026-02-20" }))).toBe("not_found");
  });
});

describe("files of a draft", () => {
  it("cannot be fetched by anyone but the subject until the activity is announced", async () => {
    const { agency, owner, organization } = await cast();
    const intruder = await otherNgoMember();
    const draft = await draftActivity({ actor: owner, agencyId: agency.id, organizationId: organization.id });
    const prepared = await prepareUpload(pngFile("draft-photo.png"));
    const file = await insertFileRow(db(), { prepared, uploadedBy: owner.id, purpose: "evidence", activityId: draft.id });
    expect(await codeOf(loadFileForReading({ db: db(), actor: null, fileId: file.id }))).toBe("not_found");
    expect(await codeOf(loadFileForReading({ db: db(), actor: intruder, fileId: file.id }))).toBe("not_found");
    expect(await codeOf(loadFileForReading({ db: db(), actor: owner, fileId: file.id }))).toBe("ok");
    await announceActivity({ db: db(), actor: owner, activityId: draft.id });
    expect(await codeOf(loadFileForReading({ db: db(), actor: null, fileId: file.id }))).toBe("ok");
  });
});
