import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { sql as sqlTag } from "drizzle-orm";
import { closeDb, connection, executePrepared, getDb, HOT_PATH_SESSION, signaturesCanKeepPlans } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { confirmingStatement } from "@/lib/petitions/hot-path/confirm-many";
import { signingStatement } from "@/lib/petitions/hot-path/sign-many";

// On Postgres the hot path keeps ONE plan per connection for each of its two statements. The
// plan kept is the plan while a viral petition grows to a million signatures (or until
// autovacuum next analyses a table it reads), so it must reach each row by the one index that
// finds it alone — not walk a petition's signatures through another index (which halved the
// signing rate within seconds when the repeat look-up did: BENCHMARKS.md, session 5). On an
// empty table no plan can be trusted to (every index that starts with petition_id costs the
// same), so none is kept before `signatures` holds KEEP_PLANS_FROM_PAGES pages; these tests
// make the plans the hot path keeps then, with the statistics a first day has: none at all, or
// those of an ANALYZE run while the tables were empty.

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
/** On Postgres, the address of the database useFreshDatabase made last. */
let freshDatabaseUrl: string | null = null;

/**
 * A brand-new database, migrated and empty, in the mode the suite runs in, for `run` until
 * `close`. On Postgres a database of its own, made and dropped here (the test role must be
 * allowed to create databases, as the CI's is); on PGlite an in-memory one.
 */
async function useFreshDatabase() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `birge_plans_${randomUUID().replace(/-/g, "")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`).catch(async (error) => {
      await admin.end();
      throw error;
    });
    let fresh: postgres.Sql | null = null;
    close = async () => {
      await fresh?.end();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
    const freshUrl = new URL(url);
    freshUrl.pathname = `/${name}`;
    freshDatabaseUrl = freshUrl.toString();
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
  await readIndexes();
}

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

/** The first column of every index: a read of an index is a probe only when its condition bounds that column. */
let leadingColumn = new Map<string, string>();
async function readIndexes() {
  const rows = await run(`
    select i.relname as index, a.attname as lead from pg_index x
    join pg_class i on i.oid = x.indexrelid join pg_attribute a on a.attrelid = x.indrelid and a.attnum = x.indkey[0]
    join pg_namespace n on n.oid = i.relnamespace where n.nspname = 'public'`);
  leadingColumn = new Map(rows.map((row) => [String(row.index), String(row.lead)]));
}

/**
 * How the plan reads tables: "by <index>" for a probe (an index scan whose condition bounds
 * the index's first column), "walk of <index>" for an index read end to end (no condition, or
 * one on a later column only: every entry is visited), "walk of <table>" for a sequential scan.
 */
