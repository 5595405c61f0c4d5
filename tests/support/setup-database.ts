// Each integration file gets a real database: a fresh in-memory PGlite loaded from the
// migrated snapshot made by global-setup (the default), or the Postgres at DATABASE_URL
// (migrated once by global-setup). Tests create their own data.
import { afterAll, inject } from "vitest";

if (!process.env.DATABASE_URL) {
  process.env.BIRGE_DATA_DIR = "memory://";
  process.env.BIRGE_PGLITE_TEMPLATE = inject("pgliteTemplate");
}

afterAll(async () => {
  const { closeDb } = await import("@/db/client");
  await closeDb();
});
