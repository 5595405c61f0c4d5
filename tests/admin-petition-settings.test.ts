import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { events } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PETITION_SETTING_DEFAULTS, readPetitionSettings, responseThresholdFor, type PetitionSettings } from "@/lib/petitions/settings";
import { petitionSettingsFormSchema, petitionSettingsToFormValues } from "@/lib/petitions/settings-schema";
import { updatePetitionSettings } from "@/lib/petitions/update-petition-settings";
import { refusal } from "./support/domain-errors";
import { actorFor, createUser } from "./support/factories";

// The petition rules are one row shared by every test. Each test changes them inside a
// transaction that is rolled back, so tests running at the same time on a shared Postgres
// keep seeing the rules they expect.
class RolledBack extends Error {}

async function withRolledBackRules(body: (db: Database) => Promise<void>): Promise<void> {
  await getDb()
    .transaction(async (tx) => {
      // The domain function opens its own transaction: inside this one it becomes a savepoint.
      await body(tx as unknown as Database);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
}

async function aPerson(platformRoles: ("admin" | "moderator")[], name: string): Promise<Actor> {
  return actorFor((await createUser({ platformRoles, name })).id);
}

function settingsEvents(db: Database) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.entityType, "settings"), eq(events.entityId, "petitions")))
    .orderBy(events.id);
}

function rulesWith(current: PetitionSettings, overrides: Partial<PetitionSettings>): PetitionSettings {
  return { ...structuredClone(current), ...overrides };
}

