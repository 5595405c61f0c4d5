import { desc, eq, sql } from "drizzle-orm";
import { signatureInvalidations, signatures } from "@/db/schema";
import type { Executor } from "@/db/client";
import { rowsOf } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertModerator } from "@/lib/auth/permissions";
import { signatureIpv4 } from "./invalidate-signatures";
import { readPetitionSettings } from "./settings";

// Moderator-only aggregates over a petition's signatures. They scan the petition's rows
// through its (petition_id, state, id) and (petition_id, email_domain) indexes, which is
// acceptable on this one page; public pages read the maintained count tables instead.

const HOUR_MS = 3_600_000;
/** Hours shown in the chart. */
export const ACTIVITY_HOURS = 48;
/** An hour is a spike above this many times the median of the day before it… */
export const SPIKE_FACTOR = 5;
/** …and with at least this many signatures, so a quiet petition's first handful is not flagged. */
export const SPIKE_MINIMUM = 10;
const TOP_LIMIT = 10;

/** Signatures started in one clock hour that are still pending or confirmed (`live`), or invalidated since. */
export interface ActivityHour {
  hourStart: Date;
  live: number;
  invalidated: number;
  /** Median of the 24 hours before it. */
  median: number;
  spike: boolean;
}

/** A source that reached a signing limit: one IP in one hour, or one e-mail domain in one minute. */
export interface RateLimitFlag {
  kind: "ip" | "emailDomain";
  value: string;
  windowStart: Date;
  count: number;
  limit: number;
}

