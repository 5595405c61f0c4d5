import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, petitionResponses, petitions, type Petition } from "@/db/schema";
import { applyCountDeltas } from "@/lib/petitions/counts";
import { listHomePetitions, listPetitions, resolveListSort, type PetitionListFilters } from "@/lib/petitions/list-petitions";
import { loadPetitionPageData } from "@/lib/petitions/petition-page-data";
import { readPetitionTimeline } from "@/lib/petitions/petition-timeline";
import { petitionListSchema } from "@/lib/petitions/schema";
import type { PetitionState } from "@/lib/petitions/states";
import { createAgency, createUser, ensureRegion, unique } from "./support/factories";

// Tests may share one Postgres database with other files: each filters by its own agency.

const db = () => getDb();

type PetitionFields = Partial<typeof petitions.$inferInsert> & { state: PetitionState };

async function insertPetition(agencyId: string, fields: PetitionFields): Promise<Petition> {
  const creator = await createUser();
  const [petition] = await db()
    .insert(petitions)
    .values({
      creatorId: creator.id,
      agencyId,
      title: "A petition about something that matters",
      request: "Please do the thing the petition asks for.",
      reasons: "Because the reasons are good and well explained.",
      supportToken: unique("support"),
      responseThreshold: 1000,
      openedAt: fields.state === "draft" ? null : new Date("2026-01-10T06:00:00Z"),
      closesOn: "2026-07-10",
      ...fields,
    })
    .returning();
  return petition;
}

async function sign(petitionId: string, regionCode: string, confirmed: number, day = "2026-02-01") {
  await applyCountDeltas(db(), [{ petitionId, regionCode, day, confirmed }]);
}

function filters(agency: string, overrides: Partial<PetitionListFilters> = {}): PetitionListFilters {
  return { agency, sort: "most_signed", page: 1, perPage: 20, ...overrides };
}

const numbers = (page: { items: Array<{ number: number }> }) => page.items.map((item) => item.number);

