import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { recommendations } from "@/db/schema";
import { buildOpenApiDocument } from "@/lib/open-data/openapi";
import { answerRecommendations } from "@/lib/public-control/answer-recommendations";
import { GET as listRoute } from "@/app/api/v1/activities/route";
import { GET as detailRoute } from "@/app/api/v1/activities/[id]/route";
import { activityAt, cast, draftActivity } from "./support/public-control-activities";

const db = () => getDb();
const detail = (id: string, headers: Record<string, string> = {}) =>
  detailRoute(new Request(`http://localhost/api/v1/activities/${id}`, { headers }), { params: Promise.resolve({ id }) });

describe("the open-data API of activities", () => {
  it("lists public activities by agency with cache headers and answers 304 to a matching ETag", async () => {
    const { agency, owner, organization } = await cast();
    const activity = await activityAt("announced", { actor: owner, agencyId: agency.id, organizationId: organization.id });
    await draftActivity({ actor: owner, agencyId: agency.id, organizationId: organization.id });
    const response = await listRoute(new Request(`http://localhost/api/v1/activities?agency=${agency.slug}&form=monitoring`));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("s-maxage");
    const body = await response.json();
    expect(body.meta.total).toBe(1);
    expect(body.data[0]).toMatchObject({ number: activity.number, state: "announced", forms: ["monitoring"], subject: { type: "organization" } });
    const again = await listRoute(
      new Request(`http://localhost/api/v1/activities?agency=${agency.slug}&form=monitoring`, { headers: { "if-none-match": response.headers.get("etag")! } }),
    );
    expect(again.status).toBe(304);
  });

  it("refuses an unknown or invalid parameter with 400 JSON", async () => {
    const bad = await listRoute(new Request("http://localhost/api/v1/activities?state=draft&colour=red"));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.code).toBe("validation");
    expect(Object.keys(body.error.fieldErrors).sort()).toEqual(["colour", "state"]);
  });

  it("publishes one activity with its recommendations and the agency's answers, and hides drafts", async () => {
    const { agency, staff, owner, organization } = await cast();
    const activity = await activityAt("under_consideration", { actor: owner, agencyId: agency.id, organizationId: organization.id, recommendations: ["First", "Second"] });
    const recs = await db().select().from(recommendations).where(eq(recommendations.activityId, activity.id)).orderBy(recommendations.position);
    await answerRecommendations({
      db: db(),
      actor: staff,
      activityId: activity.id,
      answers: [
        { recommendationId: recs[0].id, decision: "accepted", reasons: "Yes.", measures: "Do it.", dueOn: "2026-06-01" },
        { recommendationId: recs[1].id, decision: "rejected", reasons: "No.", measures: null, dueOn: null },
      ],
    });
    const response = await detail(String(activity.number));
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data.state).toBe("answered");
    expect(data.recommendations).toEqual([
      expect.objectContaining({ number: 1, text: "First", answer: expect.objectContaining({ decision: "accepted", measuresDueOn: "2026-06-01" }) }),
      expect.objectContaining({ number: 2, text: "Second", answer: expect.objectContaining({ decision: "rejected" }) }),
    ]);
    expect(data.team[0].conflictOfInterestDeclaration).toBeTruthy();
    expect(data.timeline.map((e: { action: string }) => e.action)).toContain("final_document_sent");
    expect(JSON.stringify(data)).not.toContain(owner.email);

    const draft = await draftActivity({ actor: owner, agencyId: agency.id, organizationId: organization.id });
    expect((await detail(String(draft.number))).status).toBe(404);
    expect((await detail("abc")).status).toBe(404);
  });

  it("is described in the shared OpenAPI document", () => {
    const document = buildOpenApiDocument();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/v1/activities", "/api/v1/activities/{number}"]));
    expect(document.components.schemas).toHaveProperty("ActivityDetail");
  });
});
