import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agencies, agencyMemberships, events } from "@/db/schema";
import { addAgencyMember } from "@/lib/agencies/add-agency-member";
import { listAgencyMembers, searchAgenciesForAdmin } from "@/lib/agencies/admin-agency-queries";
import { createAgency } from "@/lib/agencies/create-agency";
import { removeAgencyMember } from "@/lib/agencies/remove-agency-member";
import type { AgencyForm } from "@/lib/agencies/schema";
import { updateAgency } from "@/lib/agencies/update-agency";
import { refusal } from "./support/domain-errors";
import { actorFor, aModerator, anAdmin, createAgency as insertAgency, createUser, ensureRegion, unique } from "./support/factories";

function agencyForm(overrides: Partial<AgencyForm> = {}): AgencyForm {
  const slug = unique("ministry");
  return {
    slug,
    nameKk: `Министрлік ${slug}`,
    nameRu: `Министерство ${slug}`,
    nameEn: `Ministry ${slug}`,
    level: "national_body",
    regionCode: null,
    website: "https://www.gov.kz/memleket/entities/test",
    requiresApproval: true,
    ...overrides,
  };
}

async function eventsOf(entityId: string) {
  return getDb().select().from(events).where(and(eq(events.entityType, "agency"), eq(events.entityId, entityId))).orderBy(events.id);
}

