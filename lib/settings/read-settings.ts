import { eq } from "drizzle-orm";
import { settings } from "@/db/schema";
import type { Executor } from "@/db/client";

/** Deep-merges stored overrides onto the defaults, so a new default key needs no migration. */
function merge<T>(defaults: T, stored: unknown): T {
  if (stored === null || typeof stored !== "object" || Array.isArray(stored) || typeof defaults !== "object" || defaults === null) {
    return (stored ?? defaults) as T;
  }
  // A stored object sharing no key with its default is another variant of a union (e.g. a
  // threshold switched from { absolute } to { percentOfResidents }): it replaces the default.
  const storedKeys = Object.keys(stored as Record<string, unknown>);
  if (storedKeys.length > 0 && !storedKeys.some((key) => key in (defaults as Record<string, unknown>))) return stored as T;
  const result: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    result[key] = key in result ? merge(result[key], value) : value;
  }
  return result as T;
}

/** One settings group: the stored JSON under `key` merged over its defaults. */
export async function readSettings<T>(db: Executor, key: string, defaults: T): Promise<T> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row ? merge(defaults, row.value) : defaults;
}

/** Stores a settings group (an admin action; the caller checks the role and records the event). */
export async function writeSettings(db: Executor, key: string, value: unknown, updatedBy: string): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, updatedBy })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy, updatedAt: new Date() } });
}
