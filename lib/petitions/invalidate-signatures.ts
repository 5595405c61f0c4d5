import { eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { plainString } from "@/lib/validation/text";
import { petitions, signatureInvalidations, signatures } from "@/db/schema";
import type { Database, Executor } from "@/db/client";
import { rowsOf } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertModerator } from "@/lib/auth/permissions";
import { toDayString } from "@/lib/calendar/working-days";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { applyCountDeltas, type CountDelta } from "./counts";

const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
const BARE_IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** Broader ranges than this would sweep up whole providers' customers; refuse them. */
export const MIN_PREFIX_LENGTH = 8;

/** Blank → undefined, so an empty form field means "no criterion". */
const blank = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/**
 * Which signatures a moderator means: one e-mail domain (exact, any case) and/or one IPv4 range
 * in CIDR form (a bare address means /32). Both given → a signature must match both.
 * Messages are keys of "validation" / "moderation.validation".
 */
export const invalidationCriteriaSchema = z
  .object({
    emailDomain: z.preprocess(
      (v) => blank(v)?.toLowerCase().replace(/^@/, ""),
      z.string().regex(DOMAIN_PATTERN, "emailDomain").optional(),
    ),
    ipRange: z.preprocess(
      (v) => {
        const value = blank(v);
        return value && BARE_IPV4.test(value) ? `${value}/32` : value;
      },
      z
        .cidrv4({ message: "ipRange" })
        .refine((v) => Number(v.split("/")[1]) >= MIN_PREFIX_LENGTH, "ipRangeTooBroad")
        .transform(networkOf)
        .optional(),
    ),
  })
  .refine((c) => c.emailDomain || c.ipRange, { message: "criteriaRequired", path: ["emailDomain"] });
export type InvalidationCriteria = z.infer<typeof invalidationCriteriaSchema>;

/** Why the signatures are invalid: kept with the invalidation and in the history. */
export const invalidationReasonSchema = plainString({ message: "required" })
  .transform((v) => v.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, "required").max(1000, "tooLong"));

/** "203.0.113.77/24" → "203.0.113.0/24": the range as its network, so records read the same. */
function networkOf(cidr: string): string {
  const [address, prefix] = cidr.split("/");
  const bits = Number(prefix);
  const value = address.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const network = (value & mask) >>> 0;
  return `${[24, 16, 8, 0].map((shift) => (network >>> shift) & 255).join(".")}/${bits}`;
}

/** A dotted IPv4 address, optionally written as IPv4-mapped IPv6 (how Node reports some sockets). */
export const IPV4_TEXT_PATTERN =
  "^(::ffff:)?((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$";

/** The IPv4 address of a signature as inet, or null for anything else ("unknown", IPv6) — never a cast error. */
export function signatureIpv4(): SQL {
  return sql`(case when ${signatures.ipAddress} ~ ${IPV4_TEXT_PATTERN}
                then regexp_replace(${signatures.ipAddress}, '^::ffff:', '')::inet end)`;
}

function criteriaCondition(criteria: InvalidationCriteria): SQL {
  const parts: SQL[] = [];
  if (criteria.emailDomain) parts.push(sql`${signatures.emailDomain} = ${criteria.emailDomain}`);
  if (criteria.ipRange) parts.push(sql`coalesce(${signatureIpv4()} <<= ${criteria.ipRange}::inet, false)`);
  return sql.join(parts, sql` and `);
}

