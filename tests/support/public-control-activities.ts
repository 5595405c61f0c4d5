// Activities made for tests, through the same domain functions people use (or, to start a
// test of one form mid-activity, inserted directly in a state).
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { activities, type Activity } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { announceActivity } from "@/lib/public-control/announce-activity";
import { completeActivity } from "@/lib/public-control/complete-activity";
import { createActivity } from "@/lib/public-control/create-activity";
import { saveFinalDocument } from "@/lib/public-control/save-final-document";
import type { ActivityForm, ActivityState } from "@/lib/public-control/states";
import { sendFinalDocument } from "@/lib/public-control/send-final-document";
import { startActivity } from "@/lib/public-control/start-activity";
import { addTeamMember } from "@/lib/public-control/team-members";
import { actorFor, addAgencyMember, createAgency, createOrganization, createUser, ensureRegion } from "./factories";

/** A tiny valid PNG (the signature is what the upload check reads). */
export function pngFile(name = "photo.png"): File {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, ...crypto.getRandomValues(new Uint8Array(16))]);
  return new File([bytes], name, { type: "image/png" });
}

export function pdfFile(name = "charter.pdf"): File {
  return new File([`%PDF-1.4\n% ${crypto.randomUUID()}\n`], name, { type: "application/pdf" });
}

/** A city akimat with one staff member, and a verified NGO with its owner: the usual cast. */
export async function cast(options: { organizationState?: "pending" | "verified" } = {}) {
  const agency = await createAgency({ level: "city_akimat", regionCode: await ensureRegion() });
  const staffUser = await createUser({ name: "Akimat Staff" });
  await addAgencyMember(agency.id, staffUser.id, "staff");
  const ownerUser = await createUser({ name: "NGO Owner" });
  const organization = await createOrganization(ownerUser.id, options.organizationState ?? "verified");
  return { agency, staff: await actorFor(staffUser.id), owner: await actorFor(ownerUser.id), organization };
}

export async function draftActivity(options: { actor: Actor; agencyId: string; organizationId?: string | null; forms?: ActivityForm[]; team?: boolean; now?: Date }) {
  const db = getDb();
  const activity = await createActivity({
    db,
    actor: options.actor,
    now: options.now,
    input: {
      title: "Monitoring of school meals in the city",
      subjectMatter: "How the akimat's contractors deliver free school meals in district schools.",
      goals: "Check portion sizes, hygiene and delivery times against the contracts.",
      agencyId: options.agencyId,
      organizationId: options.organizationId ?? null,
      forms: options.forms ?? ["monitoring"],
      plannedStart: "2026-02-02",
      plannedEnd: "2026-02-27",
    },
  });
  if (options.team !== false) {
    await addTeamMember({
      db,
      actor: options.actor,
      activityId: activity.id,
      now: options.now,
      input: { name: "Aliya Serikbayeva", role: "Team lead", conflictOfInterestDeclaration: "I have no ties to the contractors or the akimat." },
    });
  }
  return activity;
}

/** Moves a fresh activity through the subject's steps up to `until`. */
export async function activityAt(
  until: "announced" | "in_progress" | "completed" | "under_consideration",
  options: { actor: Actor; agencyId: string; organizationId?: string | null; now?: Date; recommendations?: string[] },
): Promise<Activity> {
  const db = getDb();
  const base = { db, actor: options.actor, now: options.now };
  let activity = await draftActivity(options);
  activity = await announceActivity({ ...base, activityId: activity.id });
  if (until === "announced") return activity;
  activity = await startActivity({ ...base, activityId: activity.id });
  if (until === "in_progress") return activity;
  activity = await completeActivity({ ...base, activityId: activity.id });
  if (until === "completed") return activity;
  await saveFinalDocument({
    ...base,
    activityId: activity.id,
    input: {
      factsFound: "Portions were 30% below the contract in 4 of 10 schools visited.",
      recommendations: (options.recommendations ?? ["Weigh portions on delivery", "Publish the contracts", "Fine the contractor"]).map((text) => ({ id: null, text })),
    },
  });
  return sendFinalDocument({ ...base, activityId: activity.id });
}

/** What an activity looks into and why, as its plan states it. */
export type ActivitySubject = { title: string; subjectMatter: string; goals: string };

/**
 * An NGO with its owner (Dana Seitkali), whose activity in the given forms is put straight
 * into `state` (in progress by default), planned for March and April 2026.
 */
export async function organizationActivityIn(options: { forms: ActivityForm[]; state?: ActivityState; subject: ActivitySubject }) {
  const owner = await createUser({ name: "Dana Seitkali" });
  const organization = await createOrganization(owner.id);
  const agency = await createAgency();
  const [activity] = await getDb()
    .insert(activities)
    .values({
      subjectType: "organization",
      subjectUserId: owner.id,
      organizationId: organization.id,
      agencyId: agency.id,
      forms: options.forms,
      ...options.subject,
      plannedStart: "2026-03-02",
      plannedEnd: "2026-04-30",
      state: options.state ?? "in_progress",
    })
    .returning();
  return { activity, owner: await actorFor(owner.id), organization, agency };
}

/** Sets an activity's fields directly, to start a test from a given point. */
export async function forceActivity(id: string, values: Partial<Activity>): Promise<Activity> {
  const [row] = await getDb().update(activities).set(values).where(eq(activities.id, id)).returning();
  return row;
}
