import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, ilike, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { startHotPathServer, type HotPathServer } from "./support/hot-path-server";
import { jobs, mailMessages, petitions, petitionTotals, signatures } from "@/db/schema";
import { MAIL_DELIVER_BATCH_QUEUE } from "@/lib/mail/deliver-mail";
import { jobHandlers } from "@/lib/jobs/registry";
import { mailContent } from "@/lib/mail/stored-mail";
import { readCount } from "@/lib/petitions/counts";
import { signatureToken } from "@/lib/petitions/tokens";
import { withdrawSignature } from "@/lib/petitions/withdraw-signature";
import { createHotPath, type HotPath } from "@/lib/petitions/hot-path/hot-path-services";
import { BatchFailedError } from "@/lib/petitions/hot-path/micro-batcher";
import { databaseErrorOf, isDomainError } from "@/lib/errors";
import { actorFor, createAgency, createUser, ensureRegion, unique } from "./support/factories";
import { draftPetition, forcePetition, signatureInput } from "./support/petitions";

// The batched signing path (lib/petitions/hot-path) against a real database: many requests
// share one transaction, and each is answered only once that transaction has committed.

const db = () => getDb();
const isPglite = !process.env.DATABASE_URL;

async function openPetition() {
  const region = await ensureRegion();
  const agency = await createAgency({ level: "city_akimat", regionCode: region });
  const { petition } = await draftPetition({ agencyId: agency.id });
  return forcePetition(petition.id, { state: "open", responseThreshold: 100_000, responseWorkingDays: 20, openedAt: new Date() });
}

function hotPath(options: Partial<Parameters<typeof createHotPath>[0]> = {}): HotPath {
  return createHotPath({ db: db(), maxConcurrent: isPglite ? 1 : 2, ...options });
}

/** A distinct signer: own address and own client IP, as the bench presents them. */
function signer(petitionNumber: number, overrides: Parameters<typeof signatureInput>[0] = {}, ip = `2001:db8::${Math.floor(Math.random() * 0xffff).toString(16)}:${unique("")}`) {
  return { petitionNumber, input: signatureInput(overrides), ip, locale: "en" as const, actor: null };
}

/** The mail delivery jobs that name any of these signatures. */
async function deliveryJobsNaming(signatureIds: number[]) {
  const wanted = new Set(signatureIds);
  return (await db().select().from(jobs).where(eq(jobs.queue, MAIL_DELIVER_BATCH_QUEUE))).filter((job) =>
    ((job.payload.signatureIds ?? []) as number[]).some((id) => wanted.has(id)),
  );
}

/** Runs these jobs with the worker's handlers (only these: other test files share the database and its queue). */
async function runAsTheWorker(queued: Array<typeof jobs.$inferSelect>) {
  for (const job of queued) await jobHandlers[job.queue](job.payload, { db: db(), now: new Date(), jobId: job.id });
}

async function rowsFor(petitionId: string) {
  return db().select().from(signatures).where(eq(signatures.petitionId, petitionId));
}

