import { inArray, sql, type SQL } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { petitions, type Petition } from "@/db/schema";
import { executePrepared, type Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { isSerialNumber } from "@/lib/validation/numbers";
import { MAIL_DELIVER_BATCH_QUEUE } from "@/lib/mail/deliver-mail";
import type { Locale } from "@/lib/i18n/locales";
import { applyCountDeltas, countDay, type CountDelta } from "../counts";
import { hashIin } from "../iin";
import { petitionMailParams } from "../petition-mail-params";
import { emailDomain, normalizeEmail } from "../normalize-email";
import { reachThresholds } from "../reach-thresholds";
import type { SignatureForm } from "../schema";
import { SIGNABLE } from "../states";
import type { ItemResult } from "./micro-batcher";

/** What the signer is told. "check_email" whether or not the address had signed before. */
export type SignOutcome = "check_email" | "confirmed" | "already_signed";

/** One signing request, validated and within its rate limits. */
export interface SignatureSubmission {
  petitionNumber: number;
  supportToken?: string;
  input: SignatureForm;
  ip: string;
  locale: Locale;
  actor: Actor | null;
  now: Date;
}

/** What signing needs of a petition (its e-mails take the title and link from the petition row itself). */
export interface SignablePetitionInfo {
  id: string;
  number: number;
  state: Petition["state"];
  supportToken: string;
}

export async function petitionsByNumber(db: Executor, numbers: readonly number[]): Promise<Map<number, SignablePetitionInfo>> {
  // A number beyond int4 names no petition, and Postgres would refuse the whole read for it.
  numbers = numbers.filter(isSerialNumber);
  const found = numbers.length
    ? await db
        .select({ id: petitions.id, number: petitions.number, state: petitions.state, supportToken: petitions.supportToken })
        .from(petitions)
        .where(inArray(petitions.number, [...numbers]))
    : [];
  return new Map(found.map((p) => [p.number, p]));
}

const key = (petitionId: string, emailNormalized: string) => `${petitionId}\u0000${emailNormalized}`;

/** True when the submission is a signed-in person with a verified address signing as themselves: confirmed at once. */
export function signsAsThemselves(submission: Pick<SignatureSubmission, "actor" | "input">): boolean {
  const { actor, input } = submission;
  return !!actor && actor.emailVerified && normalizeEmail(actor.email) === normalizeEmail(input.email);
}

/** One row of the signing statement's outcome, per item that reached it. */
interface StatementOutcome {
  ord: number;
  /** The petition could still be signed when the statement ran. */
  open: boolean;
  /** The signature this item created; null when its address (or IIN) had signed. */
  new_id: string | number | null;
}

/**
 * Stores many signatures with the same rules as one: a new address gets a confirmation
 * e-mail; an address that has signed (before, or earlier in the same batch — the first wins)
 * gets the confirmation again while pending or an "already signed" e-mail, and the same
 * answer, so the answer never reveals who signed; a signed-in person with a verified address
 * signing as themselves is confirmed at once and counted.
 *
 * All of it is ONE statement, whatever the batch size (README "Counting signatures and the
 * hot path"): the rows travel as one JSON parameter; data-modifying CTEs insert the
 * signatures (ON CONFLICT DO NOTHING, joined to the petition's current state, so a stale
 * cache cannot let a closed petition be signed) and one delivery job for the batch's mail: a
 * new signature's confirmation is queued as the signature's id, and its outbox message is
 * written from the signature row when the job runs (confirmationMailsFor); a repeat's message
 * (or a signed-in signer's "confirmed") is stored at once as template, locale and params,
 * rendered at delivery (lib/mail/stored-mail.ts). A single statement is atomic by itself, so on the hot path it runs
 * without BEGIN and COMMIT: one round trip per batch instead of five. Only when someone is
 * confirmed at once do the counts move as well, and then the caller must pass a transaction
 * (signPetition and the hot path do; anything else is refused as a programming error).
 *
 * Refusals of single items (unknown or closed petition) are item results; a database error
 * throws, and nothing of the batch is written.
 */
export async function signMany(
  db: Executor,
  submissions: readonly SignatureSubmission[],
  options: {
    /** The batch's petitions, read beforehand from a short-lived cache (outside the transaction: PGlite has one connection). */
    petitions?: Map<number, SignablePetitionInfo>;
  } = {},
): Promise<ItemResult<{ outcome: SignOutcome }>[]> {
  const results: ItemResult<{ outcome: SignOutcome }>[] = new Array(submissions.length);
  if (submissions.length === 0) return results;
  const byNumber = options.petitions ?? (await petitionsByNumber(db, [...new Set(submissions.map((s) => s.petitionNumber))]));

  const rows: Array<Record<string, unknown>> = [];
  const seen = new Set<string>();
  const asThemselves: boolean[] = new Array(submissions.length).fill(false);
  submissions.forEach((submission, ord) => {
    const petition = byNumber.get(submission.petitionNumber);
    if (
      !petition ||
      !SIGNABLE.includes(petition.state) ||
      (petition.state === "gathering_support" && petition.supportToken !== submission.supportToken)
    ) {
      results[ord] = { ok: false, error: new DomainError("not_found", "notFound") };
      return;
    }
    const { input } = submission;
    const normalized = normalizeEmail(input.email);
    const iinHash = input.iin ? hashIin(input.iin) : null;
    asThemselves[ord] = signsAsThemselves(submission);
    // The first of an address (or IIN) in the batch is inserted; the others are told as repeats.
    const emailKey = key(petition.id, `e:${normalized}`);
    const iinKey = iinHash ? key(petition.id, `i:${iinHash}`) : null;
    const winner = !seen.has(emailKey) && !(iinKey && seen.has(iinKey));
    if (winner) {
      seen.add(emailKey);
      if (iinKey) seen.add(iinKey);
    }
    rows.push({
      ord,
      winner,
      petition_id: petition.id,
      full_name: input.fullName,
      name_display: input.nameDisplay,
      email: input.email.trim(),
      email_normalized: normalized,
      email_domain: emailDomain(input.email),
      region_code: input.regionCode,
      iin_hash: iinHash,
      user_id: asThemselves[ord] ? submission.actor!.id : null,
      locale: submission.locale,
      confirmed: asThemselves[ord],
      ip_address: submission.ip,
      notify: input.notify,
      created_at: submission.now.toISOString(),
    });
  });
  if (rows.length === 0) return results;
  if (rows.some((row) => row.confirmed) && !(db instanceof PgTransaction)) {
    throw new Error("signMany confirms a signed-in signer at once and so moves the counts: call it inside a transaction");
  }

  const outcomes = await executePrepared<StatementOutcome>(db, signingStatement(rows, new Date()), "sign");

  const deltas: CountDelta[] = [];
  const confirmedPetitions = new Set<string>();
  let latest = submissions[0].now;
  for (const outcome of outcomes) {
    const ord = Number(outcome.ord);
    const submission = submissions[ord];
    if (!outcome.open) {
      results[ord] = { ok: false, error: new DomainError("not_found", "notFound") };
      continue;
    }
    if (submission.now > latest) latest = submission.now;
    if (outcome.new_id !== null && asThemselves[ord]) {
      const petitionId = byNumber.get(submission.petitionNumber)!.id;
      deltas.push({ petitionId, regionCode: submission.input.regionCode, day: countDay(submission.now), confirmed: 1 });
      confirmedPetitions.add(petitionId);
      results[ord] = { ok: true, value: { outcome: "confirmed" } };
    } else {
      results[ord] = { ok: true, value: { outcome: asThemselves[ord] ? "already_signed" : "check_email" } };
    }
  }
  if (deltas.length) {
    await applyCountDeltas(db, sortDeltas(deltas));
    await reachThresholds(db, [...confirmedPetitions], latest);
  }
  return results;
}

/**
 * The signing statement for prepared rows, as signMany runs it (exported for the test of the
 * plans Postgres keeps for it: tests/hot-path-plans.test.ts). `deliverFrom`: when the mail's
 * delivery job may run.
 */
export function signingStatement(rows: ReadonlyArray<Record<string, unknown>>, deliverFrom: Date): SQL {
  return sql`
      with submitted as (
        select * from json_to_recordset(${JSON.stringify(rows)}::json) as x(ord int, winner boolean, petition_id text, full_name text,
          name_display text, email text, email_normalized text, email_domain text, region_code text, iin_hash text, user_id text,
          locale text, confirmed boolean, ip_address text, notify boolean, created_at timestamptz)
      ),
      -- Each petition of the batch probed by its primary key: a lateral subquery with a LIMIT,
      -- which the planner cannot turn into a join over every petition, and the state compared
      -- in the "C" collation (the same answer for these plain words) so that no index on state
      -- can serve it instead — on empty tables the plan kept walked every open petition by
      -- (state, opened_at) (tests/hot-path-plans.test.ts).
      open_petitions as (
        select p.id, p.title, p.number from (select distinct petition_id from submitted) b
        cross join lateral (
          select id, title, number from petitions where id = b.petition_id and state collate "C" in ('gathering_support', 'open') limit 1
        ) p
      ),
      inserted as (
        insert into signatures (petition_id, full_name, name_display, email, email_normalized, email_domain, region_code,
          iin_hash, user_id, locale, state, confirmed_at, ip_address, notify, created_at)
        select x.petition_id, x.full_name, x.name_display, x.email, x.email_normalized, x.email_domain, x.region_code,
          x.iin_hash, x.user_id, x.locale, case when x.confirmed then 'confirmed' else 'pending' end,
          case when x.confirmed then x.created_at end, x.ip_address, x.notify, x.created_at
        from submitted x join open_petitions p on p.id = x.petition_id
        where x.winner
        on conflict do nothing
        returning id, petition_id, email_normalized, state
      ),
      outcome as (
        select x.ord, x.winner, x.email, x.locale, x.confirmed, p.id is not null as open, p.title, p.number, mine.id as new_id,
          -- A repeat: the address's signature from before this statement, or the one this batch's first item just made.
          coalesce(earlier.id, batch.id) as earlier_id, coalesce(earlier.state, batch.state) as earlier_state
        from submitted x
        left join open_petitions p on p.id = x.petition_id
        left join inserted mine on x.winner and mine.petition_id = x.petition_id and mine.email_normalized = x.email_normalized
        left join inserted batch on not x.winner and batch.petition_id = x.petition_id and batch.email_normalized = x.email_normalized
        -- Lateral: one probe of the unique index per repeat, never a walk of a viral petition's
        -- signatures. Written as "the first entry at or after (petition, address) in the unique
        -- index's order" so that no other index can serve it: asked as two equalities, a plan
        -- kept from when the table was empty took the (petition_id, email_domain) index, which
        -- ties with the unique one on an empty table, and then read every signature of the
        -- petition for each repeat as it grew (BENCHMARKS.md, session 5).
        left join lateral (
          select f.id, f.state from (
            select s.id, s.state, s.petition_id, s.email_normalized from signatures s
            where mine.id is null and (s.petition_id, s.email_normalized) >= (x.petition_id, x.email_normalized)
            order by s.petition_id, s.email_normalized
            limit 1
          ) f
          where f.petition_id = x.petition_id and f.email_normalized = x.email_normalized
        ) earlier on true
      ),
      -- Signing again after withdrawing: the withdrawn row (the address's one row on the petition)
      -- becomes a fresh signature with what was just submitted, as a first signature would be.
      -- Only repeats whose earlier signature is withdrawn reach it, so a batch of first
      -- signatures updates nothing and probes no index here. "state = 'withdrawn'" is checked
      -- again on the row's latest version: of two concurrent re-signs, exactly one revives it
      -- and the other is told as a repeat — the count can move only once. An IIN another
      -- signature of the petition holds keeps the row withdrawn (its unique index would refuse).
      revived as (
        update signatures s set (full_name, name_display, email, email_domain, region_code, iin_hash, user_id, locale, state,
          confirmed_at, withdrawn_at, ip_address, notify, created_at) = (
          select x.full_name, x.name_display, x.email, x.email_domain, x.region_code, x.iin_hash, x.user_id, x.locale,
            case when x.confirmed then 'confirmed' else 'pending' end, case when x.confirmed then x.created_at end, null::timestamptz,
            x.ip_address, x.notify, x.created_at
          from outcome o join submitted x on x.ord = o.ord
          where o.earlier_id = s.id and o.winner
          limit 1
        )
        where s.id = any(array(
            select o.earlier_id from outcome o
            where o.open and o.winner and o.new_id is null and o.earlier_state = 'withdrawn'
          )::bigint[])
          and s.state collate "C" = 'withdrawn'
          and not exists (
            select 1 from outcome o join submitted x on x.ord = o.ord
            where o.earlier_id = s.id and o.winner and x.iin_hash is not null
              and exists (select 1 from signatures d where d.petition_id = s.petition_id and d.iin_hash = x.iin_hash and d.id <> s.id)
          )
        returning s.id
      ),
      -- What each item came to: the signature it made or revived, if any.
      signed as (
        select o.*, coalesce(o.new_id, r.id) as signature_id
        from outcome o left join revived r on o.winner and r.id = o.earlier_id
      ),
      -- Mail for the few that are not a new pending signature (a repeat, or a signer confirmed
      -- at once) is stored now; a new signature's confirmation is queued by its id alone and
      -- written from the signature when it leaves (confirmationMailsFor): one row fewer per
      -- signature on the hot path.
      mails as (
        insert into mail_messages (to_address, template, locale, params)
        select o.email,
          case
            when o.signature_id is not null then 'mailPetitions.signatureConfirmed'
            when o.earlier_state = 'pending' or (o.earlier_state = 'withdrawn' and not o.winner) then 'mailPetitions.confirmSignature'
            else 'mailPetitions.alreadySigned'
          end,
          o.locale,
          -- The petition's title and link, and the signature the mail is about (a later item of
          -- the batch whose first item revived a withdrawn signature gets that one's confirmation).
          ${petitionMailParams(sql`o.title`, sql`o.number`)} || case
            when o.signature_id is not null then jsonb_build_object('signatureId', o.signature_id)
            when o.earlier_state = 'pending' or (o.earlier_state = 'withdrawn' and not o.winner) then jsonb_build_object('signatureId', o.earlier_id)
            else '{}'::jsonb
          end
        from signed o
        where o.open and (o.signature_id is null or o.confirmed)
        order by o.ord
        returning id
      ),
      delivery as (
        insert into jobs (queue, payload, run_at, max_attempts)
        select ${MAIL_DELIVER_BATCH_QUEUE},
          jsonb_build_object('messageIds', coalesce(m.ids, '[]'::jsonb), 'signatureIds', coalesce(s.ids, '[]'::jsonb)),
          ${deliverFrom.toISOString()}::timestamptz, 8
        from (select jsonb_agg(id order by id) as ids from mails) m,
          (select jsonb_agg(signature_id order by signature_id) as ids from signed where signature_id is not null and not confirmed) s
        where m.ids is not null or s.ids is not null
      )
      select ord, open, signature_id as new_id from signed`;
}

/** Same order in every batch, so two batches take the counter rows' locks in the same order. */
export function sortDeltas(deltas: CountDelta[]): CountDelta[] {
  return deltas.sort((a, b) => (a.petitionId < b.petitionId ? -1 : a.petitionId > b.petitionId ? 1 : a.regionCode < b.regionCode ? -1 : a.regionCode > b.regionCode ? 1 : a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
