import { formatDateTime } from "@/lib/i18n/format";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, mailMessages } from "@/db/schema";
import type { ActivityForm, ActivityState } from "@/lib/public-control/states";
import { isDomainError } from "@/lib/errors";
import { loadFileForReading } from "@/lib/files/load-file-for-reading";
import { listHearings } from "@/lib/public-control/forms/form-queries";
import { publishHearingProtocol } from "@/lib/public-control/forms/publish-hearing-protocol";
import { HearingTooSoonError, scheduleHearing } from "@/lib/public-control/forms/schedule-hearing";
import { actorFor, addAgencyMember, createOrganization, createUser } from "./support/factories";
import { organizationActivityIn } from "./support/public-control-activities";

process.env.BIRGE_UPLOADS_DIR = mkdtempSync(path.join(os.tmpdir(), "birge-hearings-test-"));

const db = () => getDb();
// Wednesday 4 March 2026: three working days on are Thu 5, Fri 6 and, past the weekend and
// the 9 March day off (Women's Day moved from Sunday), Tuesday 10 March.
const WEDNESDAY = new Date("2026-03-04T06:00:00Z");

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isDomainError(error)) return error.fieldErrors ? `${error.code}:${Object.entries(error.fieldErrors).map(([f, k]) => `${f}=${k.join(",")}`).join(";")}` : `${error.code}:${error.message}`;
    throw error;
  }
}

const BUS_ROUTES = { title: "Bus routes of Shymkent", subjectMatter: "The new route network", goals: "Hear the residents before the routes change" };

/** An NGO's activity in the given forms and state, with a member of the agency's staff. */
async function organizationActivity(forms: ActivityForm[] = ["hearing"], state: ActivityState = "in_progress") {
  const { activity, owner, agency } = await organizationActivityIn({ forms, state, subject: BUS_ROUTES });
  const staff = await createUser();
  await addAgencyMember(agency.id, staff.id, "staff");
  return { activity, owner, staff };
}

const hearing = { kind: "public_hearing" as const, startsAt: "2026-03-10T15:00", place: "Akimat, hall 2", agenda: "The new bus route network and residents' questions." };

describe("scheduling a hearing", () => {
  it("needs three working days' notice, counted past the weekend and the moved day off", async () => {
    const { activity, owner, staff } = await organizationActivity();
    let refusal: unknown;
    try {
      await scheduleHearing({ db: db(), actor: owner, activityId: activity.id, input: { ...hearing, startsAt: "2026-03-09T15:00" }, now: WEDNESDAY });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(HearingTooSoonError);
    expect(refusal).toMatchObject({ code: "validation", earliestAllowedOn: "2026-03-10", fieldErrors: { startsAt: ["hearingTooSoon"] } });

    const scheduled = await scheduleHearing({ db: db(), actor: owner, activityId: activity.id, input: hearing, now: WEDNESDAY });
    expect(scheduled).toMatchObject({ kind: "public_hearing", place: "Akimat, hall 2", earliestAllowedOn: "2026-03-10" });
    expect(scheduled.startsAt.toISOString()).toBe("2026-03-10T10:00:00.000Z");
    const [event] = await db().select().from(events).where(and(eq(events.entityId, activity.id), eq(events.action, "hearing_scheduled")));
    expect(event.data).toMatchObject({ earliestAllowedOn: "2026-03-10", explanation: { due: "2026-03-10", skipped: expect.arrayContaining([expect.objectContaining({ day: "2026-03-09" })]) } });
    const mail = await db().select().from(mailMessages).where(and(eq(mailMessages.toAddress, staff.email), eq(mailMessages.template, "activityForms.mail.hearingScheduled")));
    expect(mail).toHaveLength(1);
    // The hearing's time in the reader's language and Almaty time, never as 2026-03-10 15:00.
    expect(mail[0].textBody).toContain(formatDateTime(staff.locale ?? "kk", new Date("2026-03-10T10:00:00Z")));
    expect(mail[0].textBody).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("refuses a hearing whose form the plan lacks, one without place or link, and anyone but the subject", async () => {
    const { activity, owner } = await organizationActivity(["hearing"]);
    expect(await codeOf(scheduleHearing({ db: db(), actor: owner, activityId: activity.id, input: { ...hearing, kind: "report_hearing" }, now: WEDNESDAY }))).toBe(
      "invalid_transition:formNotUsed",
    );
    expect(await codeOf(scheduleHearing({ db: db(), actor: owner, activityId: activity.id, input: { ...hearing, place: "" }, now: WEDNESDAY }))).toBe("validation:place=placeOrVideo");
    const rivalOwner = await createUser();
    await createOrganization(rivalOwner.id);
    expect(await codeOf(scheduleHearing({ db: db(), actor: await actorFor(rivalOwner.id), activityId: activity.id, input: hearing, now: WEDNESDAY }))).toBe("forbidden:forbidden");
    const online = await scheduleHearing({ db: db(), actor: owner, activityId: activity.id, input: { ...hearing, place: "", videoUrl: "https://meet.example.kz/bus" }, now: WEDNESDAY });
    expect(online).toMatchObject({ place: null, videoUrl: "https://meet.example.kz/bus" });
  });
});

describe("the protocol of a hearing", () => {
  it("is published by the subject once the hearing has begun, as text and a PDF anyone can fetch", async () => {
    const { activity, owner } = await organizationActivity(["report_hearing"]);
    const scheduled = await scheduleHearing({ db: db(), actor: owner, activityId: activity.id, input: { ...hearing, kind: "report_hearing" }, now: WEDNESDAY });
    const pdf = new File([new TextEncoder().encode("%PDF-1.4\nprotocol\n%%EOF")], "protocol.pdf");
    expect(await codeOf(publishHearingProtocol({ db: db(), actor: owner, hearingId: scheduled.id, input: { protocol: "Too early" }, now: WEDNESDAY }))).toBe(
      "validation:protocol=protocolBeforeHearing",
    );
    const stranger = await actorFor((await createUser()).id);
    const after = new Date("2026-03-10T13:00:00Z");
    expect(await codeOf(publishHearingProtocol({ db: db(), actor: stranger, hearingId: scheduled.id, input: { protocol: "Fake protocol" }, file: pdf, now: after }))).toBe("forbidden:forbidden");
    expect(await codeOf(publishHearingProtocol({ db: db(), actor: owner, hearingId: scheduled.id, input: { protocol: "" }, now: after }))).toBe("validation:protocol=textOrFile");

    const published = await publishHearingProtocol({ db: db(), actor: owner, hearingId: scheduled.id, input: { protocol: "42 residents attended; 12 questions." }, file: pdf, now: after });
    expect(published.protocolPublishedAt).toEqual(after);
    const [listed] = await listHearings(db(), activity.id);
    expect(listed.protocolFile?.mimeType).toBe("application/pdf");
    expect(await codeOf(loadFileForReading({ db: db(), actor: null, fileId: listed.protocolFile!.id }))).toBe("ok");
    const history = await db().select().from(events).where(eq(events.entityId, activity.id)).orderBy(events.id);
    expect(history.map((e) => e.action)).toEqual(["hearing_scheduled", "hearing_protocol_published"]);
  });
});