function parseCriteria(criteria: unknown): InvalidationCriteria {
  const parsed = invalidationCriteriaSchema.safeParse(criteria);
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** How many of a petition's live signatures the criteria match, before a moderator confirms. */
export async function previewInvalidation(options: {
  db: Executor;
  actor: Actor | null;
  petitionId: string;
  criteria: { emailDomain?: string; ipRange?: string };
}): Promise<{ total: number; confirmed: number; pending: number }> {
  const { db, actor, petitionId } = options;
  assertModerator(actor);
  const criteria = parseCriteria(options.criteria);
  const [row] = rowsOf<{ confirmed: string | number; pending: string | number }>(
    await db.execute(sql`
      select count(*) filter (where state = 'confirmed') as confirmed,
             count(*) filter (where state = 'pending') as pending
      from ${signatures}
      where ${signatures.petitionId} = ${petitionId}
        and ${signatures.state} in ('pending', 'confirmed')
        and ${criteriaCondition(criteria)}
    `),
  );
  const confirmed = Number(row?.confirmed ?? 0);
  const pending = Number(row?.pending ?? 0);
  return { total: confirmed + pending, confirmed, pending };
}

/** What one bulk invalidation did. */
export interface InvalidationResult {
  invalidationId: number;
  /** Signatures invalidated: previously confirmed + previously pending. */
  count: number;
  /** Of them, confirmed ones: these left the public count and entered the public invalidated count. */
  confirmed: number;
  pending: number;
  criteria: InvalidationCriteria;
}

/**
 * A moderator invalidates, in bulk, a petition's pending and confirmed signatures matching
 * the criteria (fraud). In one transaction: the invalidation record, the signatures, the
 * counts (each confirmed one leaves the confirmed count of its region and confirmation day
 * and is added to the public invalidated count) and the event "signatures_invalidated".
 */
export async function invalidateSignatures(options: {
  db: Database;
  actor: Actor | null;
  petitionId: string;
  criteria: { emailDomain?: string; ipRange?: string };
  reason: string;
  now?: Date;
}): Promise<InvalidationResult> {
  const { db, actor, petitionId, now = new Date() } = options;
  assertModerator(actor);
  const criteria = parseCriteria(options.criteria);
  const reasonParsed = invalidationReasonSchema.safeParse(options.reason);
  if (!reasonParsed.success) {
    throw new DomainError("validation", "invalidInput", { reason: fieldErrorsOf(reasonParsed.error)._form ?? ["required"] });
  }
  const reason = reasonParsed.data;
  return db.transaction(async (tx) => {
    const [petition] = await tx.select({ id: petitions.id, state: petitions.state }).from(petitions).where(eq(petitions.id, petitionId));
    if (!petition) throw new DomainError("not_found", "notFound");
    const [invalidation] = await tx
      .insert(signatureInvalidations)
      .values({ petitionId, moderatorId: actor.id, criteria, reason, invalidatedCount: 0, createdAt: now })
      .returning({ id: signatureInvalidations.id });
    // The CTE locks the matching rows and remembers each one's state before the update, so a
    // confirmation racing with us is either counted as confirmed here or never happens.
    const changed = rowsOf<{ region_code: string; previous_state: string; confirmed_epoch: number | string | null }>(
      await tx.execute(sql`
        with target as (
          select ${signatures.id} as id, ${signatures.state} as previous_state
          from ${signatures}
          where ${signatures.petitionId} = ${petitionId}
            and ${signatures.state} in ('pending', 'confirmed')
            and ${criteriaCondition(criteria)}
          for update
        )
        update ${signatures}
        set state = 'invalidated', invalidated_at = ${now.toISOString()}::timestamptz, invalidation_id = ${invalidation.id}
        from target
        where ${signatures.id} = target.id
        returning ${signatures.regionCode} as region_code, target.previous_state as previous_state,
                  extract(epoch from ${signatures.confirmedAt})::float8 as confirmed_epoch
      `),
    );
    const deltas: CountDelta[] = [];
    for (const row of changed) {
      if (row.previous_state !== "confirmed") continue;
      // A confirmed signature always has confirmed_at; "now" only guards against bad data.
      const confirmedAt = row.confirmed_epoch === null ? now : new Date(Number(row.confirmed_epoch) * 1000);
      deltas.push({ petitionId, regionCode: row.region_code, day: toDayString(confirmedAt), confirmed: -1, invalidated: 1 });
    }
    await applyCountDeltas(tx, deltas);
    await tx
      .update(signatureInvalidations)
      .set({ invalidatedCount: changed.length })
      .where(eq(signatureInvalidations.id, invalidation.id));
    await recordEvent(tx, {
      entityType: "petition",
      entityId: petitionId,
      actorId: actor.id,
      action: "signatures_invalidated",
      reason,
      data: { count: changed.length, confirmed: deltas.length, pending: changed.length - deltas.length, criteria, invalidationId: invalidation.id },
      occurredAt: now,
    });
    return { invalidationId: invalidation.id, count: changed.length, confirmed: deltas.length, pending: changed.length - deltas.length, criteria };
  });
}
