import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, petitionDailyCounts, petitionRegionCounts, petitions, signatureInvalidations, signatures, type Petition, type Signature } from "@/db/schema";
import { toDayString } from "@/lib/calendar/working-days";
import { applyCountDeltas, readCount, readDailyCounts, readRegionCounts } from "@/lib/petitions/counts";
import { invalidateSignatures, previewInvalidation } from "@/lib/petitions/invalidate-signatures";
import { flagSpikes, readSignatureActivity } from "@/lib/petitions/signature-activity";
import { refusal } from "./support/domain-errors";
import { actorFor, aModerator, createAgency, createUser, unique } from "./support/factories";

const db = () => getDb();
const HOUR = 3_600_000;

async function anOpenPetition(): Promise<Petition> {
  const creator = await createUser({ name: "Dana Creator" });
  const agency = await createAgency({ level: "city_akimat" });
  const [petition] = await db()
    .insert(petitions)
    .values({
      creatorId: creator.id,
      agencyId: agency.id,
      title: `Keep the tram in Almaty ${unique()}`,
      request: "Restore the tram lines closed in 2015 and run them every ten minutes.",
      reasons: "Trams are clean, quiet and carry more people than buses on the same street.",
      state: "open",
      supportToken: unique("support"),
      openedAt: new Date("2031-01-10T05:00:00Z"),
      closesOn: "2031-07-10",
    })
    .returning();
  return petition;
}

type SignatureSpec = {
  domain: string;
  ip: string | null;
  state?: "pending" | "confirmed" | "withdrawn";
  region?: string;
  createdAt?: Date;
  confirmedAt?: Date;
};

/** Signatures written directly, with the count tables kept in step as confirmation would. */
async function addSignatures(petitionId: string, specs: readonly SignatureSpec[]): Promise<Signature[]> {
  const rows = specs.map((spec) => {
    const local = unique("signer");
    const state = spec.state ?? "confirmed";
    const createdAt = spec.createdAt ?? new Date("2031-02-01T06:00:00Z");
    return {
      petitionId,
      fullName: "Asel Nurlanovna",
      email: `${local}@${spec.domain}`,
      emailNormalized: `${local}@${spec.domain}`,
      emailDomain: spec.domain,
      regionCode: spec.region ?? "almaty-city",
      state,
      ipAddress: spec.ip,
      createdAt,
      confirmedAt: state === "pending" ? null : (spec.confirmedAt ?? createdAt),
      withdrawnAt: state === "withdrawn" ? createdAt : null,
    };
  });
  const inserted = await db().insert(signatures).values(rows).returning();
  await applyCountDeltas(
    db(),
    inserted
      .filter((row) => row.state === "confirmed")
      .map((row) => ({ petitionId, regionCode: row.regionCode, day: toDayString(row.confirmedAt!), confirmed: 1 })),
  );
  return inserted;
}

/** Five bots from one domain and network, three real people elsewhere, and some edge cases. */
async function aPetitionWithBots() {
  const petition = await anOpenPetition();
  const dayOne = new Date("2031-02-01T06:00:00Z");
  const dayTwo = new Date("2031-02-02T06:00:00Z");
  const bots = await addSignatures(petition.id, [
    { domain: "spam.example", ip: "203.0.113.5", region: "astana-city", confirmedAt: dayOne },
    { domain: "spam.example", ip: "203.0.113.6", region: "astana-city", confirmedAt: dayOne },
    { domain: "spam.example", ip: "203.0.113.7", region: "almaty-city", confirmedAt: dayTwo },
    { domain: "spam.example", ip: "203.0.113.8", state: "pending" },
    { domain: "spam.example", ip: "203.0.113.9", state: "withdrawn" },
  ]);
  const people = await addSignatures(petition.id, [
    { domain: "mail.kz", ip: "198.51.100.20", region: "astana-city", confirmedAt: dayOne },
    { domain: "mail.kz", ip: "::ffff:203.0.113.44", region: "almaty-city", confirmedAt: dayTwo },
    { domain: "gmail.com", ip: "unknown", region: "almaty-city", confirmedAt: dayTwo },
  ]);
  return { petition, bots, people };
}

async function statesOf(ids: number[]) {
  const rows = await db().select({ id: signatures.id, state: signatures.state }).from(signatures);
  const byId = new Map(rows.map((row) => [row.id, row.state]));
  return ids.map((id) => byId.get(id));
}

