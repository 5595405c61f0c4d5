import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { agencyScorecards, jobs, petitions, recommendations, type Petition } from "@/db/schema";
import { GET as getScorecardsCsv } from "@/app/api/v1/scorecards.csv/route";
import { GET as getScorecard } from "@/app/api/v1/scorecards/[agencySlug]/route";
import { GET as listScorecardsRoute } from "@/app/api/v1/scorecards/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/events/record-event";
import { jobHandlers, SCHEDULES } from "@/lib/jobs/registry";
import { applyCountDeltas } from "@/lib/petitions/counts";
import { reachThresholds } from "@/lib/petitions/reach-thresholds";
import { answerInformationRequest } from "@/lib/public-control/answer-information-request";
import { answerRecommendations } from "@/lib/public-control/answer-recommendations";
import { askInformationRequest } from "@/lib/public-control/ask-information-request";
import { markRecommendationImplementation } from "@/lib/public-control/mark-implementation";
import { refreshScorecards, requestScorecardRefresh, SCORECARDS_REFRESH_QUEUE } from "@/lib/scorecards/refresh-scorecards";
import { createUser, unique } from "./support/factories";
import { activityAt, cast } from "./support/public-control-activities";

// Scorecards are recomputed from the event history. Clocks start through the domain functions
// (thresholds, final documents, information requests); a petition's published answer is
// written as its "responded" event, as the agency dashboard's publication writes it.

const db = () => getDb();
const BASE = "http://localhost:3000";
const at = (day: string) => new Date(`${day}T06:00:00Z`); // 11:00 in Astana

/** An open petition to the agency whose response clock (20 working days) starts on `day`. */
async function petitionPastThreshold(agencyId: string, day: string): Promise<Petition> {
  const creator = await createUser();
  const [petition] = await db()
    .insert(petitions)
    .values({
      creatorId: creator.id,
      agencyId,
      title: `Light the park paths ${unique()}`,
      request: "Install lights along the paths of the central park.",
      reasons: "The park is dark after six in winter and people avoid it.",
      supportToken: unique("support"),
      state: "open",
      responseThreshold: 3,
      responseWorkingDays: 20,
      openedAt: at("2026-01-12"),
      closesOn: "2026-07-12",
    })
    .returning();
  await db().transaction(async (tx) => {
    await applyCountDeltas(tx, [{ petitionId: petition.id, regionCode: "test-region", day, confirmed: 3 }]);
    await reachThresholds(tx, [petition.id], at(day));
  });
  return petition;
}

/** The agency's published answer, as its event; `requestRefresh` as the publication does it. */
async function respond(petition: Petition, day: string, options: { requestRefresh?: boolean } = {}): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.update(petitions).set({ state: "responded", respondedAt: at(day) }).where(eq(petitions.id, petition.id));
    await recordEvent(tx, { entityType: "petition", entityId: petition.id, actorId: null, action: "responded", fromState: "open", toState: "responded", occurredAt: at(day) });
    if (options.requestRefresh) await requestScorecardRefresh(tx);
  });
}

async function ask(owner: Actor, activityId: string, day: string) {
  return askInformationRequest({ db: db(), actor: owner, activityId, input: { question: "Send the lighting contracts for 2025." }, now: at(day) });
}

async function scorecardsOf(agencyIds: string[]) {
  const rows = await db().select().from(agencyScorecards).where(inArray(agencyScorecards.agencyId, agencyIds));
  return new Map(rows.map((row) => [row.agencyId, row]));
}

/**
 * Two agencies' histories, February–March 2026 (no holidays in February; 9 March is a day off).
 * The akimat: three petitions, a final document with three recommendations, two information
 * requests. The maslikhat: one petition and one information request.
 */