describe("the public list of petitions", () => {
  it("lets Aliya find petitions by a Kazakh word and Serik by a Russian one, best match first", async () => {
    const region = await ensureRegion(unique("region"));
    const agency = await createAgency();
    const kazakh = await insertPetition(agency.id, {
      state: "open",
      title: "Алматы қаласында велосипед жолдарын салу",
      request: "Әкімдіктен қала орталығында қауіпсіз велосипед жолдарын салуды сұраймыз.",
    });
    const russian = await insertPetition(agency.id, {
      state: "open",
      title: "Построить велодорожки в Астане",
      request: "Просим акимат построить безопасные велодорожки в центре города.",
    });
    const both = await insertPetition(agency.id, {
      state: "closed",
      title: "Велосипед и велодорожки: общий план",
      request: "Велосипед, велосипед и ещё раз велосипед — общий план.",
    });
    await sign(russian.id, region, 50);

    expect(numbers(await listPetitions(db(), filters(agency.slug, { q: "велосипед жолдарын", sort: "relevance" })))).toEqual([kazakh.number]);
    expect(numbers(await listPetitions(db(), filters(agency.slug, { q: "велодорожки", sort: "relevance" }))).sort()).toEqual([russian.number, both.number].sort());
    // The petition that says "велосипед" four times ranks above the one that says it twice.
    const ranked = await listPetitions(db(), filters(agency.slug, { q: "велосипед", sort: "relevance" }));
    expect(numbers(ranked)).toEqual([both.number, kazakh.number]);
    // Case does not matter, in Cyrillic either.
    expect(numbers(await listPetitions(db(), filters(agency.slug, { q: "ВЕЛОДОРОЖКИ" })))).toContain(russian.number);
  });

  it("falls back to the title when a search has no words, and treats % as a plain character", async () => {
    const agency = await createAgency();
    const shouting = await insertPetition(agency.id, { state: "open", title: "Жолды жөндеңіздер!!!" });
    await insertPetition(agency.id, { state: "open", title: "Тыныш өтініш" });
    expect(numbers(await listPetitions(db(), filters(agency.slug, { q: "!!!" })))).toEqual([shouting.number]);
    expect((await listPetitions(db(), filters(agency.slug, { q: "%" }))).total).toBe(0);
  });

  it("never lists a draft, hidden, expired, or not yet approved petition, whatever the filter", async () => {
    const agency = await createAgency();
    const open = await insertPetition(agency.id, { state: "open" });
    for (const state of ["draft", "gathering_support", "awaiting_moderation", "hidden", "expired"] as const) {
      await insertPetition(agency.id, { state, title: `Not public: ${state}` });
    }
    const all = await listPetitions(db(), filters(agency.slug));
    expect(numbers(all)).toEqual([open.number]);
    expect(all.total).toBe(1);
    expect((await listPetitions(db(), filters(agency.slug, { q: "public" }))).total).toBe(0);
  });

  it("filters by state, by region, and finds the petitions still awaiting an answer", async () => {
    const astana = await ensureRegion(unique("region"));
    const almaty = await ensureRegion(unique("region"));
    const agency = await createAgency();
    const open = await insertPetition(agency.id, { state: "open", regionCode: astana });
    const closed = await insertPetition(agency.id, { state: "closed", regionCode: almaty, closedAt: new Date("2026-07-10T19:00:00Z") });
    const owed = await insertPetition(agency.id, { state: "open", regionCode: almaty, thresholdReachedAt: new Date("2026-02-01T06:00:00Z"), responseDueOn: "2026-03-31" });
    const responded = await insertPetition(agency.id, { state: "responded", thresholdReachedAt: new Date("2026-02-01T06:00:00Z"), respondedAt: new Date("2026-03-01T06:00:00Z") });
    await db().insert(petitionResponses).values({ petitionId: responded.id, decision: "supported", reasons: "Agreed.", publishedAt: new Date("2026-03-01T06:00:00Z") });
    const rejected = await insertPetition(agency.id, { state: "rejected", rejectionReason: "duplicate" });

    expect(numbers(await listPetitions(db(), filters(agency.slug, { state: "open", sort: "newest" })))).toEqual([owed.number, open.number]);
    expect(numbers(await listPetitions(db(), filters(agency.slug, { state: "closed" })))).toEqual([closed.number]);
    expect(numbers(await listPetitions(db(), filters(agency.slug, { state: "responded" })))).toEqual([responded.number]);
    expect(numbers(await listPetitions(db(), filters(agency.slug, { state: "rejected" })))).toEqual([rejected.number]);
    expect(numbers(await listPetitions(db(), filters(agency.slug, { state: "awaiting_response" })))).toEqual([owed.number]);
    expect(numbers(await listPetitions(db(), filters(agency.slug, { region: almaty, sort: "newest" })))).toEqual([owed.number, closed.number]);
    expect((await listPetitions(db(), filters(unique("no-such-agency")))).total).toBe(0);
  });

  it("sorts by signatures from the count tables, by newest and by closing day, and pages through", async () => {
    const region = await ensureRegion(unique("region"));
    const agency = await createAgency();
    const quiet = await insertPetition(agency.id, { state: "open", openedAt: new Date("2026-01-01T06:00:00Z"), closesOn: "2026-07-01" });
    const popular = await insertPetition(agency.id, { state: "open", openedAt: new Date("2026-01-02T06:00:00Z"), closesOn: "2026-06-01" });
    const middling = await insertPetition(agency.id, { state: "open", openedAt: new Date("2026-01-03T06:00:00Z"), closesOn: "2026-08-01" });
    const finished = await insertPetition(agency.id, { state: "closed", openedAt: new Date("2026-01-04T06:00:00Z"), closesOn: "2026-01-05" });
    await sign(popular.id, region, 300);
    await sign(popular.id, region, 20, "2026-02-02");
    await sign(middling.id, region, 40);
    await applyCountDeltas(db(), [{ petitionId: middling.id, regionCode: region, day: "2026-02-03", confirmed: -5, invalidated: 5 }]);

    const mostSigned = await listPetitions(db(), filters(agency.slug));
    // The two without signatures tie at zero: the later number comes first.
    expect(numbers(mostSigned)).toEqual([popular.number, middling.number, finished.number, quiet.number]);
    expect(mostSigned.items[0]).toMatchObject({ signatures: 320, invalidated: 0 });
    expect(mostSigned.items[1]).toMatchObject({ signatures: 35, invalidated: 5 });

    expect(numbers(await listPetitions(db(), filters(agency.slug, { sort: "newest" })))).toEqual([finished.number, middling.number, popular.number, quiet.number]);
    // Open petitions closing soonest first; a closed one at the end although its day is earliest.
    expect(numbers(await listPetitions(db(), filters(agency.slug, { sort: "closing_soon" })))).toEqual([popular.number, quiet.number, middling.number, finished.number]);

    const page2 = await listPetitions(db(), filters(agency.slug, { sort: "newest", perPage: 3, page: 2 }));
    expect(page2).toMatchObject({ total: 4, page: 2, perPage: 3, pageCount: 2 });
    expect(numbers(page2)).toEqual([quiet.number]);
    expect((await listPetitions(db(), filters(agency.slug, { perPage: 3, page: 9 }))).items).toEqual([]);
  });

  it("pages through a search for a word every petition holds in every order, each petition once, with the page's names", async () => {
    const region = await ensureRegion(unique("region"));
    const agency = await createAgency();
    const made: Petition[] = [];
    for (let i = 0; i < 7; i++) {
      made.push(
        await insertPetition(agency.id, {
          state: i === 6 ? "closed" : "open",
          title: `Budget line ${i} for the district`,
          regionCode: i % 2 ? region : null,
          openedAt: new Date(Date.UTC(2026, 0, 1 + i, 6)),
          closesOn: `2026-07-${String(10 + (i % 3)).padStart(2, "0")}`,
        }),
      );
      if (i % 3) await sign(made[i].id, region, 10 * (i % 3));
    }
    for (const sort of ["relevance", "most_signed", "newest", "closing_soon"] as const) {
      const whole = await listPetitions(db(), filters(agency.slug, { q: "budget", sort }));
      expect(whole.total, sort).toBe(7);
      const pages = [1, 2, 3].map((page) => listPetitions(db(), filters(agency.slug, { q: "budget", sort, perPage: 3, page })));
      const paged = (await Promise.all(pages)).flatMap(numbers);
      expect(paged, sort).toEqual(numbers(whole));
      expect(new Set(paged).size, sort).toBe(7);
      if (sort === "newest") expect(numbers(whole)).toEqual(made.map((p) => p.number).reverse());
    }
    const [first] = (await listPetitions(db(), filters(agency.slug, { q: "budget", sort: "newest", perPage: 1 }))).items;
    expect(first).toMatchObject({ number: made[6].number, agency: { slug: agency.slug }, state: "closed" });
    expect((await listPetitions(db(), filters(agency.slug, { q: "budget", perPage: 3, page: 9 }))).items).toEqual([]);
  });

  it("reads the list's query from the URL without failing on nonsense, and picks a sensible order", () => {
    expect(petitionListSchema.parse({ state: "sunny", sort: "loudest", page: "-2", perPage: "5000" })).toMatchObject({
      state: undefined,
      sort: "most_signed",
      page: 1,
      perPage: 20,
    });
    expect(resolveListSort("велосипед", undefined)).toBe("relevance");
    expect(resolveListSort("", undefined)).toBe("most_signed");
    expect(resolveListSort("", "relevance")).toBe("most_signed");
    expect(resolveListSort("велосипед", "newest")).toBe("newest");
  });

  it("fills the home page with the most signed open petitions, the latest answers and the answers due soonest", async () => {
    const region = await ensureRegion(unique("region"));
    const agency = await createAgency();
    const famous = await insertPetition(agency.id, { state: "open" });
    await sign(famous.id, region, 9_000_000);
    const answered = await insertPetition(agency.id, { state: "responded", respondedAt: new Date("9999-01-01T00:00:00Z") });
    // (the latest answer of any run: other files share a Postgres database and publish answers of their own)
    const owed = await insertPetition(agency.id, { state: "closed", thresholdReachedAt: new Date("2000-01-01T00:00:00Z"), responseDueOn: "2000-02-01" });
    const home = await listHomePetitions(db());
    expect(home.mostSigned[0]).toMatchObject({ number: famous.number, signatures: 9_000_000 });
    expect(home.recentlyAnswered[0].number).toBe(answered.number);
    // Earlier runs on a shared database may have left petitions due the same day: listed, not necessarily first.
    expect(home.awaitingAnswer.map((p) => p.number)).toContain(owed.number);
    expect(home.mostSigned.length).toBeLessThanOrEqual(6);
  });
});