describe("a moderator invalidates fraudulent signatures", () => {
  it("lets Madina preview, then invalidate every live signature from one e-mail domain; counts change exactly", async () => {
    const moderator = await aModerator();
    const { petition, bots, people } = await aPetitionWithBots();
    expect(await readCount(db(), petition.id)).toEqual({ confirmed: 6, invalidated: 0 });

    const preview = await previewInvalidation({ db: db(), actor: moderator, petitionId: petition.id, criteria: { emailDomain: " Spam.Example " } });
    expect(preview).toEqual({ total: 4, confirmed: 3, pending: 1 });

    const result = await invalidateSignatures({
      db: db(),
      actor: moderator,
      petitionId: petition.id,
      criteria: { emailDomain: "spam.example" },
      reason: "Bulk sign-ups from a disposable mail service",
      now: new Date("2031-02-03T08:00:00Z"),
    });

    expect(result).toMatchObject({ count: 4, confirmed: 3, pending: 1, criteria: { emailDomain: "spam.example" } });
    // The public count: three confirmed signatures fewer, three invalidated.
    expect(await readCount(db(), petition.id)).toEqual({ confirmed: 3, invalidated: 3 });
    expect(await readRegionCounts(db(), petition.id)).toEqual([
      { regionCode: "almaty-city", confirmed: 2 },
      { regionCode: "astana-city", confirmed: 1 },
    ]);
    expect(await readDailyCounts(db(), petition.id)).toEqual([
      { day: "2031-02-01", confirmed: 1 },
      { day: "2031-02-02", confirmed: 2 },
    ]);
    expect(await statesOf(bots.map((s) => s.id))).toEqual(["invalidated", "invalidated", "invalidated", "invalidated", "withdrawn"]);
    expect(await statesOf(people.map((s) => s.id))).toEqual(["confirmed", "confirmed", "confirmed"]);
    const [invalidated] = await db().select().from(signatures).where(eq(signatures.id, bots[0].id));
    expect(invalidated.invalidationId).toBe(result.invalidationId);
    expect(invalidated.invalidatedAt?.toISOString()).toBe("2031-02-03T08:00:00.000Z");

    const [record] = await db().select().from(signatureInvalidations).where(eq(signatureInvalidations.id, result.invalidationId));
    expect(record).toMatchObject({ petitionId: petition.id, moderatorId: moderator.id, invalidatedCount: 4, reason: "Bulk sign-ups from a disposable mail service" });
    const [event] = await db().select().from(events).where(and(eq(events.entityId, petition.id), eq(events.action, "signatures_invalidated")));
    expect(event).toMatchObject({ entityType: "petition", actorId: moderator.id, reason: "Bulk sign-ups from a disposable mail service" });
    expect(event.data).toMatchObject({ count: 4, criteria: { emailDomain: "spam.example" } });
  });

  it("invalidates by IPv4 range, including IPv4-mapped addresses and skipping text that is not an address", async () => {
    const moderator = await aModerator();
    const { petition, bots, people } = await aPetitionWithBots();
    // Written with a host part: matched and recorded as its network.
    const result = await invalidateSignatures({ db: db(), actor: moderator, petitionId: petition.id, criteria: { ipRange: "203.0.113.77/24" }, reason: "One botnet" });
    expect(result).toMatchObject({ count: 5, confirmed: 4, pending: 1, criteria: { ipRange: "203.0.113.0/24" } });
    expect(await statesOf(bots.map((s) => s.id))).toEqual(["invalidated", "invalidated", "invalidated", "invalidated", "withdrawn"]);
    expect(await statesOf(people.map((s) => s.id))).toEqual(["confirmed", "invalidated", "confirmed"]);
    expect(await readCount(db(), petition.id)).toEqual({ confirmed: 2, invalidated: 4 });
  });

  it("takes a bare address as /32 and needs both criteria to match when both are given", async () => {
    const moderator = await aModerator();
    const { petition, people } = await aPetitionWithBots();
    const none = await previewInvalidation({ db: db(), actor: moderator, petitionId: petition.id, criteria: { emailDomain: "spam.example", ipRange: "198.51.100.20" } });
    expect(none.total).toBe(0);
    const one = await invalidateSignatures({ db: db(), actor: moderator, petitionId: petition.id, criteria: { emailDomain: "mail.kz", ipRange: "198.51.100.20" }, reason: "Same person, many addresses" });
    expect(one).toMatchObject({ count: 1, confirmed: 1, criteria: { emailDomain: "mail.kz", ipRange: "198.51.100.20/32" } });
    expect(await statesOf(people.map((s) => s.id))).toEqual(["invalidated", "confirmed", "confirmed"]);
  });

  it("counts nothing twice: a second identical invalidation finds nothing left", async () => {
    const moderator = await aModerator();
    const { petition } = await aPetitionWithBots();
    await invalidateSignatures({ db: db(), actor: moderator, petitionId: petition.id, criteria: { emailDomain: "spam.example" }, reason: "Bots" });
    const again = await invalidateSignatures({ db: db(), actor: moderator, petitionId: petition.id, criteria: { emailDomain: "spam.example" }, reason: "Bots again" });
    expect(again.count).toBe(0);
    expect(await readCount(db(), petition.id)).toEqual({ confirmed: 3, invalidated: 3 });
  });

  it("refuses bad criteria and a missing reason, with field errors, changing nothing", async () => {
    const moderator = await aModerator();
    const { petition } = await aPetitionWithBots();
    const cases: Array<[{ emailDomain?: string; ipRange?: string }, Record<string, string[]>]> = [
      [{}, { emailDomain: ["criteriaRequired"] }],
      [{ emailDomain: "", ipRange: "  " }, { emailDomain: ["criteriaRequired"] }],
      [{ ipRange: "203.0.113.0/33" }, { ipRange: ["ipRange"] }],
      [{ ipRange: "300.0.113.0/24" }, { ipRange: ["ipRange"] }],
      [{ ipRange: "2001:db8::/32" }, { ipRange: ["ipRange"] }],
      [{ ipRange: "10.0.0.0/4" }, { ipRange: ["ipRangeTooBroad"] }],
      [{ emailDomain: "not a domain" }, { emailDomain: ["emailDomain"] }],
    ];
    for (const [criteria, fieldErrors] of cases) {
      const error = await refusal(invalidateSignatures({ db: db(), actor: moderator, petitionId: petition.id, criteria, reason: "Bots" }));
      expect(error.code).toBe("validation");
      expect(error.fieldErrors).toEqual(fieldErrors);
    }
    const noReason = await refusal(invalidateSignatures({ db: db(), actor: moderator, petitionId: petition.id, criteria: { emailDomain: "spam.example" }, reason: " " }));
    expect(noReason.fieldErrors).toEqual({ reason: ["required"] });
    expect((await refusal(invalidateSignatures({ db: db(), actor: moderator, petitionId: unique("missing"), criteria: { emailDomain: "spam.example" }, reason: "Bots" }))).code).toBe("not_found");
    expect(await readCount(db(), petition.id)).toEqual({ confirmed: 6, invalidated: 0 });
    expect(await db().select().from(signatureInvalidations).where(eq(signatureInvalidations.petitionId, petition.id))).toEqual([]);
  });

  it("refuses a citizen and a visitor, for the tools and for the invalidation", async () => {
    const citizen = await actorFor((await createUser({ name: "Daniyar Citizen" })).id);
    const { petition } = await aPetitionWithBots();
    for (const [actor, code] of [
      [citizen, "forbidden"],
      [null, "unauthenticated"],
    ] as const) {
      const criteria = { emailDomain: "spam.example" };
      expect((await refusal(invalidateSignatures({ db: db(), actor, petitionId: petition.id, criteria, reason: "Bots" }))).code).toBe(code);
      expect((await refusal(previewInvalidation({ db: db(), actor, petitionId: petition.id, criteria }))).code).toBe(code);
      expect((await refusal(readSignatureActivity({ db: db(), actor, petitionId: petition.id }))).code).toBe(code);
    }
    expect(await readCount(db(), petition.id)).toEqual({ confirmed: 6, invalidated: 0 });
  });
});

