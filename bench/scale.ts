// `npm run bench -- --scale`: read latencies with 10 million signatures over 10,000 petitions
// stored (--signatures=N --petitions=N for another size; --regenerate to rebuild the data).
// The data set is generated once into its own database (birge_scale) and kept for later runs.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { generateScaleData } from "./generate-scale-data";
import { BENCH_DIST_DIR, distinctAddresses, ensureBenchBuild, machine, profileFlags, ROOT, runLoad, SERVER_NODE_FLAGS, startServer, type RunningServer } from "./support";

const option = (args: string[], name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);

export async function runScale(args: string[], log: (line: string) => void) {
  const loadAverageAtStart = os.loadavg().map((n) => Number(n.toFixed(2)));
  const signatures = option(args, "signatures", 10_000_000);
  const petitionCount = option(args, "petitions", 10_000);
  const adminUrl = process.env.BENCH_PG_ADMIN_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const url = adminUrl.replace(/\/[^/]*$/, "/birge_scale");
  process.env.AUTH_SECRET ||= `bench-${randomBytes(24).toString("base64url")}`;
  ensureBenchBuild(log);

  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = 'birge_scale'`;
  if (exists && args.includes("--regenerate")) await admin.unsafe(`drop database birge_scale with (force)`);
  if (!exists || args.includes("--regenerate")) await admin.unsafe(`create database birge_scale`);
  await admin.end();

  process.env.DATABASE_URL = url;
  const { runMigrations } = await import("@/db/migrate");
  const { seedIfEmpty } = await import("@/db/seed");
  const { closeDb } = await import("@/db/client");
  await runMigrations();
  await seedIfEmpty();
  await closeDb();

  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const [marker] = await sql<{ value: { signatures: number; petitions: number } }[]>`select value from settings where key = 'bench.scale'`;
  if (marker?.value.signatures === signatures && marker.value.petitions === petitionCount) {
    log(`scale: reusing the data set in birge_scale (${signatures.toLocaleString("en")} signatures, ${petitionCount.toLocaleString("en")} petitions)`);
  } else {
    if (marker) throw new Error("birge_scale holds another size: pass --regenerate");
    log(`scale: generating ${signatures.toLocaleString("en")} signatures over ${petitionCount.toLocaleString("en")} petitions`);
    await generateScaleData({ url, signatures, petitions: petitionCount, log });
  }
  // Counted on a connection of its own, closed at once: a backend reports its scans to the
  // statistics up to 10 s late unless it exits, and this count must not show up as a scan by
  // the requests measured below.
  const counter = postgres(url, { max: 1, onnotice: () => {} });
  const [{ stored }] = await counter<{ stored: number }[]>`select count(*)::int as stored from signatures`;
  await counter.end();
  const sizes = await sql<{ name: string; size: string }[]>`
    select relname as name, pg_size_pretty(pg_total_relation_size(relid)) as size from pg_catalog.pg_statio_user_tables
    where relname in ('signatures', 'petitions', 'petition_count_shards') order by relname`;
  const numbers = (await sql<{ number: number }[]>`select number from petitions where state in ('open', 'closed', 'responded') order by random() limit 300`).map((r) => r.number);
  const [largest] = await sql<{ number: number; n: number }[]>`
    select p.number, sum(s.confirmed)::int as n from petition_count_shards s join petitions p on p.id = s.petition_id group by p.number order by 2 desc limit 1`;
  // No request path may scan signatures: Postgres counts every sequential scan of the table.
  const scans = async () => {
    const [row] = await sql<{ seq_scan: number; idx_scan: number }[]>`
      select seq_scan::int, coalesce(idx_scan, 0)::int as idx_scan from pg_stat_user_tables where relname = 'signatures'`;
    return row;
  };

  let server: RunningServer | null = null;
  let scansBefore: { seq_scan: number; idx_scan: number } | null = null;
  const results: Array<Record<string, unknown>> = [];
  try {
    server = await startServer({
      name: "birge-scale",
      port: 3904,
      args: [...SERVER_NODE_FLAGS, ...profileFlags(args), "--import", "tsx", "server.ts"],
      env: {
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        DATABASE_URL: url,
        BIRGE_NEXT_DIST_DIR: BENCH_DIST_DIR,
        BIRGE_WORKER: "off",
        BIRGE_SEED: "off",
        AUTH_TRUST_HOST: "true",
        AUTH_SECRET: process.env.AUTH_SECRET,
      },
      readyPath: "/api/health",
    });
    const cases: Array<[string, string[]]> = [
      // Every page request its own address (a query parameter the pages ignore), so that none
      // is answered from the pages the origin keeps for 0.5 s: these rows measure renders.
      ["list page /petitions (most signed)", distinctAddresses(["/petitions"], "scale")],
      ["list page, page 50", distinctAddresses(["/petitions?page=50"], "scale")],
      ["search page /petitions?q=…", distinctAddresses(["budget", "water", "Almaty", "bridge", "school"].map((q) => `/petitions?q=${q}`), "scale")],
      ["petition page /petitions/{n} (random)", distinctAddresses(numbers.map((n) => `/petitions/${n}`), "scale")],
      [`petition page of the largest (${largest.n.toLocaleString("en")} signatures)`, distinctAddresses([`/petitions/${largest.number}`], "scale")],
      ["API list /api/v1/petitions", ["/api/v1/petitions"]],
      ["count endpoint (random)", numbers.map((n) => `/api/v1/petitions/${n}/count`)],
    ];
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    scansBefore = await scans();
    for (const [name, paths] of cases) {
      // Warm once, then a few concurrent readers for a fixed time.
      await runLoad({ port: server.port, connections: 2, durationMs: 1_000, maxRequests: 50, scenario: { kind: "get", paths, accept: "text/html" } });
      const r = await runLoad({ port: server.port, connections: 4, durationMs: 8_000, maxRequests: 100_000, scenario: { kind: "get", paths, accept: "text/html" } });
      // And what one reader alone waits: the latency without the others' requests queued ahead.
      const alone = await runLoad({ port: server.port, connections: 1, durationMs: 4_000, maxRequests: 100_000, scenario: { kind: "get", paths, accept: "text/html" } });
      const row = {
        name,
        rate_per_s: Math.round(r.ratePerS),
        p50_ms: round(r.p50Ms),
        p95_ms: round(r.p95Ms),
        p99_ms: round(r.p99Ms),
        requests: r.completed,
        statuses: r.statusCounts,
        p95_target_met: (r.p95Ms ?? Infinity) <= 50,
        one_reader_p50_ms: round(alone.p50Ms),
        one_reader_p95_ms: round(alone.p95Ms),
      };
      results.push(row);
      log(`scale: ${name}: ${row.rate_per_s}/s, p95 ${row.p95_ms} ms ${row.p95_target_met ? "" : "(over 50 ms)"} ${JSON.stringify(r.statusCounts)}; one reader alone: p50 ${row.one_reader_p50_ms} ms, p95 ${row.one_reader_p95_ms} ms`);
    }
  } finally {
    await server?.stop();
  }
  // The statistics collector reports with a short delay.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const scansAfter = await scans();
  await sql.end();
  const signatureScans = scansBefore
    ? { sequential_scans_of_signatures: scansAfter.seq_scan - scansBefore.seq_scan, index_scans_of_signatures: scansAfter.idx_scan - scansBefore.idx_scan }
    : null;
  log(`scale: during the reads, sequential scans of signatures: ${signatureScans?.sequential_scans_of_signatures}, index scans: ${signatureScans?.index_scans_of_signatures}`);
  const report = { date: new Date().toISOString(), command: `npm run bench -- --scale`, machine: { ...machine(), loadAverageAtStart, loadAverageAtEnd: os.loadavg().map((n) => Number(n.toFixed(2))) }, signatures: stored, petitions: petitionCount, table_sizes: sizes, readers: 4, signature_scans_during_reads: signatureScans, scenarios: results };
  writeFileSync(path.join(ROOT, "bench", "results", "scale.json"), JSON.stringify(report, null, 2) + "\n");
  log("written bench/results/scale.json");
}

const round = (n: number | null) => (n === null ? null : Number(n.toFixed(2)));