describe("one petition's page", () => {
  it("shows Marat's gathering petition only through his private link, with progress towards support", async () => {
    const region = await ensureRegion(unique("region"));
    const agency = await createAgency();
    const petition = await insertPetition(agency.id, { state: "gathering_support", supportThreshold: 50, openedAt: null, closesOn: null });
    await sign(petition.id, region, 7);
    expect(await loadPetitionPageData({ db: db(), number: petition.number })).toBeNull();
    expect(await loadPetitionPageData({ db: db(), number: petition.number, supportToken: "wrong" })).toBeNull();
    const page = await loadPetitionPageData({ db: db(), number: petition.number, supportToken: petition.supportToken });
    expect(page).toMatchObject({ viaSupportLink: true, progress: { kind: "support", value: 7, target: 50 }, signing: { open: true } });
    expect(JSON.stringify(page)).not.toContain(petition.supportToken);

    const hidden = await insertPetition(agency.id, { state: "hidden" });
    expect(await loadPetitionPageData({ db: db(), number: hidden.number, supportToken: hidden.supportToken })).toBeNull();
  });

  it("marks an answer overdue in working days, and tells the history without naming who acted", async () => {
    await ensureRegion();
    const agency = await createAgency();
    const moderator = await createUser({ platformRoles: ["moderator"] });
    const petition = await insertPetition(agency.id, {
      state: "open",
      thresholdReachedAt: new Date("2026-02-02T06:00:00Z"),
      responseDueOn: "2026-03-31",
    });
    await db().insert(events).values([
      { entityType: "petition", entityId: petition.id, actorId: moderator.id, action: "approved", fromState: "awaiting_moderation", toState: "open" },
      { entityType: "petition", entityId: petition.id, actorId: null, action: "threshold_reached", fromState: "open", toState: "open", data: { signatures: 1000, responseDueOn: "2026-03-31" } },
      { entityType: "petition", entityId: petition.id, actorId: moderator.id, action: "signatures_invalidated", reason: "Disposable e-mail domain", data: { count: 12 } },
      { entityType: "petition", entityId: petition.id, actorId: moderator.id, action: "internal_note", reason: "not for the public" },
    ]);
    const early = await loadPetitionPageData({ db: db(), number: petition.number, now: new Date("2026-03-27T06:00:00Z") });
    expect(early?.deadlines).toMatchObject({ overdue: false, workingDaysLeft: 2 });
    const late = await loadPetitionPageData({ db: db(), number: petition.number, now: new Date("2026-04-02T06:00:00Z") });
    expect(late?.deadlines).toMatchObject({ overdue: true, workingDaysLeft: -2 });

    const timeline = await readPetitionTimeline(db(), petition.id);
    expect(timeline.map((entry) => entry.action)).toEqual(["approved", "threshold_reached", "signatures_invalidated"]);
    expect(timeline[1]).toMatchObject({ signatures: 1000, responseDueOn: "2026-03-31" });
    expect(timeline[2]).toMatchObject({ invalidatedCount: 12, reason: "Disposable e-mail domain" });
    expect(JSON.stringify(timeline)).not.toContain(moderator.id);
    expect(JSON.stringify(timeline)).not.toContain(moderator.email);
  });
});