async function twoAgencies() {
  const akimat = await cast();
  const maslikhat = await cast();
  const start = "2026-02-02";

  const answeredEarly = await petitionPastThreshold(akimat.agency.id, start); // due 2 March
  const answeredLate = await petitionPastThreshold(akimat.agency.id, start);
  await petitionPastThreshold(akimat.agency.id, start); // never answered
  const sent = await activityAt("under_consideration", { actor: akimat.owner, agencyId: akimat.agency.id, organizationId: akimat.organization.id, now: at(start) }); // due 16 February
  const working = await activityAt("in_progress", { actor: akimat.owner, agencyId: akimat.agency.id, organizationId: akimat.organization.id, now: at(start) });
  const refusedRequest = await ask(akimat.owner, working.id, start); // due 23 February
  await ask(akimat.owner, working.id, start); // never answered

  const maslikhatPetition = await petitionPastThreshold(maslikhat.agency.id, start);
  const maslikhatWork = await activityAt("in_progress", { actor: maslikhat.owner, agencyId: maslikhat.agency.id, organizationId: maslikhat.organization.id, now: at(start) });
  const maslikhatRequest = await ask(maslikhat.owner, maslikhatWork.id, start);

  await answerInformationRequest({
    db: db(),
    actor: akimat.staff,
    requestId: refusedRequest.id,
    input: { answerText: null, refusalGround: "Commercial secret of the contractor (Civil Code, art. 126)." },
    now: at("2026-02-05"),
  });
  const recs = await db().select().from(recommendations).where(eq(recommendations.activityId, sent.id)).orderBy(recommendations.position);
  await answerRecommendations({
    db: db(),
    actor: akimat.staff,
    activityId: sent.id,
    answers: [
      { recommendationId: recs[0].id, decision: "accepted", reasons: "Agreed.", measures: "Scales at every school.", dueOn: "2026-02-20" },
      { recommendationId: recs[1].id, decision: "partially_accepted", reasons: "Only the main contracts.", measures: "Publish the main contracts.", dueOn: "2026-02-20" },
      { recommendationId: recs[2].id, decision: "rejected", reasons: "The fine is for the court to decide.", measures: null, dueOn: null },
    ],
    now: at("2026-02-13"),
  });
  await respond(maslikhatPetition, "2026-02-10");
  await respond(answeredEarly, "2026-02-16");

  return {
    akimat,
    maslikhat,
    later: async () => {
      const follow = (id: string, implementation: "implemented" | "not_implemented") =>
        markRecommendationImplementation({ db: db(), actor: akimat.owner, recommendationId: id, input: { implementation, note: "Checked at three schools." }, now: at("2026-02-24") });
      await follow(recs[0].id, "implemented");
      await follow(recs[1].id, "not_implemented");
      await respond(answeredLate, "2026-03-04");
      await answerInformationRequest({ db: db(), actor: maslikhat.staff, requestId: maslikhatRequest.id, input: { answerText: "Attached.", refusalGround: null }, now: at("2026-03-04") });
    },
  };
}

