import { eq, sql } from "drizzle-orm";
import { jobs } from "@/db/schema";
import { rowsOf, type Database } from "@/db/client";
import { petitionMailParams } from "./petition-mail-params";

/**
 * The outbox messages of one mail delivery job, writing first the confirmation e-mails that a
 * signing batch queued as signature ids (signMany stores no message per new signature: one row
 * fewer per signature while a petition goes viral — README "Counting signatures and the hot
 * path").
 *
 * In one transaction, with the job's row locked: one message per signature still pending (a
 * signature withdrawn, invalidated or anonymized before its mail left gets none), written as
 * the signing statement would have written it — template, locale and params, rendered as it
 * leaves (lib/mail/stored-mail.ts) — and the job's payload turned into those message ids. A
 * rerun of the job (its worker died after this committed), even one running at the same time,
 * finds the ids and writes nothing again; delivery skips what was already sent.
 */
export async function confirmationMailsFor(db: Database, jobId: number): Promise<number[]> {
  return db.transaction(async (tx) => {
    const [job] = await tx.select({ payload: jobs.payload }).from(jobs).where(eq(jobs.id, jobId)).for("update");
    if (!job) return [];
    const stored = idsOf(job.payload.messageIds);
    const signatureIds = idsOf(job.payload.signatureIds);
    if (signatureIds.length === 0) return stored;
    const written = rowsOf<{ id: number | string }>(
      await tx.execute(sql`
        insert into mail_messages (to_address, template, locale, params)
        select s.email, 'mailPetitions.confirmSignature', s.locale,
          ${petitionMailParams(sql`p.title`, sql`p.number`)} || jsonb_build_object('signatureId', s.id)
        from signatures s join petitions p on p.id = s.petition_id
        where s.id = any(${`{${signatureIds.join(",")}}`}::bigint[]) and s.state = 'pending' and s.anonymized_at is null
        order by s.id
        returning id`),
    ).map((row) => Number(row.id));
    const messageIds = [...stored, ...written];
    await tx.update(jobs).set({ payload: { messageIds } }).where(eq(jobs.id, jobId));
    return messageIds;
  });
}

function idsOf(value: unknown): number[] {
  return Array.isArray(value) ? value.map(Number).filter(Number.isSafeInteger) : [];
}
