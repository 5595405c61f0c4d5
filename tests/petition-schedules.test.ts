import { describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, jobs, mailMessages, signatures, users } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/queue";
import { drainJobs, runDueJobs } from "@/lib/jobs/worker";
import { formatDay } from "@/lib/i18n/format";
import { renderMail } from "@/lib/mail/render-mail";
import { ANONYMIZED_NAME, ANONYMIZE_QUEUE, anonymizeSignatures, monthsBefore } from "@/lib/petitions/anonymize-signatures";
import { CLOSE_DUE_QUEUE, closeDuePetitions } from "@/lib/petitions/close-due-petitions";
import { expireUnsupportedPetitions } from "@/lib/petitions/expire-unsupported-petitions";
import { applyCountDeltas, readCount } from "@/lib/petitions/counts";
import { notifySignersKey } from "@/lib/petitions/notify-signers";
import type { Petition } from "@/db/schema";
import { unique } from "./support/factories";
import { draftPetition, forcePetition } from "./support/petitions";

// The clock is moved to the distant past (2001, 1999): other test files share a Postgres
// database, and no petition of theirs is due at those dates, so these runs touch only ours.

const db = () => getDb();

async function petitionIn(values: Partial<Petition>) {
  const { petition, creator } = await draftPetition();
  return { petition: await forcePetition(petition.id, values), creator };
}

async function addSigners(
  petitionId: string,
  prefix: string,
  states: Array<"confirmed" | "pending" | "withdrawn" | "invalidated">,
) {
  return db()
    .insert(signatures)
    .values(
      states.map((state, i) => ({
        petitionId,
        fullName: `Signer ${i}`,
        email: `${prefix}-${i}@Example.kz`,
        emailNormalized: `${prefix}-${i}@example.kz`,
        emailDomain: "example.kz",
        regionCode: "test-region",
        iinHash: `hash-${prefix}-${i}`,
        ipAddress: "198.51.100.7",
        locale: "ru",
        state,
        notify: i !== 1,
      })),
    )
    .returning();
}

async function historyOf(petitionId: string) {
  return db().select().from(events).where(and(eq(events.entityType, "petition"), eq(events.entityId, petitionId))).orderBy(events.id);
}

