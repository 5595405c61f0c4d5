import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { activities, events, files, observations } from "@/db/schema";
import type { ActivityForm, ActivityState } from "@/lib/public-control/states";
import { isDomainError } from "@/lib/errors";
import { loadFileForReading } from "@/lib/files/load-file-for-reading";
import { addExpertiseComment } from "@/lib/public-control/forms/add-expertise-comment";
import { listObservations, loadExpertise } from "@/lib/public-control/forms/form-queries";
import { recordObservation } from "@/lib/public-control/forms/record-observation";
import { saveDraftAct } from "@/lib/public-control/forms/save-draft-act";
import { actorFor, addOrganizationMember, createAgency, createOrganization, createUser } from "./support/factories";
import { organizationActivityIn } from "./support/public-control-activities";

process.env.BIRGE_UPLOADS_DIR = mkdtempSync(path.join(os.tmpdir(), "birge-forms-test-"));

const db = () => getDb();
const NOW = new Date("2026-03-04T06:00:00Z"); // Wednesday, 11:00 in Almaty

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isDomainError(error)) return error.fieldErrors ? `${error.code}:${Object.entries(error.fieldErrors).map(([f, k]) => `${f}=${k.join(",")}`).join(";")}` : error.code;
    throw error;
  }
}

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : part)));
const jpeg = (name = "photo.jpg") => new File([bytes([0xff, 0xd8, 0xff, 0xe0], `JFIF ${Math.random()}`)], name);
const pdf = (name = "act.pdf") => new File([bytes(`%PDF-1.7\n${Math.random()}\n%%EOF`)], name);

const SCHOOL_CANTEENS = { title: "Canteens of Almaty schools", subjectMatter: "School meals", goals: "Check that hot meals are served" };

/** An NGO with its owner, running an activity in the given forms and state. */
function organizationActivity(forms: ActivityForm[], state: ActivityState = "in_progress") {
  return organizationActivityIn({ forms, state, subject: SCHOOL_CANTEENS });
}

async function citizenActivity(forms: ActivityForm[], state: ActivityState = "in_progress") {
  const citizen = await createUser({ name: "Yerlan Abenov" });
  const agency = await createAgency();
  const [activity] = await db()
    .insert(activities)
    .values({
      subjectType: "citizen",
      subjectUserId: citizen.id,
      agencyId: agency.id,
      forms,
      title: "Street lights in Nura district",
      subjectMatter: "Street lighting",
      goals: "Map broken street lights",
      plannedStart: "2026-03-02",
      plannedEnd: "2026-04-30",
      state,
    })
    .returning();
  return { activity, citizen: await actorFor(citizen.id) };
}

const observation = { observedOn: "2026-03-03", place: "School No. 45, Almaty", text: "No hot meal was served to the second shift at all." };

describe("public monitoring", () => {
  it("lets a member of the NGO record an observation with two evidence files, which anyone can then fetch", async () => {
    const { activity, organization } = await organizationActivity(["monitoring"]);
    const member = await createUser();
    await addOrganizationMember(organization.id, member.id, "member");
    const aigul = await actorFor(member.id);
    const recorded = await recordObservation({ db: db(), actor: aigul, activityId: activity.id, input: observation, files: [jpeg(), pdf("menu.pdf")], now: NOW });
    expect(recorded).toMatchObject({ observedOn: "2026-03-03", place: "School No. 45, Almaty", authorId: aigul.id });
    const [listed] = await listObservations(db(), activity.id);
    expect(listed.files.map((f) => [f.mimeType, f.originalName])).toEqual([
      ["image/jpeg", "photo.jpg"],
      ["application/pdf", "menu.pdf"],
    ]);
    const stored = await db().select().from(files).where(eq(files.activityId, activity.id));
    expect(stored.every((f) => f.purpose === "evidence")).toBe(true);
    expect(await codeOf(loadFileForReading({ db: db(), actor: null, fileId: listed.files[0].id }))).toBe("ok");
    const [event] = await db().select().from(events).where(and(eq(events.entityId, activity.id), eq(events.action, "observation_recorded")));
    expect(event).toMatchObject({ entityType: "activity", actorId: aigul.id });
    expect(event.data).toMatchObject({ observationId: recorded.id, fileIds: listed.files.map((f) => f.id) });
  });

  it("refuses a member of another NGO, a stranger on a draft, and a citizen on someone else's activity", async () => {
    const { activity } = await organizationActivity(["monitoring"]);
    const otherOwner = await createUser();
    await createOrganization(otherOwner.id);
    const rival = await actorFor(otherOwner.id);
    expect(await codeOf(recordObservation({ db: db(), actor: rival, activityId: activity.id, input: observation, files: [jpeg()], now: NOW }))).toBe("forbidden");
    expect(await codeOf(recordObservation({ db: db(), actor: null, activityId: activity.id, input: observation, now: NOW }))).toBe("unauthenticated");

    const { activity: draft, owner } = await organizationActivity(["monitoring"], "draft");
    expect(await codeOf(recordObservation({ db: db(), actor: rival, activityId: draft.id, input: observation, now: NOW }))).toBe("not_found");
    expect(await codeOf(recordObservation({ db: db(), actor: owner, activityId: draft.id, input: observation, now: NOW }))).toBe("invalid_transition");

    const { activity: yerlans, citizen } = await citizenActivity(["monitoring"]);
    expect(await codeOf(recordObservation({ db: db(), actor: owner, activityId: yerlans.id, input: observation, now: NOW }))).toBe("forbidden");
    expect(await codeOf(recordObservation({ db: db(), actor: citizen, activityId: yerlans.id, input: observation, now: NOW }))).toBe("ok");
    // Nothing the refused people sent was kept.
    const rows = await db().select().from(observations).where(eq(observations.activityId, activity.id));
    expect(rows).toEqual([]);
    expect(await db().select().from(files).where(eq(files.uploadedBy, rival.id))).toEqual([]);
  });

  it("refuses a form the plan does not list, a finished activity, a future day and an HTML page posing as a photo", async () => {
    const { activity, owner } = await organizationActivity(["expertise"]);
    expect(await codeOf(recordObservation({ db: db(), actor: owner, activityId: activity.id, input: observation, now: NOW }))).toBe("invalid_transition");
    const { activity: completed, owner: completedOwner } = await organizationActivity(["monitoring"], "completed");
    expect(await codeOf(recordObservation({ db: db(), actor: completedOwner, activityId: completed.id, input: observation, now: NOW }))).toBe("invalid_transition");

    const { activity: running, owner: runner } = await organizationActivity(["monitoring"], "announced");
    const record = (input: typeof observation, evidence: File[] = []) =>
      codeOf(recordObservation({ db: db(), actor: runner, activityId: running.id, input, files: evidence, now: NOW }));
    expect(await record({ ...observation, observedOn: "2026-03-05" })).toBe("validation:observedOn=dateInFuture");
    expect(await record({ ...observation, observedOn: "03/03/2026", text: "" })).toBe("validation:observedOn=date;text=required");
    expect(await record(observation, [new File(["<html><script>alert(1)</script>"], "photo.jpg", { type: "image/jpeg" })])).toBe("validation:evidence=fileType");
    expect(await db().select().from(observations).where(eq(observations.activityId, running.id))).toEqual([]);
    expect(await record(observation, [jpeg()])).toBe("ok");
  });
});

