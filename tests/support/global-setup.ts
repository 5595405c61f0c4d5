// On Postgres, migrate once before the integration files run in parallel.
export default async function globalSetup() {
  if (!process.env.DATABASE_URL) return;
  const { runMigrations } = await import("../../db/migrate");
  const { closeDb, getDb } = await import("../../db/client");
  const { insertReferenceData } = await import("./reference-data");
  await runMigrations();
  await insertReferenceData(getDb());
  await closeDb();
}
