import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import type { QueueMailInput } from "@/lib/mail/queue-mail";
import { renderMailText } from "@/lib/mail/render-mail";
import { MAIL_DELIVER_BATCH_QUEUE } from "@/lib/mail/deliver-mail";

/**
 * queueMail for many messages at once: the same outbox rows, and one `mail.deliver-batch` job
 * for all of them (a job row per message was a third of what a signature wrote), in the
 * caller's transaction, written by one statement whose rows travel as one JSON parameter
 * (Drizzle's multi-row builder costs ~0.1 ms per row, more than the database's work). The
 * HTML part is left empty — delivery derives it from the text (`htmlFromText`) — which
 * halves what a signature writes: mail was three quarters of a signing batch's time.
 */
export async function queueMails(tx: Executor, inputs: readonly QueueMailInput[]): Promise<number[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input) => {
    const rendered = renderMailText(input.template, input.locale, input.params);
    return { to_address: input.to, subject: rendered.subject, text_body: rendered.text, template: input.template };
  });
  const runAt = new Date().toISOString();
  const jobs = rowsOf<{ message_ids: Array<string | number> }>(
    await tx.execute(sql`
      with messages as (
        insert into mail_messages (to_address, subject, text_body, template)
        select to_address, subject, text_body, template
        from json_to_recordset(${JSON.stringify(rows)}::json) as x(to_address text, subject text, text_body text, template text)
        returning id
      )
      insert into jobs (queue, payload, run_at, max_attempts)
      select ${MAIL_DELIVER_BATCH_QUEUE}, jsonb_build_object('messageIds', jsonb_agg(id order by id)), ${runAt}::timestamptz, 8 from messages
      returning payload->'messageIds' as message_ids`),
  );
  return (jobs[0]?.message_ids ?? []).map(Number);
}