describe("public expertise", () => {
  it("lets the NGO set the draft act as text, then attach its PDF, and number the clause-by-clause remarks", async () => {
    const { activity, owner } = await organizationActivity(["expertise"]);
    const first = await saveDraftAct({ db: db(), actor: owner, activityId: activity.id, input: { title: "Draft rules on school meals", text: "Article 1. Meals are hot." }, now: NOW });
    expect(first.fileId).toBeNull();
    const second = await saveDraftAct({ db: db(), actor: owner, activityId: activity.id, input: { title: "Draft rules on school meals", text: "" }, file: pdf(), now: NOW });
    expect(second.id).toBe(first.id);
    expect(second.text).toBeNull();
    expect(second.fileId).not.toBeNull();
    expect(await codeOf(saveDraftAct({ db: db(), actor: owner, activityId: activity.id, input: { title: "Draft rules" }, file: jpeg(), now: NOW }))).toBe("validation:file=pdfOnly");

    const input = { clause: "Art. 5, p. 2", quotedText: "meals may be served cold", comment: "Cold meals contradict the sanitary rules.", recommendation: "Delete the words 'may be served cold'." };
    const one = await addExpertiseComment({ db: db(), actor: owner, activityId: activity.id, input, now: NOW });
    const two = await addExpertiseComment({ db: db(), actor: owner, activityId: activity.id, input: { clause: "Art. 7", comment: "The deadline of one day is too short.", quotedText: "", recommendation: "" }, now: NOW });
    expect([one.position, two.position]).toEqual([1, 2]);
    expect(two.quotedText).toBeNull();
    const view = await loadExpertise(db(), activity.id);
    expect(view.draftAct?.file?.mimeType).toBe("application/pdf");
    expect(view.comments.map((c) => c.clause)).toEqual(["Art. 5, p. 2", "Art. 7"]);
    const history = await db().select().from(events).where(eq(events.entityId, activity.id)).orderBy(events.id);
    expect(history.map((e) => e.action)).toEqual(["draft_act_saved", "draft_act_saved", "expertise_comment_added", "expertise_comment_added"]);
  });

  it("refuses remarks from anyone but the subject, and a draft act with neither text nor file", async () => {
    const { activity, owner } = await organizationActivity(["expertise"]);
    const stranger = await actorFor((await createUser()).id);
    const input = { clause: "Art. 1", comment: "This clause is unclear to readers." };
    expect(await codeOf(addExpertiseComment({ db: db(), actor: stranger, activityId: activity.id, input, now: NOW }))).toBe("forbidden");
    expect(await codeOf(saveDraftAct({ db: db(), actor: stranger, activityId: activity.id, input: { title: "Hijacked act", text: "x" }, now: NOW }))).toBe("forbidden");
    expect(await codeOf(saveDraftAct({ db: db(), actor: owner, activityId: activity.id, input: { title: "An act", text: "  " }, now: NOW }))).toBe("validation:text=textOrFile");
  });
});