function reads(plan: PlanNode): string[] {
  const probes = (node: PlanNode) => {
    const lead = leadingColumn.get(node["Index Name"]!);
    return !!lead && !!node["Index Cond"] && new RegExp(`(^|[^\\w.])${lead}\\b`).test(node["Index Cond"]);
  };
  const found = nodesOf(plan).flatMap((node) => [
    ...(node["Node Type"] === "Seq Scan" ? [`walk of ${node["Relation Name"]}`] : []),
    ...(node["Index Name"] ? [`${probes(node) ? "by" : "walk of"} ${node["Index Name"]}`] : []),
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
};

/** Open petitions and signatures for them, until `signatures` is just big enough for kept plans. */
async function growToKeptPlans() {
  await run(`insert into users (id, email) values ('plans-user', 'plans@example.kz') on conflict do nothing`);
  await run(`insert into agencies (id, slug, name_kk, name_ru, name_en, level) values ('plans-agency', 'plans-agency', 'A', 'А', 'A', 'national_body') on conflict do nothing`);
  await run(`
    insert into petitions (id, creator_id, agency_id, title, request, reasons, state, support_token)
    select 'plans-' || i, 'plans-user', 'plans-agency', 'Plans', 'Request', 'Reasons', 'open', 'plans-token-' || i
    from generate_series(1, 7) i on conflict do nothing`);
  for (let batch = 0; !(await signaturesCanKeepPlans(run)); batch++) {
    await run(`
      insert into signatures (petition_id, full_name, email, email_normalized, email_domain, region_code, ip_address)
      select 'plans-' || (1 + i % 7), 'Signer ' || i, 's' || i || '@example.kz', 's${batch}-' || i || '@example.kz', 'example.kz', 'KZ-ALA', '2001:db8::1'
      from generate_series(1, 500) i`);
  }
}

async function expectProbesOnly() {
  const signing = await keptPlan("kept_signing", signingStatement([aSigner], new Date()));
  // The pkey and IIN probes are the revival of a withdrawn signature: reached only by a repeat whose signature is withdrawn.
  expect(reads(signing)).toEqual(["by petitions_pkey", "by signatures_one_per_email_idx", "by signatures_one_per_iin_idx", "by signatures_pkey"]);
  // The probe names the address, not only the petition: one entry, not the petition's range.
  const probes = nodesOf(signing).filter((node) => node["Index Name"] === "signatures_one_per_email_idx");
  for (const probe of probes) expect(probe["Index Cond"]).toContain("email_normalized");

  const confirming = await keptPlan("kept_confirming", confirmingStatement([1, 2, 3], new Date()));
  expect(reads(confirming)).toEqual(["by petition_totals_pkey", "by petitions_pkey", "by signatures_pkey"]);
}

describe("a viral petition on a platform's first day: the plans the hot path keeps", () => {
  beforeAll(useFreshDatabase, 120_000);
  afterAll(() => close());

  it("while signatures is empty the hot path keeps no plan: each batch is planned with the table as it is", async () => {
    expect(await signaturesCanKeepPlans(run)).toBe(false);
  });

  it("once signatures has grown (tables never analysed), sign and confirm reach every row by the index that finds it", async () => {
    await growToKeptPlans();
    await expectProbesOnly();
  });
});

describe("the same first day after an ANALYZE of the empty tables, which makes a walk cost what a probe does", () => {
  beforeAll(async () => {
    await useFreshDatabase();
    await run("analyze");
  }, 120_000);
  afterAll(() => close());

  it("once signatures has grown, sign and confirm still reach every row by the index that finds it", async () => {
    expect(await signaturesCanKeepPlans(run)).toBe(false);
    await growToKeptPlans();
    await expectProbesOnly();
  });
});

describe("the hot path's own connections on that first day", () => {
  const suiteUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    await useFreshDatabase();
    // The app's connection, pointed at the brand-new database (Postgres), as the server's would be.
    await closeDb();
    if (freshDatabaseUrl) process.env.DATABASE_URL = freshDatabaseUrl;
  }, 120_000);
  afterAll(async () => {
    await closeDb();
    if (suiteUrl) process.env.DATABASE_URL = suiteUrl;
    await close();
  });

  const aRead = () => sqlTag`select count(*)::int as n from signatures where petition_id = ${"plans-1"}`;
  /** Statements the hot path's connection keeps (asked unprepared, so the question is not kept itself). */
  async function keptStatements(): Promise<number> {
    const hot = connection().hotPathSql!();
    const [row] = await hot.unsafe("select count(*)::int as n from pg_prepared_statements where statement like '%from signatures where petition_id%'", [], { prepare: false });
    return Number(row.n);
  }
  const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("runs its statements unprepared while signatures is small, and keeps them once it has grown", async () => {
    if (connection().kind === "pglite") {
      // One process, one connection, no plans kept across runs: the statement just runs.
      expect(connection().hotPathSql).toBeUndefined();
      expect(await executePrepared(getDb(), aRead())).toEqual([{ n: 0 }]);
      return;
    }
    expect(await executePrepared(getDb(), aRead())).toEqual([{ n: 0 }]);
    await settle(1_100);
    expect(await executePrepared(getDb(), aRead())).toEqual([{ n: 0 }]);
    expect(await keptStatements()).toBe(0);

    await growToKeptPlans();
    await settle(1_100);
    await executePrepared(getDb(), aRead()); // sees that it is time, still unprepared
    await settle(300);
    await executePrepared(getDb(), aRead());
    expect(await keptStatements()).toBe(1);
  });
});