describe("a visitor looking for a petition by its number", () => {
  it("finds petition No. N by typing N (or #N), first, also when it was rejected", async () => {
    const agency = await createAgency();
    const wanted = await insertPetition(agency.id, { state: "open", title: "Repair the bridge over the Ishim river" });
    const mentions = await insertPetition(agency.id, { state: "open", title: `Follow up on petition ${wanted.number} about the bridge` });
    const rejected = await insertPetition(agency.id, { state: "rejected", rejectionReason: "duplicate" });
    const hidden = await insertPetition(agency.id, { state: "hidden" });

    for (const q of [String(wanted.number), `#${wanted.number}`, ` ${wanted.number} `]) {
      const found = await listPetitions(db(), { ...petitionListSchema.parse({ q }), sort: resolveListSort(q, undefined) });
      expect(found.items[0]?.number, q).toBe(wanted.number);
    }
    expect(numbers(await listPetitions(db(), filters(agency.slug, { q: String(wanted.number), sort: "relevance" })))).toEqual([wanted.number, mentions.number]);
    expect(numbers(await listPetitions(db(), petitionListSchema.parse({ q: String(rejected.number) })))).toEqual([rejected.number]);
    expect((await listPetitions(db(), petitionListSchema.parse({ q: String(hidden.number) }))).total).toBe(0);
  });

  it("leaves rejected petitions out of the default list, reachable through the state filter", async () => {
    const agency = await createAgency();
    const open = await insertPetition(agency.id, { state: "open" });
    const closed = await insertPetition(agency.id, { state: "closed" });
    const responded = await insertPetition(agency.id, { state: "responded" });
    const rejected = await insertPetition(agency.id, { state: "rejected", rejectionReason: "duplicate" });

    expect(numbers(await listPetitions(db(), filters(agency.slug, { sort: "newest" }))).sort()).toEqual([open.number, closed.number, responded.number].sort());
    expect(numbers(await listPetitions(db(), filters(agency.slug, { q: "petition" }))).includes(rejected.number)).toBe(false);
    expect(numbers(await listPetitions(db(), filters(agency.slug, { state: "rejected" })))).toEqual([rejected.number]);
  });
});