describe("a viral petition signed through the batched path", () => {
  it("stores two hundred people signing at once in a few batches, each with their confirmation e-mail", async () => {
    const petition = await openPetition();
    const hot = hotPath({ maxWaitMs: 5 });
    const requests = Array.from({ length: 200 }, () => signer(petition.number));
    const answers = await Promise.all(requests.map((r) => hot.sign(r)));
    expect(answers.every((a) => a.outcome === "check_email")).toBe(true);
    const rows = await rowsFor(petition.id);
    expect(rows).toHaveLength(200);
    expect(rows.every((r) => r.state === "pending")).toBe(true);
    // Each batch queues one delivery job naming its new signatures: together they name every
    // signature once, and no message is written while signing.
    const deliveries = await deliveryJobsNaming(rows.map((r) => r.id));
    expect(deliveries.flatMap((job) => job.payload.signatureIds as number[]).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(deliveries.length).toBe(hot.stats().signing.batches);
    const emails = requests.map((r) => r.input.email);
    expect(await db().select().from(mailMessages).where(inArray(mailMessages.toAddress, emails))).toHaveLength(0);
    // The worker writes each confirmation from its signature and sends it, with the signature's own link.
    await runAsTheWorker(deliveries);
    const mails = await db().select().from(mailMessages).where(inArray(mailMessages.toAddress, emails));
    expect(mails).toHaveLength(200);
    expect(new Set(mails.map((m) => m.template))).toEqual(new Set(["mailPetitions.confirmSignature"]));
    expect(mails.every((m) => m.sentAt !== null)).toBe(true);
    for (const row of rows) {
      const [mail] = mails.filter((m) => m.toAddress === row.email);
      expect(mail.textBody).toContain(`/signatures/${row.id}/confirm?t=${signatureToken(row.id, "confirm")}`);
    }
    const stats = hot.stats().signing;
    expect(stats.items).toBe(200);
    expect(stats.batches).toBeLessThan(50);
    await hot.close();
  });

  it("lets the first of several identical sign-ups in one batch win, and answers and mails the others the same way", async () => {
    const petition = await openPetition();
    // One batch: nothing is written until 50 ms have passed or 10 requests have arrived.
    const hot = hotPath({ maxWaitMs: 50, maxBatchSize: 10 });
    const iin = "921029350851";
    const answers = await Promise.all([
      hot.sign(signer(petition.number, { email: "Aigerim.Sadykova+petitions@gmail.com", iin })),
      hot.sign(signer(petition.number, { email: "aigerimsadykova@GMAIL.com" })),
      hot.sign(signer(petition.number, { email: "aigerim.sadykova@googlemail.com" })),
      hot.sign(signer(petition.number, { email: `${unique("other")}@example.kz`, iin })),
    ]);
    expect(hot.stats().signing.batches).toBe(1);
    expect(answers.map((a) => a.outcome)).toEqual(["check_email", "check_email", "check_email", "check_email"]);
    const rows = await rowsFor(petition.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].email).toBe("Aigerim.Sadykova+petitions@gmail.com");
    await runAsTheWorker(await deliveryJobsNaming([rows[0].id]));
    const mails = (await db().select().from(mailMessages).where(ilike(mailMessages.toAddress, "%@g%mail.com"))).filter((mail) =>
      mailContent(mail).text.includes(`/signatures/${rows[0].id}/confirm`),
    );
    // The first signer's confirmation, sent again to each later attempt with the same address.
    expect(mails.map((m) => m.toAddress).sort()).toEqual(["Aigerim.Sadykova+petitions@gmail.com", "aigerim.sadykova@googlemail.com", "aigerimsadykova@GMAIL.com"].sort());
    // Each names the petition it is about.
    for (const mail of mails) expect(mailContent(mail).subject).toContain(petition.title);
    await hot.close();
  });

  it("writes no confirmation for a signature withdrawn before its mail left", async () => {
    const petition = await openPetition();
    const hot = hotPath({ maxWaitMs: 20 });
    const requests = [signer(petition.number), signer(petition.number)];
    await Promise.all(requests.map((r) => hot.sign(r)));
    await hot.close();
    const rows = await rowsFor(petition.id);
    const [gone, kept] = [rows.find((r) => r.email === requests[0].input.email)!, rows.find((r) => r.email === requests[1].input.email)!];
    // The withdraw link is in the signature's own mails, which a signer may use from an older one.
    await withdrawSignature({ db: db(), signatureId: gone.id, token: signatureToken(gone.id, "withdraw") });
    await runAsTheWorker(await deliveryJobsNaming([gone.id, kept.id]));
    const mails = await db().select().from(mailMessages).where(inArray(mailMessages.toAddress, [gone.email, kept.email]));
    expect(mails.map((m) => [m.toAddress, m.template])).toEqual([[kept.email, "mailPetitions.confirmSignature"]]);
  });

  /**
   * Runs `work` while the database fails any statement that stores a signature with an address
   * at full-disk.test — after the batch's earlier signatures are inserted, as a full disk would.
   */
  async function withFullDiskFor(work: () => Promise<void>) {
    await db().execute(sql`create or replace function fail_like_a_full_disk() returns trigger language plpgsql as $$
      begin if new.email like '%@full-disk.test' then raise exception 'the disk is full'; end if; return new; end $$`);
    await db().execute(sql`create trigger full_disk before insert on signatures for each row execute function fail_like_a_full_disk()`);
    try {
      await work();
    } finally {
      await db().execute(sql`drop trigger full_disk on signatures`);
    }
  }

  it("answers every request of a failed batch with an error and writes nothing of it", async () => {
    const petition = await openPetition();
    await withFullDiskFor(async () => {
      const hot = hotPath({ maxWaitMs: 50, maxBatchSize: 20 });
      const requests = [
        ...Array.from({ length: 19 }, () => signer(petition.number)),
        signer(petition.number, { email: `${unique("unlucky")}@full-disk.test` }),
      ];
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      const settled = await Promise.allSettled(requests.map((r) => hot.sign(r)));
      // The log says why, without the batch's names and addresses.
      const log = logged.mock.calls.map((call) => call.join(" ")).join("\n");
      logged.mockRestore();
      expect(log).toContain("the disk is full");
      expect(log).not.toContain(requests[0].input.email);
      expect(hot.stats().signing.batches).toBe(1);
      expect(settled.every((s) => s.status === "rejected" && s.reason instanceof BatchFailedError)).toBe(true);
      expect(await rowsFor(petition.id)).toHaveLength(0);
      // The next batch goes through.
      await expect(hot.sign(requests[0])).resolves.toEqual({ outcome: "check_email" });
      expect(await rowsFor(petition.id)).toHaveLength(1);
      await hot.close();
    });
  });

  it("keeps the batch sent right behind a failing one: it commits, the failed one writes nothing", async () => {
    const petition = await openPetition();
    await withFullDiskFor(async () => {
      // Two batches of 20 in flight at once (on Postgres, both on the signing connection).
      const hot = hotPath({ maxWaitMs: 50, maxBatchSize: 20 });
      const failing = [...Array.from({ length: 19 }, () => signer(petition.number)), signer(petition.number, { email: `${unique("unlucky")}@full-disk.test` })];
      const behind = Array.from({ length: 20 }, () => signer(petition.number));
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      const settled = await Promise.allSettled([...failing, ...behind].map((r) => hot.sign(r)));
      logged.mockRestore();
      expect(hot.stats().signing.batches).toBe(2);
      expect(settled.slice(0, 20).every((s) => s.status === "rejected" && s.reason instanceof BatchFailedError)).toBe(true);
      expect(settled.slice(20).every((s) => s.status === "fulfilled" && s.value.outcome === "check_email")).toBe(true);
      const stored = await rowsFor(petition.id);
      expect(stored.map((r) => r.email).sort()).toEqual(behind.map((r) => r.input.email).sort());
      await hot.close();
    });
  });

  it("keeps every acknowledged signature and confirmation when the process stops and another starts", async () => {
    const petition = await openPetition();
    const first = hotPath({ maxWaitMs: 20 });
    const requests = Array.from({ length: 60 }, () => signer(petition.number));
    const pending = requests.map((r) => first.sign(r));
    // Shut down while the requests are still gathered: closing writes them before it returns.
    await first.close();
    const answers = await Promise.all(pending);
    expect(answers).toHaveLength(60);
    await expect(first.sign(signer(petition.number))).rejects.toBeInstanceOf(BatchFailedError);

    const second = hotPath();
    const rows = await rowsFor(petition.id);
    expect(rows.map((r) => r.email).sort()).toEqual(requests.map((r) => r.input.email).sort());
    const confirmations = rows.map((r) => second.confirm({ signatureId: r.id, token: signatureToken(r.id, "confirm") }));
    await second.close();
    expect((await Promise.all(confirmations)).every((c) => c.result === "confirmed")).toBe(true);

    const third = hotPath();
    expect((await readCount(db(), petition.id)).confirmed).toBe(60);
    const counted = await third.count(petition.number);
    expect(counted?.confirmed).toBe(60);
    await third.close();
  });

  it("counts each confirmation once when people press the button twice, in one batch and across batches", async () => {
    const petition = await openPetition();
    const hot = hotPath({ maxWaitMs: 10 });
    await Promise.all(Array.from({ length: 30 }, () => hot.sign(signer(petition.number))));
    const rows = await rowsFor(petition.id);
    const presses = [...rows, ...rows.slice(0, 10)].map((r) => hot.confirm({ signatureId: r.id, token: signatureToken(r.id, "confirm") }));
    const answers = await Promise.all(presses);
    expect(answers.filter((a) => a.result === "confirmed")).toHaveLength(30);
    expect(answers.filter((a) => a.result === "already_confirmed")).toHaveLength(10);
    const again = await hot.confirm({ signatureId: rows[0].id, token: signatureToken(rows[0].id, "confirm") });
    expect(again.result).toBe("already_confirmed");
    expect((await readCount(db(), petition.id)).confirmed).toBe(30);
    // The one-row total that "most signed" lists order by moved with the shards.
    const [total] = await db().select().from(petitionTotals).where(eq(petitionTotals.petitionId, petition.id));
    expect(total.confirmed).toBe(30);
    const forged = await hot.confirm({ signatureId: rows[0].id, token: "forged" }).catch((e) => e);
    expect(isDomainError(forged) && forged.code).toBe("not_found");
    await hot.close();
  });

  it("confirms and counts at once a signed-in person signing as themselves, in the same batch as strangers", async () => {
    const petition = await openPetition();
    const citizen = await actorFor((await createUser()).id);
    const hot = hotPath({ maxWaitMs: 50, maxBatchSize: 5 });
    const answers = await Promise.all([
      hot.sign(signer(petition.number)),
      hot.sign({ ...signer(petition.number, { email: citizen.email }), actor: citizen }),
      hot.sign(signer(petition.number)),
    ]);
    expect(hot.stats().signing.batches).toBe(1);
    expect(answers.map((a) => a.outcome)).toEqual(["check_email", "confirmed", "check_email"]);
    expect((await readCount(db(), petition.id)).confirmed).toBe(1);
    const [theirs] = await db().select().from(mailMessages).where(eq(mailMessages.toAddress, citizen.email));
    expect(theirs.template).toBe("mailPetitions.signatureConfirmed");
    expect(mailContent(theirs).text).toMatch(/\/signatures\/\d+\/withdraw\?t=/);
    // Signing again says so, without another count.
    await expect(hot.sign({ ...signer(petition.number, { email: citizen.email }), actor: citizen })).resolves.toEqual({ outcome: "already_signed" });
    expect((await readCount(db(), petition.id)).confirmed).toBe(1);
    await hot.close();
  });

  it("moves a petition to moderation when the batch that confirms its last supporters commits", async () => {
    const region = await ensureRegion();
    const agency = await createAgency({ level: "city_akimat", regionCode: region });
    const { petition: draft } = await draftPetition({ agencyId: agency.id });
    const petition = await forcePetition(draft.id, { state: "gathering_support", supportThreshold: 3 });
    const hot = hotPath({ maxWaitMs: 10 });
    await Promise.all(Array.from({ length: 4 }, () => hot.sign({ ...signer(petition.number), supportToken: petition.supportToken })));
    const rows = await rowsFor(petition.id);
    await hot.confirm({ signatureId: rows[0].id, token: signatureToken(rows[0].id, "confirm") });
    await hot.confirm({ signatureId: rows[1].id, token: signatureToken(rows[1].id, "confirm") });
    expect((await db().select({ state: petitions.state }).from(petitions).where(eq(petitions.id, petition.id)))[0].state).toBe("gathering_support");
    await Promise.all(rows.slice(2).map((r) => hot.confirm({ signatureId: r.id, token: signatureToken(r.id, "confirm") })));
    const [after] = await db().select().from(petitions).where(eq(petitions.id, petition.id));
    expect(after.state).toBe("awaiting_moderation");
    expect((await readCount(db(), petition.id)).confirmed).toBe(4);
    await hot.close();
  });

  it("checks a signature as it arrives once the settings are cached, answers refusals as rejections, and loses nothing at a shutdown", async () => {
    const petition = await openPetition();
    // One signature a batch: a batch starts the moment its signature is queued.
    const hot = hotPath({ maxBatchSize: 1 });
    await hot.sign(signer(petition.number)); // the first request reads the settings and regions
    const before = hot.stats().signing.items;
    const taken = hot.sign(signer(petition.number));
    // Queued before sign() returned: no wait for settings already cached.
    expect(hot.stats().signing.items).toBe(before + 1);
    await expect(taken).resolves.toEqual({ outcome: "check_email" });
    // A refusal found at once is a rejected promise, as when the settings had to be read first.
    let nul: Promise<unknown> | undefined;
    expect(() => (nul = hot.sign({ ...signer(petition.number), supportToken: "Nul\u0000Byte" }))).not.toThrow();
    const refused = await nul!.catch((e) => e);
    expect(isDomainError(refused) && refused.code).toBe("validation");
    const ip = `2001:db8:2::${unique("")}`;
    const limited = await Promise.allSettled(Array.from({ length: 51 }, () => hot.sign(signer(petition.number, {}, ip))));
    expect(limited.filter((s) => s.status === "rejected").map((s) => isDomainError((s as PromiseRejectedResult).reason) && (s as PromiseRejectedResult).reason.code)).toEqual(["rate_limited"]);
    // Stopping right after requests were taken writes every one of them before close() returns.
    const last = Array.from({ length: 10 }, () => signer(petition.number));
    const answers = last.map((r) => hot.sign(r));
    await hot.close();
    expect((await Promise.all(answers)).every((a) => a.outcome === "check_email")).toBe(true);
    const stored = new Set((await rowsFor(petition.id)).map((r) => r.email));
    expect(last.every((r) => stored.has(r.input.email))).toBe(true);
    expect(stored.size).toBe(1 + 1 + 50 + 10);
  });

  it("holds the per-address limit in memory: the 51st signature from one IP in an hour is refused", async () => {
    const petition = await openPetition();
    const hot = hotPath();
    const ip = `2001:db8:1::${unique("")}`;
    const settled = await Promise.allSettled(Array.from({ length: 51 }, () => hot.sign(signer(petition.number, {}, ip))));
    const refused = settled.filter((s) => s.status === "rejected").map((s) => (s as PromiseRejectedResult).reason);
    expect(refused).toHaveLength(1);
    expect(isDomainError(refused[0]) && refused[0].code).toBe("rate_limited");
    expect(await rowsFor(petition.id)).toHaveLength(50);
    await hot.close();
  });

  // The NUL reaches the database here (hot.sign trusts its caller to have parsed the input): the
  // batch is split until that signature is alone, and it alone is refused.
  it("refuses a closed petition, an unknown region and a NUL byte without failing the rest of the batch", async () => {
    const petition = await openPetition();
    const closed = await openPetition();
    await forcePetition(closed.id, { state: "closed" });
    const hot = hotPath({ maxWaitMs: 30 });
    const settled = await Promise.allSettled([
      hot.sign(signer(petition.number)),
      hot.sign(signer(closed.number)),
      hot.sign(signer(petition.number, { regionCode: "atlantis" })),
      hot.sign(signer(petition.number, { fullName: "Nul\u0000Byte" })),
      hot.sign(signer(petition.number)),
    ]);
    expect(settled.map((s) => (s.status === "fulfilled" ? "ok" : isDomainError(s.reason) ? s.reason.code : "other"))).toEqual([
      "ok",
      "not_found",
      "validation",
      "validation",
      "ok",
    ]);
    expect(await rowsFor(petition.id)).toHaveLength(2);
    await hot.close();
  });

  it("refuses signatures the moment a petition closes, although the petition was read a moment before", async () => {
    const petition = await openPetition();
    const hot = hotPath({ maxWaitMs: 1 });
    await expect(hot.sign(signer(petition.number))).resolves.toEqual({ outcome: "check_email" });
    await forcePetition(petition.id, { state: "closed" });
    const late = await hot.sign(signer(petition.number)).catch((e) => e);
    expect(isDomainError(late) && late.code).toBe("not_found");
    expect(await rowsFor(petition.id)).toHaveLength(1);
    await hot.close();
  });

  it("keeps every signature tied to an existing petition, checked once per statement instead of a lock per row", async () => {
    const petition = await openPetition();
    const hot = hotPath({ maxWaitMs: 1 });
    await hot.sign(signer(petition.number));
    await hot.close();
    const [stored] = await rowsFor(petition.id);
    // A statement adding a signature of no petition fails as a whole: nothing of it stays.
    const orphan = await db()
      .execute(sql`insert into signatures (petition_id, full_name, email, email_normalized, email_domain, region_code)
        values (${petition.id}, 'Aliya Test', ${unique("ok") + "@example.kz"}, ${unique("ok") + "@example.kz"}, 'example.kz', ${stored.regionCode}),
               ('no-such-petition', 'Aliya Test', 'orphan@example.kz', 'orphan@example.kz', 'example.kz', ${stored.regionCode})`)
      .catch((e) => e);
    expect(databaseErrorOf(orphan)?.code).toBe("23503");
    expect(await rowsFor(petition.id)).toHaveLength(1);
    // A signature never moves to another petition, and a petition is never deleted or renumbered.
    const other = await openPetition();
    const moved = await db().update(signatures).set({ petitionId: other.id }).where(eq(signatures.id, stored.id)).catch((e) => e);
    expect(databaseErrorOf(moved)?.code).toBe("23001");
    const deleted = await db().delete(petitions).where(eq(petitions.id, petition.id)).catch((e) => e);
    expect(databaseErrorOf(deleted)?.code).toBe("23001");
    const renumbered = await db().update(petitions).set({ id: "another-id" }).where(eq(petitions.id, petition.id)).catch((e) => e);
    expect(databaseErrorOf(renumbered)?.code).toBe("23001");
    // Updates that leave the petition alone (confirming, withdrawing) are not affected.
    await db().update(signatures).set({ state: "withdrawn", withdrawnAt: new Date() }).where(eq(signatures.id, stored.id));
    expect((await rowsFor(petition.id))[0].state).toBe("withdrawn");
  });
});

