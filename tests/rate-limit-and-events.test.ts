import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events } from "@/db/schema";
import { hitRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { checkSignInRateLimit, SIGN_IN_LIMITS } from "@/lib/auth/sign-in-rate-limit";
import { recordEvent } from "@/lib/events/record-event";
import { unique } from "./support/factories";

describe("rate limits", () => {
  it("stops a sixth sign-in link to the same address within an hour, then lets it through the next hour", async () => {
    const email = `${unique("spam")}@example.kz`;
    const now = new Date("2030-01-01T10:00:00Z");
    const results = [];
    for (let i = 0; i < SIGN_IN_LIMITS.perEmailPerHour + 1; i++) {
      results.push(await checkSignInRateLimit({ email: i % 2 ? email.toUpperCase() : email, ip: unique("ip") }, now));
    }
    expect(results.slice(0, SIGN_IN_LIMITS.perEmailPerHour).every(Boolean)).toBe(true);
    expect(results.at(-1)).toBe(false);
    expect(await checkSignInRateLimit({ email, ip: unique("ip") }, new Date("2030-01-01T11:00:01Z"))).toBe(true);
  });

  it("counts each key separately", async () => {
    const db = getDb();
    const rule = { key: unique("k"), limit: 1, windowSeconds: 60 };
    expect(await hitRateLimit(db, rule)).toBe(true);
    expect(await hitRateLimit(db, rule)).toBe(false);
    expect(await hitRateLimit(db, { ...rule, key: unique("k") })).toBe(true);
  });
});

describe("the event history", () => {
  it("keeps an event only when its transaction commits", async () => {
    const db = getDb();
    const committed = unique("entity");
    const rolledBack = unique("entity");
    await db.transaction((tx) => recordEvent(tx, { entityType: "test", entityId: committed, actorId: null, action: "made", toState: "draft" }));
    await expect(
      db.transaction(async (tx) => {
        await recordEvent(tx, { entityType: "test", entityId: rolledBack, actorId: null, action: "made" });
        throw new Error("abort");
      }),
    ).rejects.toThrow();
    const rows = await db.select().from(events).where(and(eq(events.entityType, "test"), eq(events.entityId, committed)));
    expect(rows).toHaveLength(1);
    expect(rows[0].toState).toBe("draft");
    expect(await db.select().from(events).where(eq(events.entityId, rolledBack))).toHaveLength(0);
  });
});
