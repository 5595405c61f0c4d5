import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { agencySearchSchema } from "@/lib/agencies/schema";
import { searchAgencies } from "@/lib/agencies/search-agencies";
import { seedBaseData } from "@/db/seed";

describe("the agencies directory", () => {
  it("lets a visitor find the Akimat of Astana by its Kazakh, Russian or English name", async () => {
    const db = getDb();
    await seedBaseData(db);
    for (const q of ["Астана қаласының", "Акимат города Астаны", "Akimat of Astana"]) {
      const { rows } = await searchAgencies(db, agencySearchSchema.parse({ q }));
      expect(rows.map((r) => r.agency.slug)).toContain("akimat-astana");
    }
  });

  it("filters by level and region, and treats % in a search as a plain character", async () => {
    const db = getDb();
    await seedBaseData(db);
    const { rows } = await searchAgencies(db, agencySearchSchema.parse({ level: "city_maslikhat", region: "almaty-city" }));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.agency.level === "city_maslikhat" && r.agency.regionCode === "almaty-city")).toBe(true);
    expect((await searchAgencies(db, agencySearchSchema.parse({ q: "%" }))).total).toBe(0);
  });

  it("ignores a bad page number or unknown level from the URL instead of failing", () => {
    expect(agencySearchSchema.parse({ page: "-3", level: "emperor" })).toMatchObject({ page: 1, level: undefined });
  });
});
