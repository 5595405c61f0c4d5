import { describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobs, mailMessages, signatures } from "@/db/schema";
import { MAIL_DELIVER_BATCH_QUEUE } from "@/lib/mail/deliver-mail";
import { jobHandlers } from "@/lib/jobs/registry";
import { confirmSignature } from "@/lib/petitions/confirm-signature";
import { readCount } from "@/lib/petitions/counts";
import { createHotPath } from "@/lib/petitions/hot-path/hot-path-services";
import { signPetition } from "@/lib/petitions/sign-petition";
import { signatureToken } from "@/lib/petitions/tokens";
import { withdrawSignature } from "@/lib/petitions/withdraw-signature";
import { actorFor, createAgency, createUser, ensureRegion } from "./support/factories";
import { draftPetition, forcePetition, signatureInput } from "./support/petitions";

// Withdrawing a signature is not a lifetime ban: signing again works like a first signature,
// and the count moves once for it, however many times the person presses "sign".

const db = () => getDb();
const isPglite = !process.env.DATABASE_URL;

async function openPetition() {
  const region = await ensureRegion();
  const agency = await createAgency({ level: "city_akimat", regionCode: region });
  const { petition } = await draftPetition({ agencyId: agency.id });
  return forcePetition(petition.id, { state: "open", responseThreshold: 100_000, responseWorkingDays: 20, openedAt: new Date() });
}

async function signatureOf(petitionId: string, email: string) {
  const [row] = await db().select().from(signatures).where(and(eq(signatures.petitionId, petitionId), eq(signatures.email, email)));
  return row;
}

/** The mails written for this signature when its delivery jobs run, as the worker runs them. */
async function deliverMailsFor(signatureId: number) {
  const queued = (await db().select().from(jobs).where(eq(jobs.queue, MAIL_DELIVER_BATCH_QUEUE))).filter((job) =>
    ((job.payload.signatureIds ?? []) as number[]).includes(signatureId),
  );
  for (const job of queued) await jobHandlers[job.queue](job.payload, { db: db(), now: new Date(), jobId: job.id });
}

async function mailsTo(email: string) {
  return db().select({ template: mailMessages.template, params: mailMessages.params }).from(mailMessages).where(eq(mailMessages.toAddress, email)).orderBy(mailMessages.id);
}

const sign = (petitionNumber: number, input: ReturnType<typeof signatureInput>) =>
  signPetition({ db: db(), actor: null, petitionNumber, input, ip: `203.0.113.${Math.floor(Math.random() * 250)}`, locale: "en" });