describe("the hot path over HTTP, as the sign form and confirm page use it", () => {
  let server: HotPathServer;
  let hot: HotPath;
  let base: string;

  beforeAll(async () => {
    hot = hotPath();
    server = await startHotPathServer(hot, db());
    base = server.base;
  });

  afterAll(async () => {
    await server.close();
    await hot.close();
  });

  it("signs with the form's JSON, confirms with the page's form post, and shows the count with an ETag", async () => {
    const petition = await openPetition();
    const input = signatureInput();
    const signed = await fetch(`${base}/api/v1/petitions/${petition.number}/signatures`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "NEXT_LOCALE=ru" },
      body: JSON.stringify({ ...input, consent: true }),
    });
    expect(signed.status).toBe(202);
    expect(await signed.json()).toEqual({ outcome: "check_email" });
    const [row] = await rowsFor(petition.id);
    expect(row.locale).toBe("ru");

    const confirmed = await fetch(`${base}/api/v1/signatures/${row.id}/confirm`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ t: signatureToken(row.id, "confirm") }),
      redirect: "manual",
    });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("location")).toBe(`/petitions/${petition.number}?signed=confirmed`);

    await new Promise((resolve) => setTimeout(resolve, 250)); // past the count cache's 200 ms
    const count = await fetch(`${base}/api/v1/petitions/${petition.number}/count`);
    expect(count.status).toBe(200);
    expect(count.headers.get("cache-control")).toBe("public, s-maxage=1, stale-while-revalidate=5");
    const body = (await count.json()) as { confirmed: number; threshold: number };
    expect(body).toMatchObject({ number: petition.number, confirmed: 1, invalidated: 0, threshold: 100_000 });
    const etag = count.headers.get("etag")!;
    const again = await fetch(`${base}/api/v1/petitions/${petition.number}/count`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("answers bad input with 4xx JSON, never a 500, and leaves other URLs to Next", async () => {
    const petition = await openPetition();
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const invalid = await post(`/api/v1/petitions/${petition.number}/signatures`, JSON.stringify({ fullName: "A", email: "nope" }));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors.email).toEqual(["email"]);
    expect((await post(`/api/v1/petitions/${petition.number}/signatures`, "{not json")).status).toBe(400);
    expect((await post(`/api/v1/petitions/999999999/signatures`, JSON.stringify({ ...signatureInput(), consent: true }))).status).toBe(404);
    expect((await post(`/api/v1/petitions/${petition.number}/signatures`, "{}", { origin: "https://evil.example" })).status).toBe(403);
    expect((await post(`/api/v1/petitions/${petition.number}/signatures`, "x".repeat(20_000))).status).toBe(413);
    expect((await fetch(`${base}/api/v1/petitions/abc/count`)).status).toBe(404);
    expect((await fetch(`${base}/api/v1/petitions/${petition.number}`)).status).toBe(418);
  });
});
