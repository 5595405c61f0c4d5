import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listActivities, listOwnDrafts } from "@/lib/public-control/list-activities";
import { activityListSchema } from "@/lib/public-control/schema";
import { activityAt, cast, draftActivity } from "./support/public-control-activities";

const db = () => getDb();
const query = (input: Record<string, string>) => activityListSchema.parse({ perPage: "100", ...input });

describe("the public list of activities", () => {
  it("finds activities by object agency, organization, form, state and words, and never lists drafts", async () => {
    const { agency, owner, organization } = await cast();
    const monitoring = await activityAt("in_progress", { actor: owner, agencyId: agency.id, organizationId: organization.id });
    const draft = await draftActivity({ actor: owner, agencyId: agency.id, organizationId: organization.id, forms: ["expertise"] });
    const expertise = await activityAt("announced", { actor: owner, agencyId: agency.id, organizationId: organization.id });
    const other = await cast();
    const elsewhere = await activityAt("announced", { actor: other.owner, agencyId: other.agency.id, organizationId: other.organization.id });

    const byAgency = await listActivities(db(), query({ agency: agency.slug }), "2026-02-02");
    expect(byAgency.items.map((i) => i.id).sort()).toEqual([monitoring.id, expertise.id].sort());
    expect(byAgency.items.every((i) => i.id !== draft.id)).toBe(true);

    const byOrganization = await listActivities(db(), query({ organization: other.organization.slug }), "2026-02-02");
    expect(byOrganization.items.map((i) => i.id)).toEqual([elsewhere.id]);
    expect(byOrganization.items[0].organization).toEqual({ slug: other.organization.slug, name: other.organization.name });

    const byState = await listActivities(db(), query({ agency: agency.slug, state: "in_progress" }), "2026-02-02");
    expect(byState.items.map((i) => i.id)).toEqual([monitoring.id]);

    const byForm = await listActivities(db(), query({ agency: agency.slug, form: "expertise" }), "2026-02-02");
    expect(byForm.total).toBe(0);
    const monitoringForm = await listActivities(db(), query({ agency: agency.slug, form: "monitoring" }), "2026-02-02");
    expect(monitoringForm.total).toBe(2);

    const byWords = await listActivities(db(), query({ agency: agency.slug, q: "school meals" }), "2026-02-02");
    expect(byWords.total).toBe(2);
    expect((await listActivities(db(), query({ agency: agency.slug, q: "zzzqqq" }), "2026-02-02")).total).toBe(0);
    expect((await listActivities(db(), query({ agency: agency.slug, state: "draft" }), "2026-02-02")).items.every((i) => i.state !== "draft")).toBe(true);

    const drafts = await listOwnDrafts(db(), owner, "2026-02-02");
    expect(drafts.map((d) => d.id)).toEqual([draft.id]);
  });
});
