import { eq } from "drizzle-orm";
import { settings } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAdmin } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { writeSettings } from "@/lib/settings/read-settings";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { PETITION_SETTINGS_KEY, readPetitionSettings, type PetitionSettings } from "./settings";
import { petitionSettingsSchema } from "./settings-schema";

/**
 * An admin replaces the petition rules. Each petition keeps the numbers fixed on it when it was
 * submitted or opened, so a change reaches only petitions submitted or opened afterwards.
 * Event (entity "settings", id "petitions"): "settings_updated" with the rules before and after.
 */
export async function updatePetitionSettings(options: {
  db: Database;
  actor: Actor | null;
  input: PetitionSettings;
  now?: Date;
}): Promise<{ changed: boolean; settings: PetitionSettings }> {
  const { db, actor, now = new Date() } = options;
  assertAdmin(actor);
  // Checked here as well as in the action: whoever calls, only valid rules are stored.
  const parsed = petitionSettingsSchema.safeParse(options.input);
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  const after: PetitionSettings = parsed.data;

  return db.transaction(async (tx) => {
    // Lock the stored rules, so two admins saving at once each record the other's result as "before".
    await tx.select({ key: settings.key }).from(settings).where(eq(settings.key, PETITION_SETTINGS_KEY)).for("update");
    const before = await readPetitionSettings(tx);
    if (canonical(before) === canonical(after)) return { changed: false, settings: before };
    await writeSettings(tx, PETITION_SETTINGS_KEY, after, actor.id);
    await recordEvent(tx, {
      entityType: "settings",
      entityId: PETITION_SETTINGS_KEY,
      actorId: actor.id,
      action: "settings_updated",
      data: { before, after },
      occurredAt: now,
    });
    return { changed: true, settings: after };
  });
}

/** JSON with object keys sorted, so two equal settings compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, node: unknown) =>
    node !== null && typeof node === "object" && !Array.isArray(node)
      ? Object.fromEntries(Object.entries(node as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : node,
  );
}
