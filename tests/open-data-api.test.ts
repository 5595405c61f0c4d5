import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { petitionResponses, petitions, type Petition } from "@/db/schema";
import { GET as getPetition } from "@/app/api/v1/petitions/[id]/route";
import { GET as getPetitionsCsv } from "@/app/api/v1/petitions.csv/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as listPetitions } from "@/app/api/v1/petitions/route";
import { GET as listActivitiesRoute } from "@/app/api/v1/activities/route";
import { petitionListSchema } from "@/lib/petitions/schema";
import { csvCell } from "@/lib/open-data/csv";
import { applyCountDeltas } from "@/lib/petitions/counts";
import type { PetitionState } from "@/lib/petitions/states";
import { createAgency, createUser, ensureRegion, unique } from "./support/factories";

// The route handlers are called as Next calls them: a Request in, a Response out.

const db = () => getDb();
const BASE = "http://localhost:3000";

async function insertPetition(agencyId: string, fields: Partial<typeof petitions.$inferInsert> & { state: PetitionState }): Promise<Petition> {
  const creator = await createUser();
  const [petition] = await db()
    .insert(petitions)
    .values({
      creatorId: creator.id,
      agencyId,
      title: "Open data for everyone",
      request: "Publish the budget of the city as open data.",
      reasons: "People should see how their money is spent.",
      supportToken: unique("support"),
      responseThreshold: 2500,
      openedAt: new Date("2026-01-10T06:00:00Z"),
      closesOn: "2026-07-10",
      ...fields,
    })
    .returning();
  return petition;
}

