import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activities, observations, petitionDailyCounts, petitionRegionCounts, petitions, petitionTotals } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { refreshScorecards } from "@/lib/scorecards/refresh-scorecards";
import { listScorecards } from "@/lib/scorecards/read-scorecards";
import { onADatabaseOfItsOwn } from "./support/database-of-its-own";

// The demo data as a first-time visitor meets it: on a database no other test file has filled.
onADatabaseOfItsOwn("seeded_demo");

// A first-time visitor sees the demo data: its figures must hold together as real ones would.
describe("the seeded demo data", () => {
  it("holds together for a first-time visitor: figures add up, agencies are ranked, activities have observations", async () => {
    const db = getDb();
    await seedDemoData(db);

    const totals = await db
      .select({
        number: petitions.number,
        total: petitionTotals.confirmed,
        byRegion: sql<number>`(select coalesce(sum(${petitionRegionCounts.confirmed}), 0) from ${petitionRegionCounts} where ${petitionRegionCounts.petitionId} = ${petitions.id})`.mapWith(Number),
        regions: sql<number>`(select count(distinct ${petitionRegionCounts.regionCode}) from ${petitionRegionCounts} where ${petitionRegionCounts.petitionId} = ${petitions.id} and ${petitionRegionCounts.confirmed} > 0)`.mapWith(Number),
        byDay: sql<number>`(select coalesce(sum(${petitionDailyCounts.confirmed}), 0) from ${petitionDailyCounts} where ${petitionDailyCounts.petitionId} = ${petitions.id})`.mapWith(Number),
      })
      .from(petitions)
      .innerJoin(petitionTotals, eq(petitionTotals.petitionId, petitions.id));
    expect(totals.length).toBeGreaterThan(3);
    for (const petition of totals) {
      expect({ number: petition.number, byRegion: petition.byRegion, byDay: petition.byDay }).toEqual({ number: petition.number, byRegion: petition.total, byDay: petition.total });
    }
    // Varied regional figures: a petition with many signers has them in several regions, unevenly.
    const big = totals.filter((p) => p.total >= 1000);
    expect(big.length).toBeGreaterThan(0);
    for (const petition of big) expect(petition.regions).toBeGreaterThan(5);

    await refreshScorecards({ db, full: true });
    const league = await listScorecards(db, { sort: "on_time", page: 1, perPage: 50, locale: "en" });
    const ranked = league.items.filter((item) => item.rank !== null);
    expect(ranked.length).toBeGreaterThanOrEqual(3);
    // Some answers were late: the ranked agencies do not all score 100%.
    expect(new Set(ranked.map((item) => item.figures.answeredOnTime)).size).toBeGreaterThan(1);

    const seeded = await db
      .select({ title: activities.title, observations: sql<number>`count(${observations.id})`.mapWith(Number) })
      .from(activities)
      .leftJoin(observations, eq(observations.activityId, activities.id))
      .groupBy(activities.id, activities.title);
    expect(seeded.length).toBeGreaterThanOrEqual(4);
    expect(seeded.filter((a) => a.observations === 0).map((a) => a.title)).toEqual([]);
  });
});
