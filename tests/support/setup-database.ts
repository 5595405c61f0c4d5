// Each integration file gets a real database: a fresh in-memory PGlite (the default), or
// the Postgres at DATABASE_URL (migrated once by global-setup). Tests create their own data.
import { afterAll } from "vitest";

if (!process.env.DATABASE_URL) {
  process.env.BIRGE_DATA_DIR = "memory://";
  const { runMigrations } = await import("@/db/migrate");
  const { getDb } = await import("@/db/client");
  const { insertReferenceData } = await import("./reference-data");
  await runMigrations();
  await insertReferenceData(getDb());
}

afterAll(async () => {
  const { closeDb } = await import("@/db/client");
  await closeDb();
});
