import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { mailMessages, signatures, users } from "@/db/schema";
import { addCalendarDays, dayOfWeek } from "@/lib/calendar/working-days";
import { jobHandlers, SCHEDULES } from "@/lib/jobs/registry";
import { mailContent } from "@/lib/mail/stored-mail";
import { confirmSignature } from "@/lib/petitions/confirm-signature";
import { SUPPORT_DIGEST_QUEUE, SUPPORT_DIGEST_TEMPLATE, sendSupportDigests } from "@/lib/petitions/send-support-digests";
import { signPetition } from "@/lib/petitions/sign-petition";
import { submitPetition } from "@/lib/petitions/submit-petition";
import { signatureToken } from "@/lib/petitions/tokens";
import { aFreshYear } from "./support/calendar-years";
import { draftPetition, forcePetition, signatureInput } from "./support/petitions";

// A creator gathering support hears about it: a digest e-mail as supporters confirm, at most
// one an hour per petition, in the creator's language, with "N of 50, M working days left".
// The clock is moved by passing `now`; nothing sleeps.

const db = () => getDb();
const HOUR = 3_600_000;

/** A Monday 09:00 in Almaty in a far year with no calendar exceptions, so only weekends are days off. */
async function aPlainMonday(): Promise<{ day: string; at: Date }> {
  const year = await aFreshYear(2300, 2399);
  let day = `${year}-02-01`;
  while (dayOfWeek(day) !== 1) day = addCalendarDays(day, 1);
  return { day, at: new Date(`${day}T04:00:00Z`) };
}

async function gatheringPetition(locale: "ru" | "kk" | "en", monday: { day: string; at: Date }) {
  const { petition: draft, creator } = await draftPetition();
  await db().update(users).set({ locale }).where(eq(users.id, creator.id));
  await submitPetition({ db: db(), actor: creator, petitionId: draft.id, now: monday.at });
  // Ten working days from the Monday: the Monday two weeks on (no holidays in this year).
  const petition = await forcePetition(draft.id, { supportThreshold: 50, supportDeadline: addCalendarDays(monday.day, 14) });
  return { petition, creator };
}

async function supporterConfirms(petition: { id: string; number: number; supportToken: string }, now: Date) {
  const input = signatureInput();
  await signPetition({ db: db(), actor: null, petitionNumber: petition.number, supportToken: petition.supportToken, input, ip: "203.0.113.90", locale: "en", now });
  const [row] = await db().select().from(signatures).where(and(eq(signatures.petitionId, petition.id), eq(signatures.email, input.email)));
  await confirmSignature({ db: db(), signatureId: row.id, token: signatureToken(row.id, "confirm"), now });
}

async function digestsTo(email: string) {
  const rows = await db()
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.toAddress, email), eq(mailMessages.template, SUPPORT_DIGEST_TEMPLATE)))
    .orderBy(mailMessages.id);
  return rows.map((row) => mailContent(row));
}

describe("the creator hears about support", () => {
  it("gets a digest in their language as supporters confirm, at most one an hour", async () => {
    const monday = await aPlainMonday();
    const { petition, creator } = await gatheringPetition("ru", monday);
    const at = (ms: number) => new Date(monday.at.getTime() + ms);
    const digest = (ms: number) => sendSupportDigests({ db: db(), now: at(ms), only: [petition.id] });

    // No supporter yet: nothing to tell.
    expect(await digest(5 * 60_000)).toEqual([]);

    await supporterConfirms(petition, at(10 * 60_000));
    await supporterConfirms(petition, at(12 * 60_000));
    // Run as the worker runs it, with its clock.
    await jobHandlers[SUPPORT_DIGEST_QUEUE]({}, { db: db(), now: at(15 * 60_000), jobId: 0 });
    let mails = await digestsTo(creator.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain("2 из 50");
    expect(mails[0].text).toContain("2 из 50 подтверждённых сторонников");
    expect(mails[0].text).toContain("осталось 10 рабочих дней");
    expect(mails[0].text).toContain(`/my/petitions/${petition.number}`);

    // Another supporter within the hour: no second mail yet.
    await supporterConfirms(petition, at(30 * 60_000));
    expect(await digest(40 * 60_000)).toEqual([]);
    expect(await digestsTo(creator.email)).toHaveLength(1);

    // An hour after the first digest: one more, with the new count.
    expect(await digest(75 * 60_000)).toEqual([petition.id]);
    mails = await digestsTo(creator.email);
    expect(mails).toHaveLength(2);
    expect(mails[1].text).toContain("3 из 50");

    // Hours later with no new supporter: nothing.
    expect(await digest(5 * HOUR)).toEqual([]);

    // Wednesday, a new supporter: eight working days are left.
    await supporterConfirms(petition, at(48 * HOUR));
    expect(await digest(48 * HOUR + 60_000)).toEqual([petition.id]);
    mails = await digestsTo(creator.email);
    expect(mails).toHaveLength(3);
    expect(mails[2].text).toContain("4 из 50");
    expect(mails[2].text).toContain("осталось 8 рабочих дней");
  });

  it("writes in Kazakh or English to a creator who chose it, and says so on the last day", async () => {
    const monday = await aPlainMonday();
    const kazakh = await gatheringPetition("kk", monday);
    const english = await gatheringPetition("en", monday);
    const lastDay = new Date(`${addCalendarDays(monday.day, 14)}T05:00:00Z`);
    await supporterConfirms(kazakh.petition, monday.at);
    await supporterConfirms(english.petition, lastDay);
    await sendSupportDigests({ db: db(), now: new Date(monday.at.getTime() + 60_000), only: [kazakh.petition.id] });
    await sendSupportDigests({ db: db(), now: new Date(lastDay.getTime() + 60_000), only: [english.petition.id] });
    const [kk] = await digestsTo(kazakh.creator.email);
    expect(kk.text).toContain("петицияңызды 1 адам қолдап");
    expect(kk.text).toContain("10 жұмыс күні қалды");
    const [en] = await digestsTo(english.creator.email);
    expect(en.subject).toMatch(/^1 of 50 supporters: /);
    expect(en.text).toContain("Today is the last day to gather support.");
  });

  it("sends none once the petition stopped gathering support", async () => {
    const monday = await aPlainMonday();
    const { petition, creator } = await gatheringPetition("en", monday);
    await supporterConfirms(petition, monday.at);
    await forcePetition(petition.id, { state: "awaiting_moderation" });
    expect(await sendSupportDigests({ db: db(), now: new Date(monday.at.getTime() + 60_000), only: [petition.id] })).toEqual([]);
    expect(await digestsTo(creator.email)).toHaveLength(0);
  });

  it("runs every minute as a recurring job of the worker", async () => {
    expect(SCHEDULES).toContainEqual({ name: "support-digests", queue: SUPPORT_DIGEST_QUEUE, everySeconds: 60 });
  });
});
