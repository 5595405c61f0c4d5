// For a test file about what a first-time visitor sees on a fresh database (the demo data, the
// feeds built from it): on Postgres, where every other file shares DATABASE_URL and leaves its
// rows behind, the file gets a database of its own, migrated, for its whole run, dropped after.
// On PGlite every file already has a fresh one, and this does nothing.
import { afterAll, beforeAll } from "vitest";
import postgres from "postgres";

export function onADatabaseOfItsOwn(name: string): void {
  const shared = process.env.DATABASE_URL;
  if (!shared) return;
  const url = new URL(shared);
  const database = `${decodeURIComponent(url.pathname.slice(1)) || "postgres"}_${name}_${process.pid}`;
  const quoted = `"${database.replace(/"/g, '""')}"`;

  beforeAll(async () => {
    const admin = postgres(shared, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${quoted} with (force)`);
    await admin.unsafe(`create database ${quoted}`);
    await admin.end();
    const { closeDb, getDb } = await import("@/db/client");
    await closeDb();
    url.pathname = `/${encodeURIComponent(database)}`;
    process.env.DATABASE_URL = url.toString();
    const { runMigrations } = await import("@/db/migrate");
    const { insertReferenceData } = await import("./reference-data");
    await runMigrations();
    await insertReferenceData(getDb());
  }, 120_000);

  afterAll(async () => {
    const { closeDb } = await import("@/db/client");
    await closeDb();
    process.env.DATABASE_URL = shared;
    const admin = postgres(shared, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${quoted} with (force)`);
    await admin.end();
  });
}