describe("an admin manages agencies", () => {
  it("lets an admin create an agency in a region, recorded in its history", async () => {
    const admin = await anAdmin();
    const region = await ensureRegion("admin-test-region");
    const agency = await createAgency({ db: getDb(), actor: admin, input: agencyForm({ level: "regional_akimat", regionCode: region, requiresApproval: false }) });

    expect(agency).toMatchObject({ level: "regional_akimat", regionCode: region, requiresApproval: false, active: true });
    const history = await eventsOf(agency.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: "agency_created", actorId: admin.id, toState: "active" });
  });

  it("lets an admin rename an agency and records only what changed", async () => {
    const admin = await anAdmin();
    const created = await createAgency({ db: getDb(), actor: admin, input: agencyForm() });
    const renamed = await updateAgency({
      db: getDb(),
      actor: admin,
      agencyId: created.id,
      input: agencyForm({ slug: created.slug, nameKk: created.nameKk, nameRu: created.nameRu, nameEn: "Ministry of Renamed Affairs", website: null }),
    });

    expect(renamed).toMatchObject({ nameEn: "Ministry of Renamed Affairs", website: null, slug: created.slug });
    const updates = (await eventsOf(created.id)).filter((event) => event.action === "agency_updated");
    expect(updates).toHaveLength(1);
    expect(Object.keys(updates[0].data.changed as object).sort()).toEqual(["nameEn", "website"]);
  });

  it("lets an admin deactivate and reactivate an agency, recording both", async () => {
    const admin = await anAdmin();
    const created = await createAgency({ db: getDb(), actor: admin, input: agencyForm() });
    const inactive = await updateAgency({ db: getDb(), actor: admin, agencyId: created.id, active: false });
    expect(inactive.active).toBe(false);
    const listed = await searchAgenciesForAdmin(getDb(), { q: created.slug, status: "inactive", page: 1 });
    expect(listed.rows.map((row) => row.agency.id)).toEqual([created.id]);

    const again = await updateAgency({ db: getDb(), actor: admin, agencyId: created.id, active: true });
    expect(again.active).toBe(true);
    // Saving the same state twice writes nothing more.
    await updateAgency({ db: getDb(), actor: admin, agencyId: created.id, active: true });
    const actions = (await eventsOf(created.id)).map((event) => [event.action, event.fromState, event.toState]);
    expect(actions).toEqual([
      ["agency_created", null, "active"],
      ["agency_deactivated", "active", "inactive"],
      ["agency_reactivated", "inactive", "active"],
    ]);
  });

  it("refuses a second agency with the same slug, with a field error on the slug", async () => {
    const admin = await anAdmin();
    const first = await createAgency({ db: getDb(), actor: admin, input: agencyForm() });
    const error = await refusal(createAgency({ db: getDb(), actor: admin, input: agencyForm({ slug: first.slug }) }));
    expect(error.code).toBe("conflict");
    expect(error.message).toBe("slugTaken");
    expect(error.fieldErrors).toEqual({ slug: ["slugTaken"] });

    const second = await createAgency({ db: getDb(), actor: admin, input: agencyForm() });
    const renameError = await refusal(updateAgency({ db: getDb(), actor: admin, agencyId: second.id, input: agencyForm({ slug: first.slug }) }));
    expect(renameError.message).toBe("slugTaken");
    const [unchanged] = await getDb().select().from(agencies).where(eq(agencies.id, second.id));
    expect(unchanged.slug).toBe(second.slug);
  });

  it("lets only one of two admins saving the same new slug at once succeed", async () => {
    const [first, second] = [await anAdmin(), await anAdmin()];
    const slug = unique("race");
    const results = await Promise.allSettled([
      createAgency({ db: getDb(), actor: first, input: agencyForm({ slug }) }),
      createAgency({ db: getDb(), actor: second, input: agencyForm({ slug }) }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [rejected] = results.filter((result) => result.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", message: "slugTaken" });
    expect(await getDb().select().from(agencies).where(eq(agencies.slug, slug))).toHaveLength(1);
  });

  it("refuses a website that is not an http(s) address and a region that does not exist", async () => {
    const admin = await anAdmin();
    const badUrl = await refusal(createAgency({ db: getDb(), actor: admin, input: agencyForm({ website: "javascript:alert(1)" }) }));
    expect(badUrl.code).toBe("validation");
    expect(badUrl.fieldErrors?.website).toEqual(["url"]);
    const badRegion = await refusal(createAgency({ db: getDb(), actor: admin, input: agencyForm({ regionCode: unique("nowhere") }) }));
    expect(badRegion.fieldErrors).toEqual({ regionCode: ["choose"] });
  });

  it("refuses a citizen and a moderator, and a visitor who is not signed in, writing nothing", async () => {
    const citizen = await actorFor((await createUser({ name: "Daniyar Citizen" })).id);
    const moderator = await aModerator();
    const existing = await insertAgency();
    for (const [actor, code] of [
      [citizen, "forbidden"],
      [moderator, "forbidden"],
      [null, "unauthenticated"],
    ] as const) {
      const input = agencyForm();
      expect((await refusal(createAgency({ db: getDb(), actor, input }))).code).toBe(code);
      expect(await getDb().select().from(agencies).where(eq(agencies.slug, input.slug))).toEqual([]);
      expect((await refusal(updateAgency({ db: getDb(), actor, agencyId: existing.id, active: false }))).code).toBe(code);
      expect((await refusal(addAgencyMember({ db: getDb(), actor, agencyId: existing.id, email: citizen.email, role: "supervisor" }))).code).toBe(code);
      expect((await refusal(removeAgencyMember({ db: getDb(), actor, agencyId: existing.id, userId: citizen.id }))).code).toBe(code);
    }
    const [unchanged] = await getDb().select().from(agencies).where(eq(agencies.id, existing.id));
    expect(unchanged.active).toBe(true);
    expect(await getDb().select().from(agencyMemberships).where(eq(agencyMemberships.agencyId, existing.id))).toEqual([]);
    expect(await eventsOf(existing.id)).toEqual([]);
  });
});

describe("an admin manages the people of an agency", () => {
  it("lets an admin add a supervisor to an agency by e-mail, in any letter case", async () => {
    const admin = await anAdmin();
    const agency = await insertAgency();
    const person = await createUser({ name: "Serik Supervisor" });
    const change = await addAgencyMember({ db: getDb(), actor: admin, agencyId: agency.id, email: person.email.toUpperCase(), role: "supervisor" });

    expect(change).toEqual({ userId: person.id, role: "supervisor", previousRole: null, changed: true });
    expect(await listAgencyMembers(getDb(), agency.id)).toEqual([{ userId: person.id, name: "Serik Supervisor", email: person.email, role: "supervisor" }]);
    const [event] = await eventsOf(agency.id);
    expect(event).toMatchObject({ action: "member_added", toState: "supervisor", actorId: admin.id, data: { userId: person.id, role: "supervisor" } });
  });

  it("lets an admin change a staff member into a supervisor by adding them again", async () => {
    const admin = await anAdmin();
    const agency = await insertAgency();
    const person = await createUser({ name: "Gulnara Staff" });
    await addAgencyMember({ db: getDb(), actor: admin, agencyId: agency.id, email: person.email, role: "staff" });
    const change = await addAgencyMember({ db: getDb(), actor: admin, agencyId: agency.id, email: person.email, role: "supervisor" });
    const same = await addAgencyMember({ db: getDb(), actor: admin, agencyId: agency.id, email: person.email, role: "supervisor" });

    expect(change).toMatchObject({ previousRole: "staff", role: "supervisor", changed: true });
    expect(same.changed).toBe(false);
    expect((await listAgencyMembers(getDb(), agency.id)).map((member) => member.role)).toEqual(["supervisor"]);
    expect((await eventsOf(agency.id)).map((event) => [event.action, event.fromState, event.toState])).toEqual([
      ["member_added", null, "staff"],
      ["member_role_changed", "staff", "supervisor"],
    ]);
  });

  it("lets an admin remove a member, recording the role they held", async () => {
    const admin = await anAdmin();
    const agency = await insertAgency();
    const person = await createUser({ name: "Yerlan Leaving" });
    await addAgencyMember({ db: getDb(), actor: admin, agencyId: agency.id, email: person.email, role: "staff" });
    await removeAgencyMember({ db: getDb(), actor: admin, agencyId: agency.id, userId: person.id });

    expect(await listAgencyMembers(getDb(), agency.id)).toEqual([]);
    const last = (await eventsOf(agency.id)).at(-1);
    expect(last).toMatchObject({ action: "member_removed", fromState: "staff", data: { userId: person.id, role: "staff" } });
    const again = await refusal(removeAgencyMember({ db: getDb(), actor: admin, agencyId: agency.id, userId: person.id }));
    expect(again.code).toBe("not_found");
  });

  it("tells an admin when nobody has an account with the e-mail, writing nothing", async () => {
    const admin = await anAdmin();
    const agency = await insertAgency();
    const error = await refusal(addAgencyMember({ db: getDb(), actor: admin, agencyId: agency.id, email: `${unique("nobody")}@example.kz`, role: "staff" }));
    expect(error.message).toBe("userNotFound");
    expect(error.fieldErrors).toEqual({ email: ["userNotFound"] });
    expect(await eventsOf(agency.id)).toEqual([]);
  });

  it("refuses to add a member to an agency that does not exist", async () => {
    const admin = await anAdmin();
    const person = await createUser();
    const error = await refusal(addAgencyMember({ db: getDb(), actor: admin, agencyId: crypto.randomUUID(), email: person.email, role: "staff" }));
    expect(error.code).toBe("not_found");
  });
});
