import { sql } from "drizzle-orm";
import { connection } from "@/db/client";
import { migrationStatus } from "@/db/migrate";

export const dynamic = "force-dynamic";

/** Database reachable and every committed migration applied: 200; otherwise 503. */
export async function GET() {
  let databaseReachable = false;
  try {
    await connection().db.execute(sql`select 1`);
    databaseReachable = true;
  } catch {
    databaseReachable = false;
  }
  const migrations = databaseReachable ? await migrationStatus() : { expected: 0, applied: 0 };
  const migrationsCurrent = databaseReachable && migrations.applied >= migrations.expected;
  const ok = databaseReachable && migrationsCurrent;
  return Response.json(
    { status: ok ? "ok" : "unavailable", database: { driver: connection().kind, reachable: databaseReachable }, migrations: { ...migrations, current: migrationsCurrent } },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
