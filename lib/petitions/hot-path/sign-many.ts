import { inArray, sql } from "drizzle-orm";
import { petitions, type Petition } from "@/db/schema";
import { rowsOf, type Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { siteUrl } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import type { QueueMailInput } from "@/lib/mail/queue-mail";
import { applyCountDeltas, countDay, type CountDelta } from "../counts";
import { hashIin } from "../iin";
import { emailDomain, normalizeEmail } from "../normalize-email";
import { reachThresholds } from "../reach-thresholds";
import type { SignatureForm } from "../schema";
import { SIGNABLE } from "../states";
import { signatureToken } from "../tokens";
import type { ItemResult } from "./micro-batcher";
import { queueMails } from "./queue-mails";

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

export function signatureLinks(signatureId: number) {
  const base = `${siteUrl()}/signatures/${signatureId}`;
  return {
    confirmUrl: `${base}/confirm?t=${signatureToken(signatureId, "confirm")}`,
    withdrawUrl: `${base}/withdraw?t=${signatureToken(signatureId, "withdraw")}`,
  };
}

const key = (petitionId: string, emailNormalized: string) => `${petitionId}\u0000${emailNormalized}`;

/**
 * Stores many signatures in the caller's transaction, with the same rules as one: a new
 * address gets a confirmation e-mail; an address that has signed (before, or earlier in the
 * same batch — the first wins) gets the confirmation again while pending or an "already
 * signed" e-mail, and the same answer, so the answer never reveals who signed; a signed-in
 * person with a verified address signing as themselves is confirmed at once and counted.
 *
 * A fixed number of statements whatever the batch size: petitions, one multi-row INSERT
 * … ON CONFLICT DO NOTHING, one look-up of the duplicates, one INSERT each for the outbox
 * and its jobs, and the count deltas once. Refusals of single items (unknown petition) are
 * item results; a database error throws and so rolls back the whole batch.
 */
/** What signing needs of a petition; the title does not change once it can be signed. */
export interface SignablePetitionInfo {
  id: string;
  number: number;
  title: string;
  state: Petition["state"];
  supportToken: string;
}

export async function petitionsByNumber(db: Executor, numbers: readonly number[]): Promise<Map<number, SignablePetitionInfo>> {
  const found = numbers.length
    ? await db
        .select({ id: petitions.id, number: petitions.number, title: petitions.title, state: petitions.state, supportToken: petitions.supportToken })
        .from(petitions)
        .where(inArray(petitions.number, [...numbers]))
    : [];
  return new Map(found.map((p) => [p.number, p]));
}

export async function signMany(
  tx: Executor,
  submissions: readonly SignatureSubmission[],
  options: {
    /**
     * The batch's petitions, read beforehand from a short-lived cache (outside the transaction:
     * PGlite has one connection). The INSERT re-checks their state, so a stale entry cannot let
     * a closed petition be signed.
     */
    petitions?: Map<number, SignablePetitionInfo>;
  } = {},
): Promise<ItemResult<{ outcome: SignOutcome }>[]> {
  const results: ItemResult<{ outcome: SignOutcome }>[] = new Array(submissions.length);
  if (submissions.length === 0) return results;
  const numbers = [...new Set(submissions.map((s) => s.petitionNumber))];
  const byNumber = options.petitions ?? (await petitionsByNumber(tx, numbers));

  type Prepared = {
    index: number;
    submission: SignatureSubmission;
    petition: SignablePetitionInfo;
    email: string;
    normalized: string;
    asThemselves: boolean;
    /** First of its address (and IIN) in this batch: the one that is inserted. */
    winner: boolean;
  };
  const winners: Prepared[] = [];
  const duplicates: Prepared[] = [];
  const seen = new Set<string>();
  submissions.forEach((submission, index) => {
    const petition = byNumber.get(submission.petitionNumber);
    if (
      !petition ||
      !SIGNABLE.includes(petition.state) ||
      (petition.state === "gathering_support" && petition.supportToken !== submission.supportToken)
    ) {
      results[index] = { ok: false, error: new DomainError("not_found", "notFound") };
      return;
    }
    const { input, actor } = submission;
    const normalized = normalizeEmail(input.email);
    const prepared: Prepared = {
      index,
      submission,
      petition,
      email: input.email.trim(),
      normalized,
      asThemselves: !!actor && actor.emailVerified && normalizeEmail(actor.email) === normalized,
      winner: false,
    };
    const emailKey = key(petition.id, `e:${normalized}`);
    const iinKey = input.iin ? key(petition.id, `i:${hashIin(input.iin)}`) : null;
    if (seen.has(emailKey) || (iinKey && seen.has(iinKey))) {
      duplicates.push(prepared);
      return;
    }
    seen.add(emailKey);
    if (iinKey) seen.add(iinKey);
    prepared.winner = true;
    winners.push(prepared);
  });

  // One statement, one parameter: the rows travel as JSON. Drizzle's builder costs ~0.1 ms
  // per row at this size; json_to_recordset costs the database next to nothing.
  const inserted = winners.length
    ? rowsOf<{ id: string | number; petition_id: string; email_normalized: string }>(
        await tx.execute(sql`
          insert into signatures (petition_id, full_name, name_display, email, email_normalized, email_domain, region_code,
            iin_hash, user_id, locale, state, confirmed_at, ip_address, notify, created_at)
          select x.petition_id, x.full_name, x.name_display, x.email, x.email_normalized, x.email_domain, x.region_code,
            x.iin_hash, x.user_id, x.locale, x.state, x.confirmed_at, x.ip_address, x.notify, x.created_at
          from json_to_recordset(${JSON.stringify(
            winners.map(({ submission: s, petition, email, normalized, asThemselves }) => ({
              petition_id: petition.id,
              full_name: s.input.fullName,
              name_display: s.input.nameDisplay,
              email,
              email_normalized: normalized,
              email_domain: emailDomain(s.input.email),
              region_code: s.input.regionCode,
              iin_hash: s.input.iin ? hashIin(s.input.iin) : null,
              user_id: asThemselves ? s.actor!.id : null,
              locale: s.locale,
              state: asThemselves ? "confirmed" : "pending",
              confirmed_at: asThemselves ? s.now.toISOString() : null,
              ip_address: s.ip,
              notify: s.input.notify,
              created_at: s.now.toISOString(),
            })),
          )}::json) as x(petition_id text, full_name text, name_display text, email text, email_normalized text, email_domain text,
            region_code text, iin_hash text, user_id text, locale text, state text, confirmed_at timestamptz, ip_address text,
            notify boolean, created_at timestamptz)
          join petitions p on p.id = x.petition_id and p.state in ('gathering_support', 'open')
          on conflict do nothing
          returning id, petition_id, email_normalized`),
      ).map((row) => ({ id: Number(row.id), petitionId: row.petition_id, emailNormalized: row.email_normalized }))
    : [];
  const insertedIds = new Map(inserted.map((row) => [key(row.petitionId, row.emailNormalized), row.id]));

  // Addresses that had signed already, or that an earlier item of this batch just signed —
  // and, for a petition read from the cache, whether it can still be signed at all.
  const repeated = [...winners.filter((p) => !insertedIds.has(key(p.petition.id, p.normalized))), ...duplicates].sort((a, b) => a.index - b.index);
  const existing = new Map<string, { id: number; state: string }>();
  const closedPetitions = new Set<string>();
  if (repeated.length) {
    const pairs = [...new Map(repeated.map((p) => [key(p.petition.id, p.normalized), { petition_id: p.petition.id, email_normalized: p.normalized }])).values()];
    const rows = rowsOf<{ petition_id: string; email_normalized: string; petition_state: string; id: string | number | null; state: string | null }>(
      await tx.execute(sql`
        select x.petition_id, x.email_normalized, p.state as petition_state, s.id, s.state
        from json_to_recordset(${JSON.stringify(pairs)}::json) as x(petition_id text, email_normalized text)
        join petitions p on p.id = x.petition_id
        left join signatures s on s.petition_id = x.petition_id and s.email_normalized = x.email_normalized`),
    );
    for (const row of rows) {
      if (!SIGNABLE.includes(row.petition_state as Petition["state"])) closedPetitions.add(row.petition_id);
      if (row.id !== null) existing.set(key(row.petition_id, row.email_normalized), { id: Number(row.id), state: row.state! });
    }
  }

  const mails: QueueMailInput[] = [];
  const deltas: CountDelta[] = [];
  const confirmedPetitions = new Set<string>();
  let latest = submissions[0].now;
  for (const p of [...winners, ...duplicates].sort((a, b) => a.index - b.index)) {
    const { submission: s, petition } = p;
    if (s.now > latest) latest = s.now;
    const params = { title: petition.title, url: `${siteUrl()}/petitions/${petition.number}` };
    const id = insertedIds.get(key(petition.id, p.normalized));
    if (closedPetitions.has(petition.id)) {
      results[p.index] = { ok: false, error: new DomainError("not_found", "notFound") };
      continue;
    }
    if (id === undefined || !p.winner) {
      const before = existing.get(key(petition.id, p.normalized));
      mails.push(
        before?.state === "pending"
          ? { to: p.email, template: "mailPetitions.confirmSignature", locale: s.locale, params: { ...params, ...signatureLinks(before.id) } }
          : { to: p.email, template: "mailPetitions.alreadySigned", locale: s.locale, params },
      );
      results[p.index] = { ok: true, value: { outcome: p.asThemselves ? "already_signed" : "check_email" } };
      continue;
    }
    const links = signatureLinks(id);
    if (p.asThemselves) {
      deltas.push({ petitionId: petition.id, regionCode: s.input.regionCode, day: countDay(s.now), confirmed: 1 });
      confirmedPetitions.add(petition.id);
      mails.push({ to: p.email, template: "mailPetitions.signatureConfirmed", locale: s.locale, params: { ...params, withdrawUrl: links.withdrawUrl } });
      results[p.index] = { ok: true, value: { outcome: "confirmed" } };
    } else {
      mails.push({ to: p.email, template: "mailPetitions.confirmSignature", locale: s.locale, params: { ...params, ...links } });
      results[p.index] = { ok: true, value: { outcome: "check_email" } };
    }
  }
  await queueMails(tx, mails);
  if (deltas.length) {
    await applyCountDeltas(tx, sortDeltas(deltas));
    await reachThresholds(tx, [...confirmedPetitions], latest);
  }
  return results;
}

/** Same order in every batch, so two batches take the counter rows' locks in the same order. */
export function sortDeltas(deltas: CountDelta[]): CountDelta[] {
  return deltas.sort((a, b) => (a.petitionId < b.petitionId ? -1 : a.petitionId > b.petitionId ? 1 : a.regionCode < b.regionCode ? -1 : a.regionCode > b.regionCode ? 1 : a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