describe("the region and day counts of a viral petition", () => {
  it("adds up the shards that forty batches landed on into one figure per region and per day", async () => {
    const petition = await anOpenPetition();
    for (let batch = 0; batch < 40; batch++) {
      await applyCountDeltas(db(), [{ petitionId: petition.id, regionCode: "almaty-city", day: "2031-03-01", confirmed: 1 }]);
    }
    await applyCountDeltas(db(), [{ petitionId: petition.id, regionCode: "almaty-city", day: "2031-03-01", confirmed: -5, invalidated: 5 }]);
    // Spread over several rows (so batches do not queue on one row lock), read as one figure.
    expect((await db().select().from(petitionRegionCounts).where(eq(petitionRegionCounts.petitionId, petition.id))).length).toBeGreaterThan(1);
    expect((await db().select().from(petitionDailyCounts).where(eq(petitionDailyCounts.petitionId, petition.id))).length).toBeGreaterThan(1);
    expect(await readRegionCounts(db(), petition.id)).toEqual([{ regionCode: "almaty-city", confirmed: 35 }]);
    expect(await readDailyCounts(db(), petition.id)).toEqual([{ day: "2031-03-01", confirmed: 35 }]);
    expect(await readCount(db(), petition.id)).toEqual({ confirmed: 35, invalidated: 5 });
  });
});