export interface SignatureActivity {
  hours: ActivityHour[];
  topDomains: Array<{ emailDomain: string; count: number }>;
  /** IPv4 /24 networks; null stands for every address that is not IPv4. */
  topNetworks: Array<{ network: string | null; count: number }>;
  rateLimitFlags: RateLimitFlag[];
  invalidations: Array<{ id: number; criteria: { emailDomain?: string; ipRange?: string }; reason: string; count: number; createdAt: Date }>;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Flags the hours of `counts` (oldest first) that exceed SPIKE_FACTOR × the median of the
 * 24 hours before them; the first 24 entries only serve as history and are not returned.
 */
export function flagSpikes(counts: readonly number[]): Array<{ count: number; median: number; spike: boolean }> {
  const result = [];
  for (let i = 24; i < counts.length; i++) {
    const before = median(counts.slice(i - 24, i));
    result.push({ count: counts[i], median: before, spike: counts[i] >= SPIKE_MINIMUM && counts[i] > SPIKE_FACTOR * before });
  }
  return result;
}

const toNumber = (value: unknown) => Number(value ?? 0);
const fromEpoch = (value: unknown) => new Date(Number(value) * 1000);

/** Everything the moderator's signature tools show for one petition. */
export async function readSignatureActivity(options: {
  db: Executor;
  actor: Actor | null;
  petitionId: string;
  now?: Date;
}): Promise<SignatureActivity> {
  const { db, actor, petitionId, now = new Date() } = options;
  assertModerator(actor);
  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  // 24 more hours than shown, as the history the first shown hours are compared with.
  const historyStart = new Date(currentHour - (ACTIVITY_HOURS + 23) * HOUR_MS);
  const dayAgo = new Date(now.getTime() - 24 * HOUR_MS);
  const settings = await readPetitionSettings(db);
  const thisPetition = sql`${signatures.petitionId} = ${petitionId}`;
  const live = sql`${signatures.state} in ('pending', 'confirmed')`;
  const [hourRows, domainRows, networkRows, ipFlagRows, domainFlagRows, invalidations] = await Promise.all([
    db.execute(sql`
      select floor(extract(epoch from ${signatures.createdAt}) / 3600)::bigint * 3600 as hour,
             count(*) filter (where ${live}) as live,
             count(*) filter (where ${signatures.state} = 'invalidated') as invalidated
      from ${signatures}
      where ${thisPetition} and ${signatures.createdAt} >= ${historyStart.toISOString()}::timestamptz
      group by 1`),
    db.execute(sql`
      select ${signatures.emailDomain} as email_domain, count(*) as count
      from ${signatures}
      where ${thisPetition} and ${live} and ${signatures.createdAt} >= ${dayAgo.toISOString()}::timestamptz
      group by 1 order by 2 desc, 1 limit ${TOP_LIMIT}`),
    db.execute(sql`
      select host(network(set_masklen(${signatureIpv4()}, 24))) || '/24' as network, count(*) as count
      from ${signatures}
      where ${thisPetition} and ${live} and ${signatures.createdAt} >= ${dayAgo.toISOString()}::timestamptz
      group by 1 order by 2 desc, 1 nulls last limit ${TOP_LIMIT}`),
    db.execute(sql`
      select ${signatures.ipAddress} as value, floor(extract(epoch from ${signatures.createdAt}) / 3600)::bigint * 3600 as window_start, count(*) as count
      from ${signatures}
      where ${thisPetition} and ${live} and ${signatures.createdAt} >= ${dayAgo.toISOString()}::timestamptz
        and ${signatures.ipAddress} is not null
      group by 1, 2 having count(*) >= ${settings.signaturesPerIpPerHour}
      order by 3 desc limit ${TOP_LIMIT}`),
    db.execute(sql`
      select ${signatures.emailDomain} as value, floor(extract(epoch from ${signatures.createdAt}) / 60)::bigint * 60 as window_start, count(*) as count
      from ${signatures}
      where ${thisPetition} and ${live} and ${signatures.createdAt} >= ${dayAgo.toISOString()}::timestamptz
      group by 1, 2 having count(*) >= ${settings.signaturesPerEmailDomainPerMinute}
      order by 3 desc limit ${TOP_LIMIT}`),
    db
      .select()
      .from(signatureInvalidations)
      .where(eq(signatureInvalidations.petitionId, petitionId))
      .orderBy(desc(signatureInvalidations.id)),
  ]);

  const byHour = new Map<number, { live: number; invalidated: number }>();
  for (const row of rowsOf<{ hour: unknown; live: unknown; invalidated: unknown }>(hourRows)) {
    byHour.set(Number(row.hour) * 1000, { live: toNumber(row.live), invalidated: toNumber(row.invalidated) });
  }
  const starts = Array.from({ length: ACTIVITY_HOURS + 24 }, (_, i) => historyStart.getTime() + i * HOUR_MS);
  const flagged = flagSpikes(starts.map((start) => byHour.get(start)?.live ?? 0));
  const hours = flagged.map((entry, i): ActivityHour => {
    const start = starts[i + 24];
    return { hourStart: new Date(start), live: entry.count, invalidated: byHour.get(start)?.invalidated ?? 0, median: entry.median, spike: entry.spike };
  });

  const flag = (kind: RateLimitFlag["kind"], limit: number) => (row: { value: string; window_start: unknown; count: unknown }): RateLimitFlag => ({
    kind,
    value: row.value,
    windowStart: fromEpoch(row.window_start),
    count: toNumber(row.count),
    limit,
  });
  return {
    hours,
    topDomains: rowsOf<{ email_domain: string; count: unknown }>(domainRows).map((row) => ({ emailDomain: row.email_domain, count: toNumber(row.count) })),
    topNetworks: rowsOf<{ network: string | null; count: unknown }>(networkRows).map((row) => ({ network: row.network, count: toNumber(row.count) })),
    rateLimitFlags: [
      ...rowsOf<{ value: string; window_start: unknown; count: unknown }>(ipFlagRows).map(flag("ip", settings.signaturesPerIpPerHour)),
      ...rowsOf<{ value: string; window_start: unknown; count: unknown }>(domainFlagRows).map(flag("emailDomain", settings.signaturesPerEmailDomainPerMinute)),
    ],
    invalidations: invalidations.map((row) => ({ id: row.id, criteria: row.criteria, reason: row.reason, count: row.invalidatedCount, createdAt: row.createdAt })),
  };
}