describe("the scheduled petition jobs", () => {
  it("closes Marat's petition once its last day is over in Almaty, and only petitions that are due", async () => {
    const { petition: due, creator } = await petitionIn({ state: "open", openedAt: new Date("2000-07-10T06:00:00Z"), closesOn: "2001-01-10" });
    const { petition: later } = await petitionIn({ state: "open", openedAt: new Date("2000-07-10T06:00:00Z"), closesOn: "2100-01-10" });
    const { petition: notOpen } = await petitionIn({ state: "awaiting_moderation", closesOn: "2001-01-01" });
    const prefix = unique("marat-signer");
    await addSigners(due.id, prefix, ["confirmed", "confirmed", "confirmed", "pending"]);

    // On the last day of collection (evening in Almaty) it stays open.
    const lastDay = new Date("2001-01-10T12:00:00Z");
    expect(await closeDuePetitions({ db: db(), now: lastDay })).not.toContain(due.id);
    expect((await historyOf(due.id)).some((e) => e.action === "closed")).toBe(false);

    // The next morning the scheduled job closes it, through the worker with the moved clock.
    const nextMorning = new Date("2001-01-11T04:00:00Z");
    await enqueueJob(db(), CLOSE_DUE_QUEUE, { scheduledFor: nextMorning.toISOString() }, { runAt: nextMorning });
    await runDueJobs({ db: db(), now: nextMorning });

    const history = await historyOf(due.id);
    const closed = history.filter((e) => e.action === "closed");
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ actorId: null, fromState: "open", toState: "closed" });
    expect(closed[0].occurredAt.toISOString()).toBe(nextMorning.toISOString());
    const [after] = await db().select().from(jobs).where(eq(jobs.singletonKey, notifySignersKey(due.id, "closed")));
    expect(after.payload).toEqual({ petitionId: due.id, kind: "closed" });
    for (const other of [later, notOpen]) expect((await historyOf(other.id)).some((e) => e.action === "closed")).toBe(false);

    // A second run finds nothing more to do for it.
    expect(await closeDuePetitions({ db: db(), now: new Date("2001-01-12T04:00:00Z") })).not.toContain(due.id);
    expect((await historyOf(due.id)).filter((e) => e.action === "closed")).toHaveLength(1);

    // Marat is told, and so are the confirmed signers who want mail (2 of 3).
    const creatorMail = await db()
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.toAddress, creator.email), eq(mailMessages.template, "mailSigners.closedToCreator")));
    expect(creatorMail).toHaveLength(1);
    expect(creatorMail[0].textBody).toContain(due.title);
    const signerMailOf = () =>
      db()
        .select()
        .from(mailMessages)
        .where(and(like(mailMessages.toAddress, `${prefix}-%`), eq(mailMessages.template, "mailSigners.closed")));
    // On a shared Postgres database another file's worker may be running the job: wait for it.
    await expect
      .poll(async () => {
        await drainJobs({ db: db() });
        return (await signerMailOf()).length;
      }, { timeout: 20_000 })
      .toBe(2);
    const signerMail = await signerMailOf();
    expect(signerMail.map((m) => m.toAddress).sort()).toEqual([`${prefix}-0@Example.kz`, `${prefix}-2@Example.kz`]);
    expect(signerMail[0].subject).toBe(renderMail("mailSigners.closed", "ru", { title: due.title, url: "", unsubscribeUrl: "" }).subject);
  });

  it("expires Saule's petition that missed its support deadline, and tells her in her language", async () => {
    const deadline = "2001-02-01";
    const { petition: unsupported, creator } = await petitionIn({ state: "gathering_support", supportThreshold: 50, supportDeadline: deadline });
    await db().update(users).set({ locale: "ru" }).where(eq(users.id, creator.id));
    const { petition: supported } = await petitionIn({ state: "gathering_support", supportThreshold: 2, supportDeadline: deadline });
    // Its last confirmations raced the threshold check: it has the support, so it must not expire.
    await applyCountDeltas(db(), [{ petitionId: supported.id, regionCode: "test-region", day: "2001-01-20", confirmed: 2 }]);
    const { petition: notYet } = await petitionIn({ state: "gathering_support", supportThreshold: 50, supportDeadline: "2100-01-01" });

    expect(await expireUnsupportedPetitions({ db: db(), now: new Date("2001-02-01T12:00:00Z") })).not.toContain(unsupported.id);
    const expired = await expireUnsupportedPetitions({ db: db(), now: new Date("2001-02-02T04:00:00Z") });
    expect(expired).toContain(unsupported.id);
    expect(expired).not.toContain(supported.id);
    expect(expired).not.toContain(notYet.id);

    const history = await historyOf(unsupported.id);
    expect(history.filter((e) => e.action === "expired")).toMatchObject([{ actorId: null, fromState: "gathering_support", toState: "expired" }]);
    for (const other of [supported, notYet]) expect((await historyOf(other.id)).some((e) => e.action === "expired")).toBe(false);

    const [mail] = await db()
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.toAddress, creator.email), eq(mailMessages.template, "mailSigners.expiredToCreator")));
    expect(mail.subject).toBe(
      renderMail("mailSigners.expiredToCreator", "ru", { title: unsupported.title, supporters: 0, threshold: 50, deadline }).subject,
    );
    // The day as a Russian reader writes it, not the ISO date.
    expect(mail.textBody).toContain(formatDay("ru", deadline));
  });

  it("anonymizes signers only once the retention period after closing has passed", async () => {
    const prefix = unique("anon");
    const { petition: closed } = await petitionIn({ state: "closed", closesOn: "2001-01-10", closedAt: new Date("2001-01-11T04:00:00Z") });
    const { petition: answered } = await petitionIn({ state: "responded", respondedAt: new Date("2001-03-01T04:00:00Z") });
    const { petition: rejected } = await petitionIn({ state: "rejected", updatedAt: new Date("2001-01-20T04:00:00Z") });
    const { petition: stillOpen } = await petitionIn({ state: "open", closesOn: "2100-01-01", updatedAt: new Date("2000-01-01T00:00:00Z") });
    const rows = {
      closed: await addSigners(closed.id, `${prefix}-c`, ["confirmed", "confirmed", "withdrawn", "pending"]),
      answered: await addSigners(answered.id, `${prefix}-a`, ["confirmed"]),
      rejected: await addSigners(rejected.id, `${prefix}-r`, ["pending"]),
      stillOpen: await addSigners(stillOpen.id, `${prefix}-o`, ["confirmed"]),
    };
    const load = (petitionId: string) => db().select().from(signatures).where(eq(signatures.petitionId, petitionId)).orderBy(signatures.id);

    // Six months after closing, less a day: nothing is touched.
    await anonymizeSignatures({ db: db(), now: new Date("2001-07-10T04:00:00Z") });
    expect((await load(closed.id)).map((s) => s.fullName)).toEqual(rows.closed.map((s) => s.fullName));

    // Six months and a day: the closed petition's signers, every state, are anonymized.
    const day = new Date("2001-07-12T04:00:00Z");
    await anonymizeSignatures({ db: db(), now: day });
    const after = await load(closed.id);
    expect(after).toHaveLength(4);
    after.forEach((signature, i) => {
      expect(signature).toMatchObject({
        fullName: ANONYMIZED_NAME,
        email: `anonymized+${signature.id}@invalid`,
        emailNormalized: `anonymized+${signature.id}@invalid`,
        ipAddress: null,
        iinHash: null,
        state: rows.closed[i].state,
        regionCode: "test-region",
      });
      expect(signature.anonymizedAt?.toISOString()).toBe(day.toISOString());
    });
    expect((await historyOf(closed.id)).filter((e) => e.action === "signatures_anonymized")).toHaveLength(1);
    // The answered one closed by its answer (1 March) and the rejected one on 20 January: not yet.
    expect((await load(answered.id))[0].anonymizedAt).toBeNull();
    expect((await load(rejected.id))[0].anonymizedAt).toBeNull();

    await anonymizeSignatures({ db: db(), now: new Date("2001-09-02T04:00:00Z") });
    expect((await load(answered.id))[0].fullName).toBe(ANONYMIZED_NAME);
    expect((await load(rejected.id))[0].fullName).toBe(ANONYMIZED_NAME);
    expect((await load(stillOpen.id))[0].fullName).toBe(rows.stillOpen[0].fullName);
    // Anonymizing is done once: a later run leaves the rows and the history as they were.
    await anonymizeSignatures({ db: db(), now: new Date("2001-10-02T04:00:00Z") });
    expect((await load(closed.id))[0].anonymizedAt?.toISOString()).toBe(day.toISOString());
    expect((await historyOf(closed.id)).filter((e) => e.action === "signatures_anonymized")).toHaveLength(1);
  });

  it("anonymizes a large petition in batches and resumes where an interrupted run stopped, counts unchanged", async () => {
    const { petition } = await petitionIn({ state: "closed", closedAt: new Date("1999-01-01T04:00:00Z") });
    const prefix = unique("batch");
    await addSigners(petition.id, prefix, ["confirmed", "confirmed", "confirmed", "confirmed", "withdrawn", "withdrawn", "pending"]);
    await applyCountDeltas(db(), [{ petitionId: petition.id, regionCode: "test-region", day: "1998-12-01", confirmed: 4 }]);
    const before = await readCount(db(), petition.id);
    const anonymized = async () =>
      (await db().select().from(signatures).where(eq(signatures.petitionId, petition.id))).filter((s) => s.anonymizedAt !== null).length;
    const now = new Date("1999-08-01T04:00:00Z");

    const first = await anonymizeSignatures({ db: db(), now, batchSize: 2, maxRows: 3 });
    expect(first.done).toBe(false);
    expect(await anonymized()).toBe(3);
    expect((await historyOf(petition.id)).some((e) => e.action === "signatures_anonymized")).toBe(false);

    // The next run goes on through the job queue (the daily schedule or the continuation job).
    await enqueueJob(db(), ANONYMIZE_QUEUE, {}, { runAt: now });
    await runDueJobs({ db: db(), now });
    expect(await anonymized()).toBe(7);
    expect((await historyOf(petition.id)).filter((e) => e.action === "signatures_anonymized")).toHaveLength(1);
    expect(await readCount(db(), petition.id)).toEqual(before);
  });

  it("counts the retention period in calendar months", () => {
    expect(monthsBefore(new Date("2001-07-12T04:00:00Z"), 6).toISOString()).toBe("2001-01-12T04:00:00.000Z");
    expect(monthsBefore(new Date("2001-08-31T10:00:00Z"), 6).toISOString()).toBe("2001-02-28T10:00:00.000Z");
    expect(monthsBefore(new Date("2001-03-15T00:00:00Z"), 6).toISOString()).toBe("2000-09-15T00:00:00.000Z");
  });
});