describe("agency scorecards", () => {
  it("gives a journalist exact figures per agency: on-time share, median, overdue as the clock moves, recommendations accepted and implemented", async () => {
    const { akimat, maslikhat, later } = await twoAgencies();
    const ids = [akimat.agency.id, maslikhat.agency.id];

    await refreshScorecards({ db: db(), now: at("2026-02-20") });
    let rows = await scorecardsOf(ids);
    expect(rows.get(akimat.agency.id)).toMatchObject({
      itemsDue: 6,
      answered: 3,
      answeredOnTime: 3,
      // Refusal: 3 working days; recommendations: 9; petition: 10.
      medianWorkingDaysToAnswer: 9,
      openNow: 3,
      overdueNow: 0,
      recommendationsTotal: 3,
      recommendationsAccepted: 2,
      recommendationsImplemented: 0,
      petitionsAnswered: 1,
      informationRequestsAnswered: 1,
      informationRequestsRefused: 1,
    });
    expect(rows.get(maslikhat.agency.id)).toMatchObject({ itemsDue: 2, answered: 1, answeredOnTime: 1, medianWorkingDaysToAnswer: 6, openNow: 1, overdueNow: 0 });

    // Nothing happens, but the information requests' due day (23 February) passes.
    await refreshScorecards({ db: db(), now: at("2026-02-24") });
    rows = await scorecardsOf(ids);
    expect(rows.get(akimat.agency.id)).toMatchObject({ openNow: 3, overdueNow: 1 });
    expect(rows.get(maslikhat.agency.id)).toMatchObject({ openNow: 1, overdueNow: 1 });

    await later();
    const result = await refreshScorecards({ db: db(), now: at("2026-03-10") });
    expect(result.full).toBe(true);
    rows = await scorecardsOf(ids);
    expect(rows.get(akimat.agency.id)).toMatchObject({
      itemsDue: 6,
      answered: 4,
      answeredOnTime: 3,
      // 3, 9, 10 and 22 working days (the late petition: 3 February – 4 March).
      medianWorkingDaysToAnswer: 9.5,
      openNow: 2,
      overdueNow: 2,
      recommendationsTotal: 3,
      recommendationsAccepted: 2,
      recommendationsImplemented: 1,
      recommendationsNotImplemented: 1,
      petitionsAnswered: 2,
      informationRequestsAnswered: 1,
      informationRequestsRefused: 1,
    });
    expect(rows.get(maslikhat.agency.id)).toMatchObject({
      itemsDue: 2,
      answered: 2,
      answeredOnTime: 1,
      medianWorkingDaysToAnswer: 14,
      openNow: 0,
      overdueNow: 0,
      recommendationsTotal: 0,
      petitionsAnswered: 1,
      informationRequestsAnswered: 1,
      informationRequestsRefused: 0,
    });

    // Refreshing again over the same history changes nothing, not even the computation time.
    const again = await refreshScorecards({ db: db(), now: at("2026-03-10") });
    expect(again.full).toBe(false);
    expect(await scorecardsOf(ids)).toEqual(rows);
    const forced = await refreshScorecards({ db: db(), now: at("2026-03-10"), full: true });
    expect(forced.agenciesRecomputed).toBeGreaterThanOrEqual(2);
    expect(await scorecardsOf(ids)).toEqual(rows);
  });

  it("picks up a new answer incrementally, and a publication asks for a refresh job", async () => {
    const { agency } = await cast();
    const petition = await petitionPastThreshold(agency.id, "2026-04-01");
    await refreshScorecards({ db: db(), now: at("2026-04-02") });
    expect((await scorecardsOf([agency.id])).get(agency.id)).toMatchObject({ itemsDue: 1, openNow: 1, answered: 0 });

    const pending = () => db().select().from(jobs).where(and(eq(jobs.queue, SCORECARDS_REFRESH_QUEUE), inArray(jobs.state, ["queued", "active"])));
    await respond(petition, "2026-04-02", { requestRefresh: true });
    await respond(await petitionPastThreshold(agency.id, "2026-04-02"), "2026-04-02", { requestRefresh: true });
    // Two publications, one job: the singleton key keeps one refresh waiting at a time.
    const waiting = await pending();
    expect(waiting).toHaveLength(1);
    expect(waiting[0].singletonKey).toBe(SCORECARDS_REFRESH_QUEUE);

    // Run it here with the test's clock (and take it off the queue, so no other worker runs it with another).
    await db().delete(jobs).where(eq(jobs.id, waiting[0].id));
    await jobHandlers[SCORECARDS_REFRESH_QUEUE](waiting[0].payload, { db: db(), now: at("2026-04-02"), jobId: waiting[0].id });
    expect((await scorecardsOf([agency.id])).get(agency.id)).toMatchObject({ itemsDue: 2, answered: 2, answeredOnTime: 2, medianWorkingDaysToAnswer: 0.5, openNow: 0 });
    expect(SCHEDULES).toContainEqual({ name: "refresh-scorecards", queue: SCORECARDS_REFRESH_QUEUE, everySeconds: 300 });
  });
});

