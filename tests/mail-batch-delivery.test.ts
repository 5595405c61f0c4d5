import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobs, mailMessages, signatures } from "@/db/schema";
import { jobHandlers } from "@/lib/jobs/registry";
import { runDueJobs } from "@/lib/jobs/worker";
import { closeMailTransport, deliverMailBatch, MAIL_CONNECTIONS, MAIL_DELIVER_BATCH_QUEUE, MAIL_DELIVER_QUEUE } from "@/lib/mail/deliver-mail";
import { signMany } from "@/lib/petitions/hot-path/sign-many";
import { signatureToken } from "@/lib/petitions/tokens";
import { createAgency, ensureRegion, unique } from "./support/factories";
import { draftPetition, forcePetition, signatureInput } from "./support/petitions";

// A small SMTP server on loopback standing in for the mail provider (a service outside the
// machine): it accepts every recipient but one, which it refuses with 550.
const REFUSED = "refused";
let smtp: Server;
const received: string[] = [];
/** Each accepted message's data as the provider got it. */
const bodies: string[] = [];
/** Connections opened to the provider, messages it is taking in right now and at most at once, and how long it takes for each. */
const provider = { connections: 0, inFlight: 0, maxInFlight: 0, replyAfterMs: 0 };

beforeAll(async () => {
  smtp = createServer((socket) => {
    provider.connections++;
    socket.write("220 test ESMTP\r\n");
    let inData = false;
    let buffer = "";
    let data = "";
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            bodies.push(data);
            data = "";
            provider.inFlight++;
            provider.maxInFlight = Math.max(provider.maxInFlight, provider.inFlight);
            setTimeout(() => {
              provider.inFlight--;
              socket.write("250 queued\r\n");
            }, provider.replyAfterMs);
          } else data += `${line}\n`;
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === "EHLO" || command === "HELO") socket.write("250 test\r\n");
        else if (command === "MAIL") socket.write("250 ok\r\n");
        else if (command === "RCPT") {
          if (line.includes(REFUSED)) socket.write("550 no such mailbox\r\n");
          else {
            received.push(line.replace(/^RCPT TO:\s*<(.*)>.*$/i, "$1"));
            socket.write("250 ok\r\n");
          }
        } else if (command === "DATA") {
          inData = true;
          socket.write("354 go on\r\n");
        } else if (command === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.address() as AddressInfo).port}`;
});

afterAll(async () => {
  closeMailTransport();
  delete process.env.SMTP_URL;
  await new Promise((resolve) => smtp.close(resolve));
});

describe("mail queued by a signing batch", () => {
  it("goes out in one delivery job, written from the signatures and rendered as it leaves; a message the provider refuses gets a job of its own with retries, and none is written or sent twice", async () => {
    const db = getDb();
    const tag = unique("batch");
    const addresses = [`one.${tag}@example.kz`, `${REFUSED}.${tag}@example.kz`, `three.${tag}@example.kz`];
    const region = await ensureRegion();
    const { petition: draft } = await draftPetition({ agencyId: (await createAgency({ level: "city_akimat", regionCode: region })).id });
    const petition = await forcePetition(draft.id, { state: "open", openedAt: new Date() });
    const signed = await signMany(
      db,
      addresses.map((email) => ({ petitionNumber: petition.number, input: signatureInput({ email }), ip: "2001:db8::1", locale: "en" as const, actor: null, now: new Date() })),
    );
    expect(signed.every((result) => result.ok)).toBe(true);
    // The signing statement writes no message for a new signature: its batch's job names it.
    const storedSignatures = await db.select().from(signatures).where(inArray(signatures.email, addresses)).orderBy(signatures.id);
    const signatureIds = storedSignatures.map((s) => s.id);
    expect(await db.select().from(mailMessages).where(inArray(mailMessages.toAddress, addresses))).toEqual([]);
    const [batchJob, ...others] = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.queue, MAIL_DELIVER_BATCH_QUEUE), sql`${jobs.payload}->'signatureIds' @> ${JSON.stringify([signatureIds[0]])}::jsonb`));
    expect(others).toHaveLength(0);
    expect(batchJob.payload).toEqual({ messageIds: [], signatureIds });

    // The worker runs the batch's job (on a shared database, other due jobs may come first): it
    // writes the three messages from the signatures, sends two, and hands the refused one on.
    const stateOf = async (id: number) => (await db.select({ state: jobs.state }).from(jobs).where(eq(jobs.id, id)))[0].state;
    for (let round = 0; round < 20 && (await stateOf(batchJob.id)) === "queued"; round++) await runDueJobs({ db });
    const written = await db.select().from(mailMessages).where(inArray(mailMessages.toAddress, addresses)).orderBy(mailMessages.id);
    expect(written.map((m) => [m.toAddress, m.template])).toEqual(storedSignatures.map((s) => [s.email, "mailPetitions.confirmSignature"]));
    const ids = written.map((m) => m.id);
    const sent = await db.select().from(mailMessages).where(inArray(mailMessages.id, ids));
    const byAddress = new Map(sent.map((m) => [m.toAddress, m]));
    expect(byAddress.get(addresses[0])!.sentAt).not.toBeNull();
    // What left carries the signer's own confirm link, and the row now keeps the text that was sent.
    const [signature] = await db.select().from(signatures).where(eq(signatures.email, addresses[0]));
    const link = `/signatures/${signature.id}/confirm?t=${signatureToken(signature.id, "confirm")}`;
    const unfolded = bodies.map((body) => body.replace(/=\n/g, "").replace(/=3D/g, "=")); // quoted-printable
    expect(unfolded.some((body) => body.includes(link))).toBe(true);
    expect(byAddress.get(addresses[0])!.textBody).toContain(link);
    expect(byAddress.get(addresses[0])!.transport).toBe("smtp");
    expect(byAddress.get(addresses[2])!.sentAt).not.toBeNull();
    const refused = byAddress.get(addresses[1])!;
    expect(refused.sentAt).toBeNull();
    expect(refused.lastError).toContain("550");
    const [own] = await db.select().from(jobs).where(and(eq(jobs.queue, MAIL_DELIVER_QUEUE), sql`${jobs.payload}->>'messageId' = ${String(refused.id)}`));
    expect(own).toMatchObject({ state: "queued", maxAttempts: 8 });
    const [finished] = await db.select().from(jobs).where(eq(jobs.id, batchJob.id));
    expect(finished.state).toBe("done");

    // Run again, with the refused message's job due (other test files' due jobs may come first
    // on a shared database): the provider still refuses it; nothing already sent goes twice.
    const attemptsOf = async (id: number) => (await db.select({ attempts: jobs.attempts }).from(jobs).where(eq(jobs.id, id)))[0].attempts;
    for (let round = 0; round < 20 && (await attemptsOf(own.id)) === 0; round++) await runDueJobs({ db, now: new Date(Date.now() + 60_000) });
    expect(received.filter((to) => to.endsWith(`${tag}@example.kz`)).sort()).toEqual([addresses[0], addresses[2]].sort());
    const [retried] = await db.select().from(jobs).where(eq(jobs.id, own.id));
    expect(retried.attempts).toBe(1);
    expect(retried.state).toBe("queued");

    // The batch's job now names the messages it wrote, so a rerun of it (had its worker died
    // before marking it done) writes none again and sends none twice.
    const [expanded] = await db.select().from(jobs).where(eq(jobs.id, batchJob.id));
    expect(expanded.payload).toEqual({ messageIds: ids });
    await jobHandlers[MAIL_DELIVER_BATCH_QUEUE](expanded.payload, { db, now: new Date(), jobId: batchJob.id });
    expect(await db.select().from(mailMessages).where(inArray(mailMessages.toAddress, addresses))).toHaveLength(3);
    expect(received.filter((to) => to.endsWith(`${tag}@example.kz`)).sort()).toEqual([addresses[0], addresses[2]].sort());
  });
  it("sends a batch several messages at a time over a few connections kept open, as a viral petition's mail needs", async () => {
    const db = getDb();
    const tag = unique("pool");
    const addresses = Array.from({ length: 12 }, (_, i) => `p${i}.${tag}@example.kz`);
    const queued = await db
      .insert(mailMessages)
      .values(addresses.map((to) => ({ toAddress: to, template: "mail.signIn", locale: "en", params: { url: "http://localhost/x" } })))
      .returning({ id: mailMessages.id });
    const connectionsBefore = provider.connections;
    provider.maxInFlight = 0;
    provider.replyAfterMs = 40; // a provider that takes its time over each message
    try {
      await deliverMailBatch(db, queued.map((m) => m.id));
    } finally {
      provider.replyAfterMs = 0;
    }
    expect(received.filter((to) => to.endsWith(`${tag}@example.kz`)).sort()).toEqual([...addresses].sort());
    // One connection per message without the pool (12); with it, at most MAIL_CONNECTIONS, reused.
    expect(provider.connections - connectionsBefore).toBeLessThanOrEqual(MAIL_CONNECTIONS);
    // And not one after the other.
    expect(provider.maxInFlight).toBeGreaterThan(1);
    const sent = await db.select().from(mailMessages).where(inArray(mailMessages.toAddress, addresses));
    expect(sent.every((m) => m.sentAt !== null && m.transport === "smtp")).toBe(true);
  });
});