describe("signature activity for moderators", () => {
  it("flags an hour with more than five times the median of the day before, and shows where it came from", async () => {
    const moderator = await aModerator();
    const petition = await anOpenPetition();
    const now = new Date("2031-03-10T12:30:00Z");
    const thisHour = new Date("2031-03-10T12:00:00Z").getTime();
    // Two signatures an hour for the 30 hours before the spike, from ordinary addresses.
    const background: SignatureSpec[] = [];
    for (let h = 1; h <= 30; h++) {
      for (let i = 0; i < 2; i++) background.push({ domain: "mail.kz", ip: `198.51.${100 + (h % 50)}.${i + 1}`, createdAt: new Date(thisHour - h * HOUR + i * 60_000) });
    }
    // Then 50 in this hour, from one address of one network and one domain.
    const spike: SignatureSpec[] = Array.from({ length: 50 }, (_, i) => ({
      domain: "spam.example",
      ip: "203.0.113.5",
      state: i % 5 === 0 ? "pending" : "confirmed",
      createdAt: new Date(thisHour + i * 30_000),
    }));
    await addSignatures(petition.id, [...background, ...spike]);

    const activity = await readSignatureActivity({ db: db(), actor: moderator, petitionId: petition.id, now });

    expect(activity.hours).toHaveLength(48);
    const last = activity.hours.at(-1)!;
    expect(last).toMatchObject({ live: 50, median: 2, spike: true });
    expect(last.hourStart.toISOString()).toBe("2031-03-10T12:00:00.000Z");
    expect(activity.hours.filter((hour) => hour.spike)).toHaveLength(1);
    expect(activity.hours.at(-2)).toMatchObject({ live: 2, spike: false });
    expect(activity.topDomains[0]).toEqual({ emailDomain: "spam.example", count: 50 });
    expect(activity.topNetworks[0]).toEqual({ network: "203.0.113.0/24", count: 50 });
    expect(activity.rateLimitFlags).toEqual([
      { kind: "ip", value: "203.0.113.5", windowStart: new Date(thisHour), count: 50, limit: 50 },
    ]);

    // After invalidation the hour shows the signatures as invalidated, and the spike is gone.
    await invalidateSignatures({ db: db(), actor: moderator, petitionId: petition.id, criteria: { ipRange: "203.0.113.5" }, reason: "One machine" });
    const after = await readSignatureActivity({ db: db(), actor: moderator, petitionId: petition.id, now });
    expect(after.hours.at(-1)).toMatchObject({ live: 0, invalidated: 50, spike: false });
    expect(after.invalidations).toMatchObject([{ count: 50, criteria: { ipRange: "203.0.113.5/32" }, reason: "One machine" }]);
    expect(await readCount(db(), petition.id)).toEqual({ confirmed: 60, invalidated: 40 });
  });

  it("does not call a quiet petition's first handful of signatures a spike", () => {
    const quiet = [...Array(24).fill(0), 3, 9, 10, 0];
    expect(flagSpikes(quiet).map((hour) => hour.spike)).toEqual([false, false, true, false]);
    const busy = [...Array(24).fill(20), 100, 101];
    expect(flagSpikes(busy).map((hour) => [hour.median, hour.spike])).toEqual([
      [20, false],
      [20, true],
    ]);
  });
});