describe("the scorecards in the open-data API", () => {
  const get = (path: string, headers: Record<string, string> = {}) => new Request(`${BASE}${path}`, { headers });
  const detail = (slug: string, query = "", headers: Record<string, string> = {}) =>
    getScorecard(get(`/api/v1/scorecards/${slug}${query}`, headers), { params: Promise.resolve({ agencySlug: slug }) });

  it("gives a developer the league table as JSON and CSV, one agency's scorecard, and 304 for an unchanged one", async () => {
    const { akimat, maslikhat, later } = await twoAgencies();
    await later();
    await refreshScorecards({ db: db(), now: at("2026-03-10") });

    const list = await listScorecardsRoute(get("/api/v1/scorecards?perPage=500"));
    expect(list.status).toBe(200);
    expect(list.headers.get("cache-control")).toBe("public, s-maxage=60, stale-while-revalidate=300");
    expect(list.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    const body = await list.json();
    expect(body.meta).toMatchObject({ page: 1, sort: "on_time" });
    const slugs: string[] = body.data.map((row: { agency: { slug: string } }) => row.agency.slug);
    const akimatRow = body.data[slugs.indexOf(akimat.agency.slug)];
    const maslikhatRow = body.data[slugs.indexOf(maslikhat.agency.slug)];
    expect(akimatRow).toMatchObject({
      ranked: true,
      rank: expect.any(Number),
      items: { due: 6, answered: 4, answeredOnTime: 3, answeredLate: 1, openNow: 2, overdueNow: 2, settled: 6 },
      onTimeShare: 0.5,
      medianWorkingDaysToAnswer: 9.5,
      recommendations: { answered: 3, accepted: 2, implemented: 1, notImplemented: 1, acceptedShare: 0.667, implementedShare: 0.5 },
      petitionsAnswered: 2,
      informationRequests: { answered: 1, refused: 1 },
      agency: { name: { kk: akimat.agency.nameKk, ru: akimat.agency.nameRu, en: akimat.agency.nameEn } },
    });
    expect(akimatRow.links.html).toMatch(new RegExp(`/agencies/${akimat.agency.slug}/scorecard$`));
    // Two settled items are too few to rank: listed after every ranked agency, without a place.
    expect(maslikhatRow).toMatchObject({ ranked: false, rank: null, onTimeShare: 0.5, medianWorkingDaysToAnswer: 14 });
    expect(slugs.indexOf(maslikhat.agency.slug)).toBeGreaterThan(slugs.indexOf(akimat.agency.slug));
    expect(body.data.slice(slugs.indexOf(maslikhat.agency.slug)).every((row: { rank: number | null }) => row.rank === null)).toBe(true);

    const csv = await getScorecardsCsv(get("/api/v1/scorecards.csv"));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("cache-control")).toBe("public, s-maxage=60, stale-while-revalidate=300");
    const text = await csv.text();
    const [header, ...lines] = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    const columns = header.split(",");
    expect(columns.slice(0, 3)).toEqual(["rank", "agency_slug", "agency_level"]);
    const akimatLine = lines.find((line) => line.split(",")[1] === akimat.agency.slug)!.split(",");
    expect(akimatLine[columns.indexOf("on_time_share")]).toBe("0.5");
    expect(akimatLine[columns.indexOf("median_working_days_to_answer")]).toBe("9.5");
    expect(akimatLine[columns.indexOf("overdue_now")]).toBe("2");
    expect(akimatLine[columns.indexOf("recommendations_implemented")]).toBe("1");
    const viaFormat = await listScorecardsRoute(get("/api/v1/scorecards?format=csv"));
    expect(viaFormat.headers.get("content-type")).toContain("text/csv");
    expect(await viaFormat.text()).toBe(text);

    const one = await detail(akimat.agency.slug);
    expect(one.status).toBe(200);
    expect((await one.json()).data).toMatchObject({ onTimeShare: 0.5, items: { overdueNow: 2 } });
    const etag = one.headers.get("etag")!;
    const unchanged = await detail(akimat.agency.slug, "", { "if-none-match": etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get("etag")).toBe(etag);
    expect(unchanged.headers.get("cache-control")).toBe("public, s-maxage=60, stale-while-revalidate=300");
    expect(await unchanged.text()).toBe("");
    const listEtag = list.headers.get("etag")!;
    expect((await listScorecardsRoute(get("/api/v1/scorecards?perPage=500", { "if-none-match": listEtag }))).status).toBe(304);

    const oneCsv = await detail(akimat.agency.slug, "?format=csv");
    expect(oneCsv.headers.get("content-type")).toContain("text/csv");
    expect((await oneCsv.text()).split("\r\n").filter(Boolean)).toHaveLength(2);
  });

  it("answers 404 for an unknown agency and 400 for a bad query, and describes itself in the OpenAPI document", async () => {
    expect((await detail("no-such-agency")).status).toBe(404);
    const { agency } = await cast();
    const zeros = await detail(agency.slug);
    expect((await zeros.json()).data).toMatchObject({ items: { due: 0 }, onTimeShare: null, medianWorkingDaysToAnswer: null, ranked: false });
    expect((await detail(agency.slug, "?format=xml")).status).toBe(400);

    const bad = await listScorecardsRoute(get("/api/v1/scorecards?sort=best&colour=red"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "validation", fieldErrors: { sort: expect.any(Array), colour: expect.any(Array) } });
    expect((await getScorecardsCsv(get("/api/v1/scorecards.csv?format=json"))).status).toBe(400);
    expect((await listScorecardsRoute(get("/api/v1/scorecards?perPage=501"))).status).toBe(400);

    const document = await (await getOpenApi(get("/api/v1/openapi.json"))).json();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/v1/scorecards", "/api/v1/scorecards.csv", "/api/v1/scorecards/{agencySlug}"]));
    expect(document.components.schemas.Scorecard).toBeDefined();
  });
});
