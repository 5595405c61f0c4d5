import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, users } from "@/db/schema";
import { setPlatformRole } from "@/lib/users/grant-platform-role";
import { searchUsers } from "@/lib/users/search-users";
import { refusal } from "./support/domain-errors";
import { actorFor, aModerator, anAdmin, createUser, unique } from "./support/factories";

async function rolesOf(userId: string) {
  const [user] = await getDb().select({ platformRoles: users.platformRoles }).from(users).where(eq(users.id, userId));
  return user.platformRoles;
}

async function eventsOf(userId: string) {
  return getDb().select().from(events).where(and(eq(events.entityType, "user"), eq(events.entityId, userId))).orderBy(events.id);
}

describe("an admin manages platform roles", () => {
  it("lets an admin find a person by part of their name or e-mail", async () => {
    const name = unique("Zhanar");
    const person = await createUser({ name });
    const byName = await searchUsers(getDb(), { q: name.toLowerCase(), page: 1 });
    expect(byName.rows.map((row) => row.id)).toEqual([person.id]);
    const byEmail = await searchUsers(getDb(), { q: person.email.toUpperCase(), page: 1 });
    expect(byEmail).toMatchObject({ total: 1, pageCount: 1, rows: [{ id: person.id, email: person.email, platformRoles: [] }] });
    // A wildcard typed into the search box is taken literally.
    expect((await searchUsers(getDb(), { q: `${name}%`, page: 1 })).total).toBe(0);
  });

  it("lets an admin make a citizen a moderator and take the role back, recording both", async () => {
    const admin = await anAdmin();
    const person = await createUser({ name: "Madina Future Moderator" });
    await setPlatformRole({ db: getDb(), actor: admin, userId: person.id, role: "moderator", granted: true });
    expect(await rolesOf(person.id)).toEqual(["moderator"]);
    // Granting again changes nothing and writes no second event.
    await setPlatformRole({ db: getDb(), actor: admin, userId: person.id, role: "moderator", granted: true });
    await setPlatformRole({ db: getDb(), actor: admin, userId: person.id, role: "moderator", granted: false });
    expect(await rolesOf(person.id)).toEqual([]);
    expect((await eventsOf(person.id)).map((event) => [event.action, event.actorId, event.data])).toEqual([
      ["role_granted", admin.id, { role: "moderator" }],
      ["role_revoked", admin.id, { role: "moderator" }],
    ]);
  });

  it("lets an admin make another person an admin alongside their moderator role", async () => {
    const admin = await anAdmin();
    const person = await createUser({ platformRoles: ["moderator"] });
    await setPlatformRole({ db: getDb(), actor: admin, userId: person.id, role: "admin", granted: true });
    expect(await rolesOf(person.id)).toEqual(["moderator", "admin"]);
  });

  it("stops an admin from removing their own admin role", async () => {
    const admin = await anAdmin();
    const error = await refusal(setPlatformRole({ db: getDb(), actor: admin, userId: admin.id, role: "admin", granted: false }));
    expect(error).toMatchObject({ code: "conflict", message: "cannotRevokeOwnAdmin" });
    expect(await rolesOf(admin.id)).toEqual(["admin"]);
    expect(await eventsOf(admin.id)).toEqual([]);
  });

  it("refuses a role change for a person who does not exist", async () => {
    const admin = await anAdmin();
    const error = await refusal(setPlatformRole({ db: getDb(), actor: admin, userId: crypto.randomUUID(), role: "moderator", granted: true }));
    expect(error.code).toBe("not_found");
  });

  it("refuses a citizen, a moderator and a visitor who is not signed in, writing nothing", async () => {
    const citizen = await actorFor((await createUser({ name: "Daniyar Citizen" })).id);
    const moderator = await aModerator();
    for (const [actor, code] of [
      [citizen, "forbidden"],
      [moderator, "forbidden"],
      [null, "unauthenticated"],
    ] as const) {
      // Not even themselves: a citizen cannot make themselves an admin.
      const target = actor?.id ?? citizen.id;
      expect((await refusal(setPlatformRole({ db: getDb(), actor, userId: target, role: "admin", granted: true }))).code).toBe(code);
      expect((await refusal(setPlatformRole({ db: getDb(), actor, userId: moderator.id, role: "moderator", granted: false }))).code).toBe(code);
    }
    expect(await rolesOf(citizen.id)).toEqual([]);
    expect(await rolesOf(moderator.id)).toEqual(["moderator"]);
    expect([...(await eventsOf(citizen.id)), ...(await eventsOf(moderator.id))]).toEqual([]);
  });
});