function get(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}${path}`, { headers });
}

const detail = (number: number | string, headers: Record<string, string> = {}) =>
  getPetition(get(`/api/v1/petitions/${number}`, headers), { params: Promise.resolve({ id: String(number) }) });

describe("the open-data API", () => {
  it("gives a developer one page of public petitions as JSON, with totals, links and cache headers", async () => {
    const region = await ensureRegion(unique("region"));
    const agency = await createAgency();
    const first = await insertPetition(agency.id, { state: "open", regionCode: region });
    const second = await insertPetition(agency.id, { state: "closed" });
    await insertPetition(agency.id, { state: "responded" });
    await insertPetition(agency.id, { state: "draft" });
    await applyCountDeltas(db(), [
      { petitionId: first.id, regionCode: region, day: "2026-02-01", confirmed: 10 },
      { petitionId: second.id, regionCode: region, day: "2026-02-01", confirmed: 5 },
    ]);

    const response = await listPetitions(get(`/api/v1/petitions?agency=${agency.slug}&perPage=2`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("cache-control")).toBe("public, s-maxage=10, stale-while-revalidate=60");
    expect(response.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    const body = await response.json();
    expect(body.meta).toEqual({ page: 1, perPage: 2, total: 3, pageCount: 2 });
    expect(body.data[0]).toMatchObject({
      number: first.number,
      state: "open",
      signatures: 10,
      addressee: { slug: agency.slug, name: { kk: agency.nameKk, ru: agency.nameRu, en: agency.nameEn } },
      region: { code: region },
      links: { html: expect.stringMatching(new RegExp(`/petitions/${first.number}$`)) },
    });
    expect(body.data[1].number).toBe(second.number);
    expect(body.data[0]).not.toHaveProperty("supportToken");
    expect(body.links.prev).toBeNull();
    expect(body.links.next).toContain("page=2");
    expect(body.links.next).toContain(`agency=${agency.slug}`);
  });

  it("answers 304 Not Modified when the client already holds the current version", async () => {
    const agency = await createAgency();
    const petition = await insertPetition(agency.id, { state: "open" });
    const first = await listPetitions(get(`/api/v1/petitions?agency=${agency.slug}`));
    const etag = first.headers.get("etag")!;
    const again = await listPetitions(get(`/api/v1/petitions?agency=${agency.slug}`, { "if-none-match": `W/${etag}, "other"` }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);

    // A new signature changes the body, so the old ETag no longer matches.
    await applyCountDeltas(db(), [{ petitionId: petition.id, regionCode: "anywhere", day: "2026-02-01", confirmed: 1 }]);
    const changed = await listPetitions(get(`/api/v1/petitions?agency=${agency.slug}`, { "if-none-match": etag }));
    expect(changed.status).toBe(200);

    const one = await detail(petition.number);
    const oneAgain = await detail(petition.number, { "if-none-match": one.headers.get("etag")! });
    expect(oneAgain.status).toBe(304);
  });

  it("refuses a bad query with 400 and a JSON error naming each bad parameter", async () => {
    for (const query of ["state=sunny", "perPage=500", "page=0", "page=two", "sort=loudest", "colour=red", "state=open&state=closed", `q=${"x".repeat(201)}`]) {
      const response = await listPetitions(get(`/api/v1/petitions?${query}`));
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = await response.json();
      expect(body.error.code).toBe("validation");
      expect(body.error.message).toEqual(expect.any(String));
      const parameter = query.split("=")[0];
      expect(Object.keys(body.error.fieldErrors), query).toContain(parameter);
    }
    // An empty value, as an HTML form sends it, means "not given".
    expect((await listPetitions(get("/api/v1/petitions?state=&q=&perPage=1"))).status).toBe(200);
  });

  it("gives one petition with its counts by region, and 404 for anything that is not public", async () => {
    const astana = await ensureRegion(unique("region"));
    const almaty = await ensureRegion(unique("region"));
    const agency = await createAgency();
    const petition = await insertPetition(agency.id, { state: "responded", respondedAt: new Date("2026-03-01T06:00:00Z") });
    await applyCountDeltas(db(), [
      { petitionId: petition.id, regionCode: astana, day: "2026-02-01", confirmed: 1 },
      { petitionId: petition.id, regionCode: astana, day: "2026-02-01", confirmed: 1 },
      { petitionId: petition.id, regionCode: almaty, day: "2026-02-02", confirmed: 1 },
      { petitionId: petition.id, regionCode: astana, day: "2026-02-03", confirmed: 1 },
    ]);
    await db()
      .insert(petitionResponses)
      .values({
        petitionId: petition.id,
        decision: "partially_supported",
        reasons: "The budget will be published quarterly.",
        measures: [{ text: "Publish the 2026 budget", dueOn: "2026-06-30" }],
        publishedAt: new Date("2026-03-01T06:00:00Z"),
      });

    const response = await detail(petition.number);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, s-maxage=10, stale-while-revalidate=60");
    const { data } = await response.json();
    expect(data).toMatchObject({ number: petition.number, state: "responded", signatures: 4, reasons: petition.reasons });
    expect(data.counts.byRegion).toEqual([
      { code: astana, name: { kk: astana, ru: astana, en: astana }, signatures: 3 },
      { code: almaty, name: { kk: almaty, ru: almaty, en: almaty }, signatures: 1 },
    ]);
    expect(data.counts.byDay).toEqual([
      { day: "2026-02-01", signatures: 2 },
      { day: "2026-02-02", signatures: 1 },
      { day: "2026-02-03", signatures: 1 },
    ]);
    expect(data.response).toMatchObject({ decision: "partially_supported", measures: [{ text: "Publish the 2026 budget", dueOn: "2026-06-30" }] });
    expect(JSON.stringify(data)).not.toContain(petition.supportToken);
    expect(JSON.stringify(data)).not.toContain(petition.creatorId);

    for (const state of ["draft", "gathering_support", "awaiting_moderation", "hidden", "expired"] as const) {
      const hidden = await insertPetition(agency.id, { state });
      const refused = await detail(hidden.number);
      expect(refused.status, state).toBe(404);
      expect((await refused.json()).error.code).toBe("not_found");
      const listed = await (await listPetitions(get(`/api/v1/petitions?agency=${agency.slug}&perPage=100`))).json();
      expect(listed.data.map((p: { number: number }) => p.number)).not.toContain(hidden.number);
    }
    for (const id of ["999999999", "abc", "0", "1.5", "-1", "99999999999999999999"]) {
      const refused = await detail(id);
      expect(refused.status, id).toBe(404);
      expect((await refused.json()).error).toMatchObject({ code: "not_found", message: expect.any(String) });
    }
  });

  it("exports the list as CSV that a spreadsheet opens safely", async () => {
    const agency = await createAgency();
    const formula = await insertPetition(agency.id, { state: "open", title: '=HYPERLINK("http://evil.example","Click")' });
    const quoted = await insertPetition(agency.id, { state: "open", title: 'Roads, "bridges" and\nparks' });
    const kazakh = await insertPetition(agency.id, { state: "open", title: "Саябақтарды абаттандыру" });

    const response = await getPetitionsCsv(get(`/api/v1/petitions.csv?agency=${agency.slug}&sort=newest`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, s-maxage=10, stale-while-revalidate=60");
    expect(response.headers.get("x-total-count")).toBe("3");
    const text = await response.text();
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "number,title,state,addressee_slug,addressee_name_kk,addressee_name_ru,addressee_name_en,region_code,signatures,invalidated_signatures,response_threshold,opened_at,closes_on,threshold_reached_at,response_due_on,responded_at,url",
    );
    expect(lines[1]).toMatch(new RegExp(`^${kazakh.number},Саябақтарды абаттандыру,open,`));
    expect(text).toContain(`${quoted.number},"Roads, ""bridges"" and\nparks",open`);
    expect(text).toContain(`${formula.number},"'=HYPERLINK(""http://evil.example"",""Click"")",open`);

    const etag = response.headers.get("etag")!;
    expect((await getPetitionsCsv(get(`/api/v1/petitions.csv?agency=${agency.slug}&sort=newest`, { "if-none-match": etag }))).status).toBe(304);
    expect((await getPetitionsCsv(get("/api/v1/petitions.csv?perPage=5000"))).status).toBe(400);

    expect(["=1+2", "+7", "-3", "@SUM(A1)", "\tx", "plain", 42].map(csvCell)).toEqual(["'=1+2", "'+7", "'-3", "'@SUM(A1)", "'\tx", "plain", "42"]);
  });

  it("describes itself in an OpenAPI 3.1 document", async () => {
    const response = await getOpenApi(get("/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBeTruthy();
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/petitions", "/api/v1/petitions/{number}", "/api/v1/petitions.csv"]));
    // Every $ref points at something the document defines.
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/[^"]+"/g) ?? [];
    for (const ref of refs) {
      const [, kind, name] = ref.match(/#\/components\/(\w+)\/([^"]+)/)!;
      expect(doc.components[kind]?.[name], ref).toBeDefined();
    }
  });
});

describe("searches with control characters", () => {
  it("answers a developer whose search carries a NUL or another control character as a plain search, never a 500", async () => {
    for (const path of ["/api/v1/petitions", "/api/v1/activities"]) {
      const handler = path.endsWith("petitions") ? listPetitions : listActivitiesRoute;
      for (const q of ["%00", "a%00b", "%D8%00", "%01school%1F"]) {
        const response = await handler(new Request(`http://localhost${path}?q=${q}`));
        expect(response.status, `${path}?q=${q}`).toBe(200);
      }
    }
    expect(petitionListSchema.parse({ q: "\u0001school\u0000 grounds" }).q).toBe("school  grounds");
  });
});
