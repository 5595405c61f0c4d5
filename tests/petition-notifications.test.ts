import { formatDay } from "@/lib/i18n/format";
import { describe, expect, it } from "vitest";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { mailContent } from "@/lib/mail/stored-mail";
import { getDb, type Database } from "@/db/client";
import { events, jobs, mailMessages, signatures } from "@/db/schema";
import { drainJobs } from "@/lib/jobs/worker";
import { renderMail } from "@/lib/mail/render-mail";
import { isDomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import {
  NOTIFY_SIGNERS_QUEUE,
  notifySigners,
  notifySignersKey,
  startSignerNotification,
  type SignerNotificationKind,
} from "@/lib/petitions/notify-signers";
import { readUnsubscribeLink, unsubscribeSigner } from "@/lib/petitions/unsubscribe-signer";
import { verifySignatureToken } from "@/lib/petitions/tokens";
import { unique } from "./support/factories";
import { draftPetition, forcePetition } from "./support/petitions";

const db = () => getDb();
const LOCALE_CYCLE: Locale[] = ["kk", "ru", "en"];

/** An open petition that has reached its threshold. */
async function openPetition() {
  const { petition } = await draftPetition();
  return forcePetition(petition.id, {
    state: "open",
    openedAt: new Date(),
    thresholdReachedAt: new Date(),
    responseDueOn: "2027-02-01",
    closesOn: "2027-05-01",
  });
}

/** Inserts signers in one statement; `notify` false for the indexes listed. */
async function addSigners(
  petitionId: string,
  count: number,
  options: { prefix: string; noMail?: number[]; state?: "confirmed" | "pending" | "withdrawn"; offset?: number },
) {
  const rows = Array.from({ length: count }, (_, i) => {
    const n = i + (options.offset ?? 0);
    const email = `${options.prefix}-${n}@example.kz`;
    return {
      petitionId,
      fullName: `Signer ${n}`,
      email,
      emailNormalized: email,
      emailDomain: "example.kz",
      regionCode: "test-region",
      locale: LOCALE_CYCLE[n % 3],
      state: options.state ?? ("confirmed" as const),
      confirmedAt: options.state === "confirmed" || !options.state ? new Date() : null,
      notify: !(options.noMail ?? []).includes(n),
    };
  });
  return db().insert(signatures).values(rows).returning({ id: signatures.id, email: signatures.email, locale: signatures.locale });
}

async function mailsTo(prefix: string, template: string) {
  return db()
    .select()
    .from(mailMessages)
    .where(and(like(mailMessages.toAddress, `${prefix}-%`), eq(mailMessages.template, template)));
}

async function start(petitionId: string, kind: SignerNotificationKind) {
  await db().transaction((tx) => startSignerNotification(tx, petitionId, kind));
}

function unsubscribeLinkIn(text: string) {
  const match = /\/signatures\/(\d+)\/unsubscribe\?t=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no unsubscribe link in ${text}`);
  return { signatureId: Number(match[1]), token: match[2] };
}

describe("signers hear back about the petition they signed", () => {
  it("sends each of Aigerim's 1,200 willing signers exactly one threshold e-mail, in their language, in batches", async () => {
    const petition = await openPetition();
    const prefix = unique("aigerim-signer");
    const signers = await addSigners(petition.id, 1_203, { prefix, noMail: [5, 600, 1202] });
    // Pending and withdrawn signatures are not signers to tell.
    await addSigners(petition.id, 4, { prefix, state: "pending", offset: 5_000 });
    await addSigners(petition.id, 4, { prefix, state: "withdrawn", offset: 6_000 });

    // The threshold code and a retry both start it: one job, thanks to the singleton key.
    await start(petition.id, "threshold_reached");
    await start(petition.id, "threshold_reached");
    const firstJobs = await db().select().from(jobs).where(eq(jobs.singletonKey, notifySignersKey(petition.id, "threshold_reached")));
    expect(firstJobs).toHaveLength(1);

    await drainJobs({ db: db() });

    const mails = await mailsTo(prefix, "mailSigners.thresholdReached");
    expect(mails).toHaveLength(1_200);
    expect(new Set(mails.map((m) => m.toAddress)).size).toBe(1_200);
    const byEmail = new Map(signers.map((s) => [s.email, s]));
    for (const noMail of [5, 600, 1202]) expect(mails.some((m) => m.toAddress === `${prefix}-${noMail}@example.kz`)).toBe(false);
    const subjects = new Map(
      LOCALE_CYCLE.map((locale) => [
        locale,
        renderMail("mailSigners.thresholdReached", locale, { title: petition.title, number: petition.number, url: "x", unsubscribeUrl: "x", due: "x" })
          .subject,
      ]),
    );
    expect(new Set(subjects.values()).size).toBe(3);
    for (const mail of mails) {
      const signer = byEmail.get(mail.toAddress)!;
      expect(signer).toBeDefined();
      expect(mail.subject).toBe(subjects.get(signer.locale as Locale));
      expect(mail.textBody).toContain(`/petitions/${petition.number}`);
      // The due day in the signer's language (lib/i18n/format.ts), not as 2027-02-01.
      expect(mail.textBody).toContain(formatDay(signer.locale, "2027-02-01"));
      // The link is this signer's own.
      const link = unsubscribeLinkIn(mailContent(mail).text);
      expect(link.signatureId).toBe(signer.id);
      expect(verifySignatureToken(link.signatureId, "unsubscribe", link.token)).toBe(true);
    }

    // Three batches of at most 500, each a job with its own key.
    const batchJobs = await db()
      .select()
      .from(jobs)
      .where(and(eq(jobs.queue, NOTIFY_SIGNERS_QUEUE), sql`${jobs.payload}->>'petitionId' = ${petition.id}`));
    expect(batchJobs).toHaveLength(3);
    expect(batchJobs.every((job) => job.state === "done")).toBe(true);
    const progress = await db()
      .select()
      .from(events)
      .where(and(eq(events.entityType, "signer_notification"), eq(events.entityId, `${petition.id}:threshold_reached`)));
    expect(progress.map((e) => e.data.mails).sort()).toEqual([200, 500, 500]);

    // Starting the same kind again after it finished sends nothing more.
    await start(petition.id, "threshold_reached");
    await drainJobs({ db: db() });
    expect(await mailsTo(prefix, "mailSigners.thresholdReached")).toHaveLength(1_200);

    // The link from an e-mail works: the page reads it, the button unsubscribes.
    const link = unsubscribeLinkIn(mailContent(mails[0]).text);
    expect(await readUnsubscribeLink({ db: db(), ...link })).toMatchObject({ petitionNumber: petition.number, notify: true });
    expect(await unsubscribeSigner({ db: db(), ...link })).toEqual({ petitionNumber: petition.number, result: "unsubscribed" });
    expect(await unsubscribeSigner({ db: db(), ...link })).toEqual({ petitionNumber: petition.number, result: "already_unsubscribed" });
    const [row] = await db().select({ notify: signatures.notify }).from(signatures).where(eq(signatures.id, link.signatureId));
    expect(row.notify).toBe(false);
    expect(await readUnsubscribeLink({ db: db(), ...link })).toMatchObject({ notify: false });
  }, 120_000);

  it("refuses an unsubscribe link with a wrong token or for another signature", async () => {
    const petition = await openPetition();
    const prefix = unique("bolat-signer");
    const [first, second] = await addSigners(petition.id, 2, { prefix });
    await start(petition.id, "closed");
    await drainJobs({ db: db() });
    const [mail] = (await mailsTo(prefix, "mailSigners.closed")).filter((m) => m.toAddress === first.email);
    const link = unsubscribeLinkIn(mailContent(mail).text);

    for (const attempt of [
      { signatureId: link.signatureId, token: "forged" },
      { signatureId: second.id, token: link.token },
      { signatureId: 0, token: link.token },
      { signatureId: 9_999_999_999, token: link.token },
    ]) {
      expect(await readUnsubscribeLink({ db: db(), ...attempt })).toBeNull();
      const error = await unsubscribeSigner({ db: db(), ...attempt }).catch((e: unknown) => e);
      expect(isDomainError(error) && error.code).toBe("not_found");
    }
    const rows = await db().select({ notify: signatures.notify }).from(signatures).where(inArray(signatures.id, [first.id, second.id]));
    expect(rows.every((r) => r.notify)).toBe(true);

    // With the right link Bolat's first signer stops the mail; the answer goes to the other one only.
    await unsubscribeSigner({ db: db(), ...link });
    await start(petition.id, "responded");
    await drainJobs({ db: db() });
    expect((await mailsTo(prefix, "mailSigners.responded")).map((m) => m.toAddress)).toEqual([second.email]);
  });

  it("writes a batch's mails and the next batch's job in one transaction, so a retry neither repeats nor skips anyone", async () => {
    const petition = await openPetition();
    const prefix = unique("dana-signer");
    const signers = await addSigners(petition.id, 5, { prefix });
    const followUpKey = notifySignersKey(petition.id, "closed", signers[1].id);

    // The worker dies just before the commit: nothing of the batch remains.
    const dying = {
      transaction: (work: (tx: unknown) => Promise<unknown>) =>
        db().transaction(async (tx) => {
          await work(tx);
          throw new Error("worker died before commit");
        }),
    } as unknown as Database;
    await expect(notifySigners({ db: dying, petitionId: petition.id, kind: "closed", batchSize: 2 })).rejects.toThrow("worker died");
    expect(await mailsTo(prefix, "mailSigners.closed")).toHaveLength(0);
    expect(await db().select().from(jobs).where(eq(jobs.singletonKey, followUpKey))).toHaveLength(0);

    // The retry sends the same batch and enqueues the next one, together.
    const sent = await notifySigners({ db: db(), petitionId: petition.id, kind: "closed", batchSize: 2 });
    expect(sent).toEqual({ queued: 2, nextAfterId: signers[1].id, alreadySent: false });
    expect((await mailsTo(prefix, "mailSigners.closed")).map((m) => m.toAddress).sort()).toEqual([signers[0].email, signers[1].email].sort());
    const [followUp] = await db().select().from(jobs).where(eq(jobs.singletonKey, followUpKey));
    expect(followUp.payload).toEqual({ petitionId: petition.id, kind: "closed", afterId: signers[1].id });

    // The job ran again after its commit (the worker crashed before marking it done): skipped.
    expect(await notifySigners({ db: db(), petitionId: petition.id, kind: "closed", batchSize: 2 })).toEqual({
      queued: 0,
      nextAfterId: null,
      alreadySent: true,
    });

    await drainJobs({ db: db() });
    const all = await mailsTo(prefix, "mailSigners.closed");
    expect(all.map((m) => m.toAddress).sort()).toEqual(signers.map((s) => s.email).sort());
  });

  it("tells nobody about a petition hidden for unlawful content", async () => {
    const petition = await openPetition();
    const prefix = unique("hidden-signer");
    await addSigners(petition.id, 3, { prefix });
    await forcePetition(petition.id, { state: "hidden" });
    const result = await notifySigners({ db: db(), petitionId: petition.id, kind: "closed" });
    expect(result.queued).toBe(0);
    expect(await mailsTo(prefix, "mailSigners.closed")).toHaveLength(0);
  });
});
