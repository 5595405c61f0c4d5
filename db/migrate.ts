import path from "node:path";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { connection, rowsOf } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Applies the committed drizzle-kit migrations that have not run yet. */
export async function runMigrations(): Promise<void> {
  const conn = connection();
  if (conn.kind === "postgres") {
    // Two processes starting at once must not both migrate: serialize on an advisory lock.
    await conn.sql!`select pg_advisory_lock(727274)`;
    try {
      await migratePostgres(conn.db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await conn.sql!`select pg_advisory_unlock(727274)`;
    }
  } else {
    await migratePglite(conn.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

/** How many committed migrations exist and how many the database has applied. */
export async function migrationStatus(): Promise<{ expected: number; applied: number }> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  let applied = 0;
  try {
    const result = await connection().db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    applied = rowsOf<{ n: number }>(result)[0]?.n ?? 0;
  } catch {
    applied = 0;
  }
  return { expected: journal.entries.length, applied };
}
