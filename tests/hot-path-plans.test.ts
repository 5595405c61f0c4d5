import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { HOT_PATH_SESSION } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { confirmingStatement } from "@/lib/petitions/hot-path/confirm-many";
import { signingStatement } from "@/lib/petitions/hot-path/sign-many";

// On Postgres the hot path keeps ONE plan per connection for each of its two statements,
// made at their first run. On a platform's first day that run meets empty tables, where every
// index of `signatures` that starts with petition_id looks as good as any other; the plan made
// then is the plan while a viral petition grows to a million signatures. So the plans kept on
// an empty database must already reach each row by the one index that finds it alone — not
// walk a petition's signatures through another index (which halved the signing rate within
// seconds when the repeat look-up did: BENCHMARKS.md, session 5).

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

type Run = (text: string) => Promise<Record<string, unknown>[]>;

let run: Run;
let close: () => Promise<void> = async () => {};

/**
 * A brand-new database, migrated and empty, in the mode the suite runs in. On Postgres a
 * database of its own, made and dropped here (the test role must be allowed to create
 * databases, as the CI's is); on PGlite an in-memory one.
 */
beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `birge_plans_${randomUUID().replace(/-/g, "")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    let fresh: postgres.Sql | null = null;
    close = async () => {
      await fresh?.end();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
    const freshUrl = new URL(url);
    freshUrl.pathname = `/${name}`;
    fresh = postgres(freshUrl.toString(), { max: 1, onnotice: () => {}, connection: HOT_PATH_SESSION });
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(drizzle(fresh), { migrationsFolder: MIGRATIONS_FOLDER });
    const sql = fresh;
    run = (text) => sql.unsafe(text) as unknown as Promise<Record<string, unknown>[]>;
  } else {
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const pglite = new PGlite({ extensions: { pg_trgm } });
    close = () => pglite.close();
    await migrate(drizzle(pglite), { migrationsFolder: MIGRATIONS_FOLDER });
    for (const [setting, value] of Object.entries(HOT_PATH_SESSION)) await pglite.exec(`set ${setting} = ${value}`);
    run = async (text) => (await pglite.query<Record<string, unknown>>(text)).rows;
  }
}, 120_000);

afterAll(() => close());

const literal = (value: unknown) => (value === null || value === undefined ? "null" : `'${String(value).replace(/'/g, "''")}'`);

/** The plan Postgres keeps for a statement prepared on a hot-path connection (a generic plan). */
async function keptPlan(name: string, statement: SQL): Promise<PlanNode> {
  const { sql: text, params } = new PgDialect().sqlToQuery(statement);
  await run(`prepare ${name} as ${text}`);
  const [row] = await run(`explain (format json) execute ${name}(${params.map(literal).join(", ")})`);
  const plan = (row["QUERY PLAN"] as Array<{ Plan: PlanNode }>)[0].Plan;
  await run(`deallocate ${name}`);
  return plan;
}

/** Every node of a plan, depth first. */
function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

/**
 * How the plan reads tables: "by <index>" for a probe (an index scan with a condition),
 * "walk of <index>" for an index read end to end, "walk of <table>" for a sequential scan.
 */
function reads(plan: PlanNode): string[] {
  const found = nodesOf(plan).flatMap((node) => [
    ...(node["Node Type"] === "Seq Scan" ? [`walk of ${node["Relation Name"]}`] : []),
    ...(node["Index Name"] ? [`${node["Index Cond"] ? "by" : "walk of"} ${node["Index Name"]}`] : []),
  ]);
  return [...new Set(found)].sort();
}

const aSigner = {
  ord: 0,
  winner: true,
  petition_id: "00000000-0000-4000-8000-000000000000",
  full_name: "Aigerim Plan",
  name_display: "full",
  email: "aigerim@example.kz",
  email_normalized: "aigerim@example.kz",
  email_domain: "example.kz",
  region_code: "KZ-ALA",
  iin_hash: null,
  user_id: null,
  locale: "kk",
  confirmed: false,
  ip_address: "2001:db8::1",
  notify: true,
  created_at: new Date().toISOString(),
  params: { title: "Plans", url: "https://birge.example/petitions/1" },
};

describe("a viral petition on a platform's first day: the hot path's kept plans", () => {
  it("sign: a repeat is looked up by the one-address-per-petition index, the petition by its key — never a walk of the petition's signatures", async () => {
    const plan = await keptPlan("kept_signing", signingStatement([aSigner], new Date()));
    expect(reads(plan)).toEqual(["by petitions_pkey", "by signatures_one_per_email_idx"]);
    // The probe names the address, not only the petition: one entry, not the petition's range.
    const probes = nodesOf(plan).filter((node) => node["Index Name"] === "signatures_one_per_email_idx");
    for (const probe of probes) expect(probe["Index Cond"]).toContain("email_normalized");
  });

  it("confirm: each signature, its petition and the petition's total are reached by their primary keys", async () => {
    const plan = await keptPlan("kept_confirming", confirmingStatement([1, 2, 3], new Date()));
    expect(reads(plan)).toEqual(["by petition_totals_pkey", "by petitions_pkey", "by signatures_pkey"]);
  });
});