describe("a citizen who withdrew signs again", () => {
  it("lets Aliya withdraw, sign again by e-mail and confirm: the count moves once each way", async () => {
    const petition = await openPetition();
    const input = signatureInput();
    await sign(petition.number, input);
    const first = await signatureOf(petition.id, input.email);
    await confirmSignature({ db: db(), signatureId: first.id, token: signatureToken(first.id, "confirm") });
    expect((await readCount(db(), petition.id)).confirmed).toBe(1);
    await withdrawSignature({ db: db(), signatureId: first.id, token: signatureToken(first.id, "withdraw") });
    expect((await readCount(db(), petition.id)).confirmed).toBe(0);

    // She signs again, from another region this time: a confirmation mail, not "already signed".
    expect((await sign(petition.number, { ...input, regionCode: "test-region" })).outcome).toBe("check_email");
    const again = await signatureOf(petition.id, input.email);
    expect(again).toMatchObject({ id: first.id, state: "pending", withdrawnAt: null, confirmedAt: null });
    await deliverMailsFor(again.id);
    const templates = (await mailsTo(input.email)).map((mail) => mail.template);
    expect(templates.filter((t) => t === "mailPetitions.alreadySigned")).toEqual([]);
    expect(templates.filter((t) => t === "mailPetitions.confirmSignature")).toHaveLength(2);
    expect((await readCount(db(), petition.id)).confirmed).toBe(0);

    await confirmSignature({ db: db(), signatureId: again.id, token: signatureToken(again.id, "confirm") });
    await confirmSignature({ db: db(), signatureId: again.id, token: signatureToken(again.id, "confirm") });
    expect((await readCount(db(), petition.id)).confirmed).toBe(1);
    // Signing once more while counted is the ordinary repeat: nothing moves.
    await sign(petition.number, input);
    expect((await signatureOf(petition.id, input.email)).state).toBe("confirmed");
    expect((await readCount(db(), petition.id)).confirmed).toBe(1);
    expect((await mailsTo(input.email)).at(-1)?.template).toBe("mailPetitions.alreadySigned");
  });

  it("counts a signed-in citizen's second signature at once, once, after a withdrawal", async () => {
    const petition = await openPetition();
    const user = await createUser({ verified: true });
    const actor = await actorFor(user.id);
    const input = signatureInput({ email: actor.email });
    const asThemselves = () => signPetition({ db: db(), actor, petitionNumber: petition.number, input, ip: "203.0.113.9", locale: "en" });
    expect((await asThemselves()).outcome).toBe("confirmed");
    const row = await signatureOf(petition.id, input.email);
    await withdrawSignature({ db: db(), signatureId: row.id, token: signatureToken(row.id, "withdraw") });
    expect((await readCount(db(), petition.id)).confirmed).toBe(0);
    expect((await asThemselves()).outcome).toBe("confirmed");
    expect((await asThemselves()).outcome).toBe("already_signed");
    expect((await readCount(db(), petition.id)).confirmed).toBe(1);
    expect(await signatureOf(petition.id, input.email)).toMatchObject({ id: row.id, state: "confirmed", userId: user.id, withdrawnAt: null });
  });

  it("counts once when many re-signs of one withdrawn signature race through the batched path", async () => {
    const petition = await openPetition();
    const user = await createUser({ verified: true });
    const actor = await actorFor(user.id);
    const input = signatureInput({ email: actor.email });
    await signPetition({ db: db(), actor, petitionNumber: petition.number, input, ip: "203.0.113.10", locale: "en" });
    const row = await signatureOf(petition.id, input.email);
    await withdrawSignature({ db: db(), signatureId: row.id, token: signatureToken(row.id, "withdraw") });

    // Separate batches running concurrently (maxBatch 1) and repeats inside one batch.
    for (const maxBatch of [1, 8]) {
      await db().update(signatures).set({ state: "withdrawn", withdrawnAt: new Date(), confirmedAt: null }).where(eq(signatures.id, row.id));
      const before = (await readCount(db(), petition.id)).confirmed;
      const hot = createHotPath({ db: db(), maxConcurrent: isPglite ? 1 : 4, maxBatchSize: maxBatch, maxWaitMs: 20 });
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => hot.sign({ petitionNumber: petition.number, input, ip: `203.0.113.${20 + i}`, locale: "en", actor })),
      );
      await hot.close();
      expect(answers.filter((a) => a.outcome === "confirmed")).toHaveLength(1);
      expect((await readCount(db(), petition.id)).confirmed).toBe(before + 1);
      // The forced withdrawal above moved no count: take the revived one back out for the next round.
      await db().update(signatures).set({ state: "pending" }).where(eq(signatures.id, row.id));
      await withdrawSignature({ db: db(), signatureId: row.id, token: signatureToken(row.id, "withdraw") });
    }
  });

  it("revives a pending re-sign once when two people-by-e-mail race, each answered the same", async () => {
    const petition = await openPetition();
    const input = signatureInput();
    await sign(petition.number, input);
    const row = await signatureOf(petition.id, input.email);
    await withdrawSignature({ db: db(), signatureId: row.id, token: signatureToken(row.id, "withdraw") });
    const hot = createHotPath({ db: db(), maxConcurrent: isPglite ? 1 : 4, maxBatchSize: 1, maxWaitMs: 5 });
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, i) => hot.sign({ petitionNumber: petition.number, input, ip: `203.0.113.${40 + i}`, locale: "en", actor: null })),
    );
    await hot.close();
    expect(answers.map((a) => a.outcome)).toEqual(["check_email", "check_email", "check_email", "check_email"]);
    const rows = await db().select().from(signatures).where(inArray(signatures.id, [row.id]));
    expect(rows[0].state).toBe("pending");
    await confirmSignature({ db: db(), signatureId: row.id, token: signatureToken(row.id, "confirm") });
    expect((await readCount(db(), petition.id)).confirmed).toBe(1);
  });
});
