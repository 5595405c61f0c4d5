import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { mailMessages } from "@/db/schema";
import { jobHandlers, SCHEDULES } from "@/lib/jobs/registry";
import { REMIND_FINAL_DOCUMENTS_QUEUE, remindFinalDocuments } from "@/lib/public-control/remind-final-documents";
import { saveFinalDocument } from "@/lib/public-control/save-final-document";
import { sendFinalDocument } from "@/lib/public-control/send-final-document";
import { activityAt, cast } from "./support/public-control-activities";

const db = () => getDb();

async function reminders(email: string) {
  return (await db().select().from(mailMessages).where(eq(mailMessages.toAddress, email))).filter((m) => m.template.startsWith("mailControl.finalDocument"));
}

describe("the final document reminder", () => {
  it("reminds the subject 2 working days before the due day, once a day, then daily while overdue, and stops once sent", async () => {
    const { agency, owner, organization } = await cast();
    // Completed Monday 2 February 2026: due Wednesday 11 February.
    const activity = await activityAt("completed", { actor: owner, agencyId: agency.id, organizationId: organization.id, now: new Date("2026-02-02T06:00:00Z") });
    expect(activity.finalDocumentDueOn).toBe("2026-02-11");

    await remindFinalDocuments({ db: db(), now: new Date("2026-02-06T04:00:00Z") });
    expect(await reminders(owner.email)).toHaveLength(0);

    await remindFinalDocuments({ db: db(), now: new Date("2026-02-09T04:00:00Z") });
    await remindFinalDocuments({ db: db(), now: new Date("2026-02-09T10:00:00Z") });
    const soon = await reminders(owner.email);
    expect(soon.map((m) => m.template)).toEqual(["mailControl.finalDocumentDueSoon"]);
    expect(soon[0].textBody).toContain(`/activities/${activity.number}`);

    await remindFinalDocuments({ db: db(), now: new Date("2026-02-12T04:00:00Z") });
    expect((await reminders(owner.email)).map((m) => m.template)).toContain("mailControl.finalDocumentOverdue");

    await saveFinalDocument({ db: db(), actor: owner, activityId: activity.id, input: { factsFound: "Facts.", recommendations: [{ id: null, text: "One" }] } });
    await sendFinalDocument({ db: db(), actor: owner, activityId: activity.id, now: new Date("2026-02-12T06:00:00Z") });
    const before = (await reminders(owner.email)).length;
    await remindFinalDocuments({ db: db(), now: new Date("2026-02-13T04:00:00Z") });
    expect(await reminders(owner.email)).toHaveLength(before);
  });

  it("is a daily scheduled job the worker knows", () => {
    expect(jobHandlers[REMIND_FINAL_DOCUMENTS_QUEUE]).toBeTypeOf("function");
    expect(SCHEDULES.find((s) => s.queue === REMIND_FINAL_DOCUMENTS_QUEUE)?.everySeconds).toBe(86_400);
  });
});