describe("an admin edits the petition rules", () => {
  it("lets Aigerim the admin raise the support threshold and the city akimat threshold, recorded in the history", async () => {
    const admin = await aPerson(["admin"], "Aigerim Admin");
    const occurredAt = new Date("2026-03-02T09:00:00Z");
    await withRolledBackRules(async (db) => {
      const before = await readPetitionSettings(db);
      const input = rulesWith(before, {
        supportThreshold: 75,
        thresholds: { ...before.thresholds, city_akimat: { absolute: 3_000 } },
      });

      const result = await updatePetitionSettings({ db, actor: admin, input, now: occurredAt });

      expect(result.changed).toBe(true);
      const after = await readPetitionSettings(db);
      expect(after.supportThreshold).toBe(75);
      expect(after.thresholds.city_akimat).toEqual({ absolute: 3_000 });
      expect(responseThresholdFor(after, "city_akimat", null)).toBe(3_000);
      // Everything not changed stays as it was.
      expect(after.thresholds.national_body).toEqual(before.thresholds.national_body);
      expect(after.collectionMonths).toBe(before.collectionMonths);

      const history = await settingsEvents(db);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ action: "settings_updated", actorId: admin.id, occurredAt });
      const data = history[0].data as { before: PetitionSettings; after: PetitionSettings };
      expect(data.before.supportThreshold).toBe(before.supportThreshold);
      expect(data.after.supportThreshold).toBe(75);
      expect(data.after.thresholds.city_akimat).toEqual({ absolute: 3_000 });
    });
  });

  it("lets an admin save the rules from the form, with a regional threshold as a percentage", async () => {
    const admin = await aPerson(["admin"], "Aigerim Admin");
    await withRolledBackRules(async (db) => {
      const values = {
        ...petitionSettingsToFormValues(await readPetitionSettings(db)),
        supportThreshold: "120",
        "thresholdKind-regional_akimat": "percentOfResidents",
        "threshold-regional_akimat": "1,5",
        "threshold-national_body": "60 000",
        requireIin: "on",
      };
      const parsed = petitionSettingsFormSchema.safeParse(values);
      expect(parsed.success).toBe(true);

      await updatePetitionSettings({ db, actor: admin, input: parsed.data! });

      const after = await readPetitionSettings(db);
      expect(after).toMatchObject({ supportThreshold: 120, requireIin: true });
      expect(after.thresholds.regional_akimat).toEqual({ percentOfResidents: 1.5 });
      expect(after.thresholds.national_body).toEqual({ absolute: 60_000 });
      expect(responseThresholdFor(after, "regional_akimat", 1_000_000)).toBe(15_000);
    });
  });

  it("records nothing when the admin saves the rules unchanged", async () => {
    const admin = await aPerson(["admin"], "Aigerim Admin");
    await withRolledBackRules(async (db) => {
      const current = await readPetitionSettings(db);
      const result = await updatePetitionSettings({ db, actor: admin, input: structuredClone(current) });
      expect(result.changed).toBe(false);
      expect(await settingsEvents(db)).toHaveLength(0);
    });
  });

  it("refuses Marat the moderator and Dana the citizen, and writes nothing", async () => {
    const moderator = await aPerson(["moderator"], "Marat Moderator");
    const citizen = await aPerson([], "Dana Citizen");
    await withRolledBackRules(async (db) => {
      const before = await readPetitionSettings(db);
      const input = rulesWith(before, { supportThreshold: 1 });

      expect((await refusal(updatePetitionSettings({ db, actor: moderator, input }))).code).toBe("forbidden");
      expect((await refusal(updatePetitionSettings({ db, actor: citizen, input }))).code).toBe("forbidden");
      expect((await refusal(updatePetitionSettings({ db, actor: null, input }))).code).toBe("unauthenticated");

      expect(await readPetitionSettings(db)).toEqual(before);
      expect(await settingsEvents(db)).toHaveLength(0);
    });
  });

  it("refuses rules out of bounds, in the form and in the domain function, and writes nothing", async () => {
    const admin = await aPerson(["admin"], "Aigerim Admin");
    const values = {
      ...petitionSettingsToFormValues(PETITION_SETTING_DEFAULTS),
      supportThreshold: "0",
      supportWorkingDays: "",
      collectionMonths: "37",
      "thresholdKind-city_akimat": "percentOfResidents",
      "threshold-city_akimat": "2500",
      "thresholdKind-local_body": "share",
      signaturesPerIpPerHour: "1.5",
    };
    const parsed = petitionSettingsFormSchema.safeParse(values);
    expect(parsed.success).toBe(false);
    const errors = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(errors).toEqual({
      supportThreshold: "settingsSupportersRange",
      supportWorkingDays: "number",
      collectionMonths: "settingsCollectionMonthsRange",
      "threshold-city_akimat": "settingsPercentRange",
      "thresholdKind-local_body": "choose",
      signaturesPerIpPerHour: "number",
    });

    await withRolledBackRules(async (db) => {
      const before = await readPetitionSettings(db);
      const tooLow = rulesWith(before, { anonymizeAfterMonths: 0 });
      const ambiguous = rulesWith(before, {
        thresholds: { ...before.thresholds, city_akimat: { absolute: 2_500, percentOfResidents: 1 } as never },
      });
      const error = await refusal(updatePetitionSettings({ db, actor: admin, input: tooLow }));
      expect(error).toMatchObject({ code: "validation", message: "invalidInput" });
      expect(error.fieldErrors).toHaveProperty("anonymizeAfterMonths");
      expect((await refusal(updatePetitionSettings({ db, actor: admin, input: ambiguous }))).code).toBe("validation");

      expect(await readPetitionSettings(db)).toEqual(before);
      expect(await settingsEvents(db)).toHaveLength(0);
    });
  });

  it("lets an admin switch a level from a number of signatures to a percentage of residents", async () => {
    const admin = await aPerson(["admin"], "Aigerim Admin");
    await withRolledBackRules(async (db) => {
      const before = await readPetitionSettings(db);
      const input = rulesWith(before, { thresholds: { ...before.thresholds, city_akimat: { percentOfResidents: 0.5 } } });
      await updatePetitionSettings({ db, actor: admin, input });

      const after = await readPetitionSettings(db);
      expect(after.thresholds.city_akimat).toEqual({ percentOfResidents: 0.5 });
      expect(responseThresholdFor(after, "city_akimat", 2_000_000)).toBe(10_000);
    });
  });
});
