import { and, eq, inArray, or } from "drizzle-orm";
import { petitions, signatures } from "@/db/schema";
import type { Executor } from "@/db/client";
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
export async function signMany(tx: Executor, submissions: readonly SignatureSubmission[]): Promise<ItemResult<{ outcome: SignOutcome }>[]> {
  const results: ItemResult<{ outcome: SignOutcome }>[] = new Array(submissions.length);
  if (submissions.length === 0) return results;
  const numbers = [...new Set(submissions.map((s) => s.petitionNumber))];
  const found = await tx
    .select({ id: petitions.id, number: petitions.number, title: petitions.title, state: petitions.state, supportToken: petitions.supportToken })
    .from(petitions)
    .where(inArray(petitions.number, numbers));
  const byNumber = new Map(found.map((p) => [p.number, p]));

  type Prepared = {
    index: number;
    submission: SignatureSubmission;
    petition: (typeof found)[number];
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

  const inserted = winners.length
    ? await tx
        .insert(signatures)
        .values(
          winners.map(({ submission: s, petition, email, normalized, asThemselves }) => ({
            petitionId: petition.id,
            fullName: s.input.fullName,
            nameDisplay: s.input.nameDisplay,
            email,
            emailNormalized: normalized,
            emailDomain: emailDomain(s.input.email),
            regionCode: s.input.regionCode,
            iinHash: s.input.iin ? hashIin(s.input.iin) : null,
            userId: asThemselves ? s.actor!.id : null,
            locale: s.locale,
            state: asThemselves ? ("confirmed" as const) : ("pending" as const),
            confirmedAt: asThemselves ? s.now : null,
            ipAddress: s.ip,
            notify: s.input.notify,
            createdAt: s.now,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: signatures.id, petitionId: signatures.petitionId, emailNormalized: signatures.emailNormalized })
    : [];
  const insertedIds = new Map(inserted.map((row) => [key(row.petitionId, row.emailNormalized), row.id]));

  // Addresses that had signed already, or that an earlier item of this batch just signed.
  const repeated = [...winners.filter((p) => !insertedIds.has(key(p.petition.id, p.normalized))), ...duplicates].sort((a, b) => a.index - b.index);
  const existing = new Map<string, { id: number; state: string }>();
  if (repeated.length) {
    const pairs = [...new Map(repeated.map((p) => [key(p.petition.id, p.normalized), p])).values()];
    const rows = await tx
      .select({ id: signatures.id, state: signatures.state, petitionId: signatures.petitionId, emailNormalized: signatures.emailNormalized })
      .from(signatures)
      .where(or(...pairs.map((p) => and(eq(signatures.petitionId, p.petition.id), eq(signatures.emailNormalized, p.normalized)))));
    for (const row of rows) existing.set(key(row.petitionId, row.emailNormalized), { id: row.id, state: row.state });
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
