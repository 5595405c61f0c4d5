import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobs, mailMessages } from "@/db/schema";
import { runDueJobs } from "@/lib/jobs/worker";
import { MAIL_DELIVER_BATCH_QUEUE, MAIL_DELIVER_QUEUE } from "@/lib/mail/deliver-mail";
import { queueMails } from "@/lib/petitions/hot-path/queue-mails";
import { unique } from "./support/factories";

// A small SMTP server on loopback standing in for the mail provider (a service outside the
// machine): it accepts every recipient but one, which it refuses with 550.
const REFUSED = "refused";
let smtp: Server;
const received: string[] = [];

beforeAll(async () => {
  smtp = createServer((socket) => {
    socket.write("220 test ESMTP\r\n");
    let inData = false;
    let buffer = "";
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            socket.write("250 queued\r\n");
          }
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
  delete process.env.SMTP_URL;
  await new Promise((resolve) => smtp.close(resolve));
});

describe("mail queued by a signing batch", () => {
  it("goes out in one delivery job; a message the provider refuses gets a job of its own with retries, and none is sent twice", async () => {
    const db = getDb();
    const tag = unique("batch");
    const addresses = [`one.${tag}@example.kz`, `${REFUSED}.${tag}@example.kz`, `three.${tag}@example.kz`];
    const ids = await db.transaction((tx) =>
      queueMails(
        tx,
        addresses.map((to) => ({ to, template: "mail.signIn", locale: "en" as const, params: { url: `http://localhost/${tag}` } })),
      ),
    );
    expect(ids).toHaveLength(3);
    const [batchJob, ...others] = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.queue, MAIL_DELIVER_BATCH_QUEUE), sql`${jobs.payload}->'messageIds' @> ${JSON.stringify([ids[0]])}::jsonb`));
    expect(others).toHaveLength(0);
    expect(batchJob.payload).toEqual({ messageIds: ids });

    // The worker runs the batch's job (on a shared database, other due jobs may come first): two
    // messages are sent, the refused one is handed on.
    const stateOf = async (id: number) => (await db.select({ state: jobs.state }).from(jobs).where(eq(jobs.id, id)))[0].state;
    for (let round = 0; round < 20 && (await stateOf(batchJob.id)) === "queued"; round++) await runDueJobs({ db });
    const sent = await db.select().from(mailMessages).where(inArray(mailMessages.id, ids));
    const byAddress = new Map(sent.map((m) => [m.toAddress, m]));
    expect(byAddress.get(addresses[0])!.sentAt).not.toBeNull();
    expect(byAddress.get(addresses[0])!.transport).toBe("smtp");
    expect(byAddress.get(addresses[2])!.sentAt).not.toBeNull();
    const refused = byAddress.get(addresses[1])!;
    expect(refused.sentAt).toBeNull();
    expect(refused.lastError).toContain("550");
    const [own] = await db.select().from(jobs).where(and(eq(jobs.queue, MAIL_DELIVER_QUEUE), sql`${jobs.payload}->>'messageId' = ${String(refused.id)}`));
    expect(own).toMatchObject({ state: "queued", maxAttempts: 8 });
    const [finished] = await db.select().from(jobs).where(eq(jobs.id, batchJob.id));
    expect(finished.state).toBe("done");

    // Run again, with the refused message's job due: the provider still refuses it; nothing already sent goes twice.
    await runDueJobs({ db, now: new Date(Date.now() + 60_000) });
    expect(received.filter((to) => to.endsWith(`${tag}@example.kz`)).sort()).toEqual([addresses[0], addresses[2]].sort());
    const [retried] = await db.select().from(jobs).where(eq(jobs.id, own.id));
    expect(retried.attempts).toBe(1);
    expect(retried.state).toBe("queued");
  });
});
