// `npm run bench` — Birge's signing path against the references it must beat, in one run on
// this machine: bare node:http (the ceiling), the naive design (a Next.js route handler doing
// one INSERT and one counter UPDATE per signature) and Birge's hot path, then confirmation,
// the count endpoint, the petition page, and the same path on the embedded database (PGlite).
// After each run it checks the data: every acknowledged signature stored, every confirmation
// counted once. Prints a table and writes bench/results/latest.json.
//
//   npm run bench               full run (≈ 5 min): 30 s of signing, 30 s of confirming
//   npm run bench -- --quick    routine run (~35 s of load; ~90 s in all on a busy 2-core machine)
//   npm run bench -- --scale    10 M signatures over 10,000 petitions, then read latencies
//                               (--signatures=N --petitions=N for another size)
//   --no-pglite                 leave out the embedded-database run
//
// Only 127.0.0.1 is contacted; every load is bounded in time and in request count.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { BENCH_DIST_DIR, createPetition, distinctAddresses, ensureBenchBuild, machine, NAIVE_ROUTE, profileFlags, ROOT, runLoad, SERVER_NODE_FLAGS, sleep, startServer, type LoadResult, type Query, type RunningServer } from "./support";

const args = process.argv.slice(2);
const QUICK = args.includes("--quick");
const SERVER_ARGS = [
  ...SERVER_NODE_FLAGS,
  ...profileFlags(args),
  "--import",
  "tsx",
  "server.ts",
];
const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const BENCH_DB = "birge_bench";
const BENCH_URL = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${BENCH_DB}`);
const PORTS = { bare: 3901, birge: 3902, pglite: 3903 };
/** Keep-alive connections of every load (the same for the references and Birge); BENCH_CONNECTIONS to try another number. */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 64);
/**
 * A bigger crowd: the bare baseline and Birge's signing again with this many connections each.
 * A viral petition brings thousands of people at once; the bare server and the batched path
 * answer a bigger crowd differently (bare loses a little, batches grow), so the bench shows both.
 */
const CROWD_CONNECTIONS = 256;
const SECONDS = QUICK
  ? { warm: 1, baseline: 2, naive: 3, sign: 6, confirm: 5, count: 2, page: 2, crowdBaseline: 2, crowdSign: 4, pgliteSign: 2, pgliteConfirm: 2, pgliteCount: 1 }
  : { warm: 3, baseline: 10, naive: 15, sign: 30, confirm: 30, count: 10, page: 10, crowdBaseline: 10, crowdSign: 15, pgliteSign: 10, pgliteConfirm: 10, pgliteCount: 5 };
/** Upper bound on requests per load, whatever the duration. */
const MAX_REQUESTS = 2_000_000;

const started = Date.now();
const loadAtStart = os.loadavg().map((n) => Number(n.toFixed(2)));
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);

interface Entry {
  name: string;
  rate_per_s: number;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  /** Which bare node:http reference this row is compared with, by its connections (the loads with 64 connections or fewer: 64's). */
  baseline_connections: number | null;
  ratio_to_baseline: number | null;
  ratio_to_naive: number | null;
  lost: number | null;
  double_counted: number | null;
  requests: number;
  statuses: Record<string, number>;
  /** Share of the machine's CPU (all cores: servers, Postgres, load generator) left idle during the load. */
  cpu_idle_pct: number | null;
  notes?: string;
}


const entries: Entry[] = [];
const checks: Record<string, unknown> = {};
/** Bare node:http by connections: measured before and after Birge, and the mean every ratio uses. */
const baselines: Record<number, { before: number; after: number; reference: number }> = {};
const servers: RunningServer[] = [];
/** Every server started is stopped at the end, whatever happens. */
const track = (server: RunningServer) => (servers.push(server), server);

function entry(name: string, result: LoadResult, extra: Partial<Entry> = {}): Entry {
  const e: Entry = {
    name,
    rate_per_s: Math.round(result.ratePerS),
    p50_ms: round(result.p50Ms),
    p95_ms: round(result.p95Ms),
    p99_ms: round(result.p99Ms),
    baseline_connections: null,
    ratio_to_baseline: null,
    ratio_to_naive: null,
    lost: null,
    double_counted: null,
    requests: result.completed,
    statuses: result.statusCounts,
    cpu_idle_pct: result.cpuIdlePercent ?? null,
    ...extra,
  };
  entries.push(e);
  return e;
}

const round = (n: number | null, digits = 2) => (n === null ? null : Number(n.toFixed(digits)));

/**
 * How a row compares: with the bare reference of `connections` (its ratio is set once both bare
 * runs are in) and with the naive design's rate.
 */
const comparedWith = (connections: number, naive: number | null, digits = 1) => (rate: number) => ({
  baseline_connections: connections,
  ratio_to_naive: naive ? round(rate / naive, digits) : null,
});

const verdict = (ok: boolean | undefined) => (ok === undefined ? "n/a" : ok ? "met" : "NOT met");


/** Signer index from the load generator's address `${runId}-${index}@…`. */
const signerOf = (email: string) => Number(/-(\d+)@/.exec(email)?.[1] ?? -1);

/** Acknowledged sign-ups against stored rows, and the confirmation mail of each answer. */
async function checkSignatures(query: Query, petitionId: string, runId: string, result: LoadResult) {
  const rows = await query(`select email from signatures where petition_id = $1`, [petitionId]);
  const stored = new Uint8Array(result.acknowledged.length);
  for (const row of rows) {
    const i = signerOf(String(row.email));
    if (i >= 0 && i < stored.length) stored[i] = 1;
  }
  let accepted = 0;
  let lost = 0;
  let storedWithoutAnswer = 0;
  for (let i = 0; i < stored.length; i++) {
    if (result.acknowledged[i]) accepted++;
    if (result.acknowledged[i] && !stored[i]) lost++;
    if (stored[i] && !result.acknowledged[i]) storedWithoutAnswer++;
  }
  // Each accepted request queued one mail: a stored message (a repeat's), or a new signature
  // named by its batch's delivery job (its confirmation is written when the job runs).
  const [mail] = await query(
    `select (select count(*) from mail_messages where to_address like $1)
          + (select count(*) from jobs j cross join lateral jsonb_array_elements_text(j.payload->'signatureIds') e(id)
               join signatures s on s.id = e.id::bigint
             where j.queue = 'mail.deliver-batch' and s.petition_id = $2) as n`,
    [`${runId}-%`, petitionId],
  );
  return {
    accepted_signers: accepted,
    stored_signatures: rows.length,
    lost,
    stored_without_answer: storedWithoutAnswer,
    accepted_requests: (result.statusCounts["202"] ?? 0) as number,
    mails_queued: Number(mail?.n ?? 0),
  };
}

/** Confirmations answered against the signature states and the count. */
async function checkConfirmations(query: Query, petitionId: string, ids: number[], result: LoadResult) {
  const [counts] = await query(
    `select (select coalesce(sum(confirmed), 0)::int from petition_count_shards where petition_id = $1) as counted,
            (select count(*)::int from signatures where petition_id = $1 and state = 'confirmed') as confirmed_rows`,
    [petitionId],
  );
  const confirmedRows = await query(`select id from signatures where petition_id = $1 and state = 'confirmed'`, [petitionId]);
  const confirmedIds = new Set(confirmedRows.map((r) => Number(r.id)));
  let acknowledged = 0;
  let firstPresses = 0;
  let lost = 0;
  result.acknowledged.forEach((state, k) => {
    if (!state) return;
    acknowledged++;
    if (state === 2) firstPresses++;
    if (!confirmedIds.has(ids[k])) lost++;
  });
  const counted = Number(counts.counted);
  const rows = Number(counts.confirmed_rows);
  // Counted twice: the count above the confirmed rows, or two "confirmed" answers for one signature.
  const doubleCounted = Math.max(0, counted - rows) + Math.max(0, result.confirmedAnswers - firstPresses);
  return {
    confirmations_answered: acknowledged,
    confirmed_answers: result.confirmedAnswers,
    already_confirmed_answers: result.alreadyConfirmedAnswers,
    confirmed_rows: rows,
    counted,
    lost,
    double_counted: doubleCounted,
    count_equals_rows: counted === rows,
  };
}

/** Polls the database and the count endpoint while confirmations run; how far behind the endpoint ever was. */
function probeStaleness(query: Query, petitionId: string, port: number, number: number) {
  const dbSamples: Array<{ t: number; c: number }> = [];
  const endpointSamples: Array<{ t: number; v: number }> = [];
  let running = true;
  const dbLoop = (async () => {
    while (running) {
      const t = performance.now();
      const [row] = await query(`select coalesce(sum(confirmed), 0)::int as c from petition_count_shards where petition_id = $1`, [petitionId]);
      dbSamples.push({ t, c: Number(row.c) });
      await sleep(25);
    }
  })();
  const endpointLoop = (async () => {
    while (running) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/petitions/${number}/count`, { signal: AbortSignal.timeout(5_000) });
        const body = (await response.json()) as { confirmed: number };
        endpointSamples.push({ t: performance.now(), v: body.confirmed });
      } catch {
        /* counted as no sample */
      }
      await sleep(25);
    }
  })();
  return async () => {
    running = false;
    await Promise.all([dbLoop, endpointLoop]);
    // An answer showing v at time t is stale by at most t minus the start of the last database
    // read that still saw ≤ v, once a later read (before t) saw more.
    let maxLagMs = 0;
    const lags: number[] = [];
    for (const sample of endpointSamples) {
      let lastAtOrBelow: number | null = null;
      let seenAbove = false;
      for (const db of dbSamples) {
        if (db.t > sample.t) break;
        if (db.c <= sample.v) {
          lastAtOrBelow = db.t;
          seenAbove = false;
        } else seenAbove = true;
      }
      const lag = seenAbove && lastAtOrBelow !== null ? sample.t - lastAtOrBelow : 0;
      lags.push(lag);
      maxLagMs = Math.max(maxLagMs, lag);
    }
    lags.sort((a, b) => a - b);
    return {
      endpoint_samples: endpointSamples.length,
      database_samples: dbSamples.length,
      max_lag_ms: Math.round(maxLagMs),
      p99_lag_ms: Math.round(lags[Math.floor(lags.length * 0.99)] ?? 0),
    };
  };
}

async function pendingSignatures(query: Query, petitionId: string) {
  const { signatureToken } = await import("@/lib/petitions/tokens");
  const rows = await query(`select id from signatures where petition_id = $1 and state = 'pending' order by id`, [petitionId]);
  const ids = rows.map((r) => Number(r.id));
  return { ids, tokens: ids.map((id) => signatureToken(id, "confirm")) };
}

async function exactAtRest(query: Query, petitionId: string, port: number, number: number) {
  await sleep(400);
  const [row] = await query(
    `select (select coalesce(sum(confirmed), 0)::int from petition_count_shards where petition_id = $1) as c,
            (select coalesce(sum(confirmed), 0)::int from petition_totals where petition_id = $1) as total`,
    [petitionId],
  );
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/petitions/${number}/count`);
  const body = (await response.json()) as { confirmed: number };
  // The endpoint and the petition's total row (what "most signed" lists order by) both equal the shards.
  return { database: Number(row.c), endpoint: body.confirmed, total_row: Number(row.total), exact: Number(row.c) === body.confirmed && Number(row.total) === Number(row.c) };
}

/** A checkpoint, then up to 30 s for autovacuum workers to finish: Postgres idle before a reference is measured. */
async function settlePostgres(query: Query) {
  await query("checkpoint");
  for (let waited = 0; waited < 30_000; waited += 250) {
    const [row] = await query(`select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker'`);
    if (Number(row.n) === 0) return;
    await sleep(250);
  }
  log("autovacuum still running after 30 s; measuring the reference anyway");
}

async function preparePostgres(): Promise<{ sql: postgres.Sql; query: Query }> {
  const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${BENCH_DB} with (force)`);
  await admin.unsafe(`create database ${BENCH_DB}`);
  await admin.end();
  process.env.DATABASE_URL = BENCH_URL;
  const { runMigrations } = await import("@/db/migrate");
  const { seedBaseData } = await import("@/db/seed");
  const { closeDb } = await import("@/db/client");
  await runMigrations();
  await seedBaseData();
  await closeDb();
  const sql = postgres(BENCH_URL, { max: 4, onnotice: () => {} });
  return { sql, query: (text, params = []) => sql.unsafe(text, params as never[]) as unknown as Promise<Record<string, unknown>[]> };
}

function birgeEnv(extra: Record<string, string | undefined>) {
  return {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    BIRGE_NEXT_DIST_DIR: BENCH_DIST_DIR,
    BIRGE_WORKER: "off",
    BIRGE_SEED: "off",
    BIRGE_TRUST_PROXY: "1",
    BIRGE_BENCH_ROUTES: "1",
    AUTH_TRUST_HOST: "true",
    AUTH_SECRET: process.env.AUTH_SECRET,
    ...extra,
  };
}

/**
 * Signs `petition` with distinct signers over `connections` for `seconds`, then checks every
 * acknowledged signature against the stored rows; records the check under `checkKey` and the
 * table row as `name`.
 */
async function signAndCheck(options: {
  port: number;
  query: Query;
  regions: string[];
  petition: { id: string; number: number };
  connections: number;
  seconds: number;
  ipSalt: number;
  name: string;
  checkKey: string;
  ratios: (rate: number) => Partial<Entry>;
}) {
  const runId = `${options.checkKey.replace(/_/g, "")}${Date.now().toString(36)}`;
  const result = await runLoad({
    port: options.port,
    connections: options.connections,
    durationMs: options.seconds * 1000,
    maxRequests: MAX_REQUESTS,
    scenario: { kind: "sign", path: `/api/v1/petitions/${options.petition.number}/signatures`, regions: options.regions, runId, ipSalt: options.ipSalt },
  });
  const check = await checkSignatures(options.query, options.petition.id, runId, result);
  checks[options.checkKey] = check;
  return { result, check, entry: entry(options.name, result, { ...options.ratios(result.ratePerS), lost: check.lost, double_counted: 0 }) };
}

async function signConfirmCount(options: {
  label: string;
  port: number;
  query: Query;
  regions: string[];
  seconds: { sign: number; confirm: number; count: number };
  warm: boolean;
  references: { naive: number | null };
}) {
  const { label, port, query, regions, references } = options;
  const ratios = comparedWith(CONNECTIONS, references.naive);
  const petition = await createPetition(query, `${label}: open budgets`);
  if (options.warm) {
    const warmPetition = await createPetition(query, `${label}: warm-up`);
    await runLoad({ port, connections: CONNECTIONS, durationMs: SECONDS.warm * 1000, maxRequests: MAX_REQUESTS, scenario: { kind: "sign", path: `/api/v1/petitions/${warmPetition.number}/signatures`, regions, runId: `warm${label}`, ipSalt: 1 } });
  }
  log(`${label}: signing petition ${petition.number} for ${options.seconds.sign} s`);
  const { result: sign, check: signCheck, entry: signEntry } = await signAndCheck({
    port,
    query,
    regions,
    petition,
    connections: CONNECTIONS,
    seconds: options.seconds.sign,
    ipSalt: 2,
    name: `${label}: sign (hot path)`,
    checkKey: `${label}_sign`,
    ratios,
  });
  log(`${label}: ${signEntry.rate_per_s}/s, p99 ${signEntry.p99_ms} ms; accepted ${signCheck.accepted_signers} = stored ${signCheck.stored_signatures}, lost ${signCheck.lost}`);

  const pending = await pendingSignatures(query, petition.id);
  log(`${label}: confirming up to ${pending.ids.length} signatures for ${options.seconds.confirm} s`);
  const stopProbe = probeStaleness(query, petition.id, port, petition.number);
  const confirm = await runLoad({
    port,
    connections: CONNECTIONS,
    durationMs: options.seconds.confirm * 1000,
    maxRequests: pending.ids.length + Math.ceil(pending.ids.length / 49) + 10,
    scenario: { kind: "confirm", ids: pending.ids, tokens: pending.tokens },
  });
  const staleness = await stopProbe();
  const confirmCheck = await checkConfirmations(query, petition.id, pending.ids, confirm);
  const rest = await exactAtRest(query, petition.id, port, petition.number);
  checks[`${label}_confirm`] = confirmCheck;
  checks[`${label}_count_staleness`] = { ...staleness, at_rest: rest };
  const confirmEntry = entry(`${label}: confirm`, confirm, {
    ...ratios(confirm.ratePerS),
    lost: confirmCheck.lost,
    double_counted: confirmCheck.double_counted,
    notes: confirm.completed >= pending.ids.length ? "ran out of pending signatures before the time was up" : undefined,
  });
  log(`${label}: confirm ${confirmEntry.rate_per_s}/s, p99 ${confirmEntry.p99_ms} ms; counted ${confirmCheck.counted} = confirmed ${confirmCheck.confirmed_rows}; count lag max ${staleness.max_lag_ms} ms; at rest exact: ${rest.exact}`);

  const count = await runLoad({
    port,
    connections: CONNECTIONS,
    durationMs: options.seconds.count * 1000,
    maxRequests: MAX_REQUESTS,
    scenario: { kind: "get", paths: [`/api/v1/petitions/${petition.number}/count`], accept: "application/json" },
  });
  entry(`${label}: count endpoint`, count, ratios(count.ratePerS));
  return { petition, signRate: sign.ratePerS };
}

async function main() {
  mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
  if (args.includes("--scale")) {
    const { runScale } = await import("./scale");
    await runScale(args, log);
    return;
  }
  process.env.AUTH_SECRET ||= `bench-${randomBytes(24).toString("base64url")}`;
  log(`mode: ${QUICK ? "quick" : "full"}; machine: ${os.cpus().length} cores, load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);
  ensureBenchBuild(log);
  const { sql, query } = await preparePostgres();
  const regions = (await query(`select code from regions order by code`)).map((r) => String(r.code));
  const [{ version }] = await query(`select current_setting('server_version') as version`);
  log(`database ${BENCH_DB} ready (PostgreSQL ${version}); starting servers`);

  // The servers start, and the embedded database is prepared, at the same time.
  const withPglite = !args.includes("--no-pglite");
  const [bare, birge, pglitePrepared] = await Promise.all([
    startServer({ name: "bare", port: PORTS.bare, args: [...SERVER_NODE_FLAGS, path.join("bench", "bare-server.mjs")], env: {}, readyPath: "/" }).then(track),
    startServer({ name: "birge", port: PORTS.birge, args: SERVER_ARGS, env: birgeEnv({ DATABASE_URL: BENCH_URL, AUTH_URL: `http://127.0.0.1:${PORTS.birge}` }), readyPath: "/api/health" }).then(track),
    withPglite ? preparePglite(regions) : Promise.resolve(null),
  ]);

  // 1. The ceiling: bare node:http answering the same POST without work. Measured before Birge
  // and again after its signing runs, each time with both connection counts: every ratio is
  // taken against the mean of the two, so that the host's drift during the run (its speed
  // moved by up to a third within one run in session 9) weighs on neither side.
  const baselineScenario = { kind: "sign" as const, path: "/api/v1/petitions/1/signatures", regions, runId: "bare" };
  await runLoad({ port: bare.port, connections: CONNECTIONS, durationMs: SECONDS.warm * 1000, maxRequests: MAX_REQUESTS, scenario: baselineScenario });
  await runLoad({ port: bare.port, connections: CROWD_CONNECTIONS, durationMs: SECONDS.warm * 1000, maxRequests: MAX_REQUESTS, scenario: baselineScenario });
  const measureBare = async (when: "before" | "after") => {
    // Postgres's own after-work (a checkpoint, autovacuum of the tables just written) must not
    // share the cores with the reference: it would lower bare's figure and so raise every ratio.
    await settlePostgres(query);
    const result: Record<number, LoadResult> = {};
    // With BENCH_CONNECTIONS=256 the two counts are one: measured once.
    for (const connections of new Set([CONNECTIONS, CROWD_CONNECTIONS])) {
      const seconds = connections === CONNECTIONS ? SECONDS.baseline : SECONDS.crowdBaseline;
      result[connections] = await runLoad({ port: bare.port, connections, durationMs: seconds * 1000, maxRequests: MAX_REQUESTS, scenario: baselineScenario });
      const name = connections === CONNECTIONS ? `bare node:http, ${when} Birge (reference)` : `bare node:http, ${connections} connections, ${when} Birge (reference)`;
      entry(name, result[connections], { baseline_connections: connections });
      log(`baseline ${when} Birge, ${connections} connections: ${Math.round(result[connections].ratePerS)}/s (p99 ${round(result[connections].p99Ms)} ms)`);
    }
    return result;
  };
  const bareBefore = await measureBare("before");

  // The hot path's first signatures go in now, while the tables are empty: its statements
  // keep the plan made at their first run, and on a platform's first day that run meets
  // empty tables (tests/hot-path-plans.test.ts). Measured later, they must not have slowed.
  const firstDay = await createPetition(query, "first day: open budgets");
  const firstDaySigned = await runLoad({ port: birge.port, connections: 8, durationMs: 2_000, maxRequests: 200, scenario: { kind: "sign", path: `/api/v1/petitions/${firstDay.number}/signatures`, regions, runId: "firstday", ipSalt: 5 } });
  const firstDayPending = await pendingSignatures(query, firstDay.id);
  const firstDayConfirmed = await runLoad({ port: birge.port, connections: 8, durationMs: 2_000, maxRequests: 100, scenario: { kind: "confirm", ...firstDayPending } });
  if (!firstDaySigned.statusCounts["202"] || !firstDayConfirmed.statusCounts["303"]) {
    throw new Error(`the first day's signing or confirming failed: ${JSON.stringify([firstDaySigned.statusCounts, firstDayConfirmed.statusCounts])}`);
  }

  // 2. The naive design: a Next.js route handler, one INSERT and one counter UPDATE per signature.
  const naivePetition = await createPetition(query, "naive: open budgets");
  await runLoad({ port: birge.port, connections: CONNECTIONS, durationMs: SECONDS.warm * 1000, maxRequests: MAX_REQUESTS, scenario: { kind: "naive", path: NAIVE_ROUTE, petitionId: (await createPetition(query, "naive warm-up")).id, regions, runId: "naivewarm" } });
  const naiveRunId = `naive${Date.now().toString(36)}`;
  const naive = await runLoad({ port: birge.port, connections: CONNECTIONS, durationMs: SECONDS.naive * 1000, maxRequests: MAX_REQUESTS, scenario: { kind: "naive", path: NAIVE_ROUTE, petitionId: naivePetition.id, regions, runId: naiveRunId } });
  const naiveRows = await query(`select email from signatures where petition_id = $1`, [naivePetition.id]);
  const [naiveCount] = await query(`select confirmed from petition_count_shards where petition_id = $1 and shard = 0`, [naivePetition.id]);
  const naiveStored = new Set(naiveRows.map((r) => signerOf(String(r.email))));
  let naiveLost = 0;
  naive.acknowledged.forEach((a, i) => {
    if (a && !naiveStored.has(i)) naiveLost++;
  });
  const naiveEntry = entry("naive: Next route, INSERT + UPDATE per signature", naive, {
    baseline_connections: CONNECTIONS,
    ratio_to_naive: 1,
    lost: naiveLost,
    double_counted: Math.max(0, Number(naiveCount.confirmed) - naiveRows.length),
  });
  log(`naive: ${naiveEntry.rate_per_s}/s, p99 ${naiveEntry.p99_ms} ms`);

  // 3–5. Birge: sign, confirm (with the count's staleness probed meanwhile), count.
  const references = { naive: naive.ratePerS };
  const pg = await signConfirmCount({ label: "birge", port: birge.port, query, regions, seconds: SECONDS, warm: true, references });

  // The same signing with the bigger crowd, against the bare server with as many connections.
  const { check: crowdCheck, entry: crowdEntry } = await signAndCheck({
    port: birge.port,
    query,
    regions,
    petition: await createPetition(query, "birge: a bigger crowd"),
    connections: CROWD_CONNECTIONS,
    seconds: SECONDS.crowdSign,
    ipSalt: 6,
    name: `birge: sign, ${CROWD_CONNECTIONS} connections (hot path)`,
    checkKey: "birge_sign_crowd",
    ratios: comparedWith(CROWD_CONNECTIONS, naive.ratePerS),
  });
  log(`birge with ${CROWD_CONNECTIONS} connections: ${crowdEntry.rate_per_s}/s, p99 ${crowdEntry.p99_ms} ms; accepted ${crowdCheck.accepted_signers} = stored ${crowdCheck.stored_signatures}, lost ${crowdCheck.lost}`);

  // The bare references again, right after Birge's signing; then their mean is the baseline.
  const bareAfter = await measureBare("after");
  await bare.stop();
  for (const n of new Set([CONNECTIONS, CROWD_CONNECTIONS])) {
    baselines[n] = { before: Math.round(bareBefore[n].ratePerS), after: Math.round(bareAfter[n].ratePerS), reference: Math.round((bareBefore[n].ratePerS + bareAfter[n].ratePerS) / 2) };
  }

  // The petition page for people not signed in. First a crowd on the viral petition's page,
  // as it reaches the origin with no CDN in front: the origin keeps a render for 0.5 s
  // (lib/petitions/hot-path/public-page-cache.ts). Then what one render costs: every request a
  // distinct address (a query string the page ignores), so that none is served from the kept pages.
  const pagePath = `/petitions/${pg.petition.number}`;
  const pageRatios = comparedWith(CONNECTIONS, naive.ratePerS, 2);
  const crowd = await runLoad({ port: birge.port, connections: CONNECTIONS, durationMs: SECONDS.page * 1000, maxRequests: MAX_REQUESTS, scenario: { kind: "get", paths: [pagePath], accept: "text/html" } });
  entry("birge: petition page, one petition, 64 viewers (origin keeps 0.5 s)", crowd, pageRatios(crowd.ratePerS));
  const distinct = distinctAddresses([pagePath], "bench");
  const page = await runLoad({ port: birge.port, connections: 8, durationMs: SECONDS.page * 1000, maxRequests: distinct.length, scenario: { kind: "get", paths: distinct, accept: "text/html" } });
  entry("birge: petition page, rendered for each request (8 viewers)", page, pageRatios(page.ratePerS));
  const pageHead = await fetch(`http://127.0.0.1:${birge.port}/petitions/${pg.petition.number}`);
  await pageHead.arrayBuffer();
  checks.petition_page_headers = { status: pageHead.status, cache_control: pageHead.headers.get("cache-control"), etag: pageHead.headers.get("etag"), vary: pageHead.headers.get("vary") };
  await birge.stop();
  await sql.end();

  // 6. The embedded database: the same path on PGlite, one process, one connection.
  if (pglitePrepared) await runPglite(pglitePrepared, regions, references);

  for (const e of entries) {
    const reference = e.baseline_connections === null ? undefined : baselines[e.baseline_connections];
    if (reference) e.ratio_to_baseline = round(e.rate_per_s / reference.reference, 3);
  }
  const result = {
    date: new Date().toISOString(),
    mode: QUICK ? "quick" : "full",
    command: `npm run bench${QUICK ? " -- --quick" : ""}`,
    machine: { ...machine(), loadAverageAtStart: loadAtStart, postgres: String(version), loadAverageAtEnd: os.loadavg().map((n) => Number(n.toFixed(2))) },
    connections: CONNECTIONS,
    seconds: SECONDS,
    /** Bare node:http's rate before and after Birge's runs, by connections; ratios are taken against their mean. */
    baselines,
    scenarios: entries,
    checks,
    targets: targets(),
    crowd: crowdFigures(),
  };
  writeFileSync(path.join(ROOT, "bench", "results", "latest.json"), JSON.stringify(result, null, 2) + "\n");
  // The last run of each mode is kept too, for BENCHMARKS.md.
  writeFileSync(path.join(ROOT, "bench", "results", `${result.mode}.json`), JSON.stringify(result, null, 2) + "\n");
  printTable();
  log(`written bench/results/latest.json in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Migrates and seeds an embedded database and writes the petitions and pending signatures the PGlite run uses. */
async function preparePglite(regions: string[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "birge-bench-pglite-"));
  await prepareEmbedded(dir);
  // The confirmations need pending signatures and their ids before the server starts.
  const pendingCount = QUICK ? 6_000 : 30_000;
  const prepared = await withEmbedded(dir, async (query) => {
    const petition = await createPetition(query, "pglite: open budgets");
    const warm = await createPetition(query, "pglite: warm-up");
    const confirmPetition = await createPetition(query, "pglite: confirmations");
    await query(
      `insert into signatures (petition_id, full_name, email, email_normalized, email_domain, region_code, state, locale)
       select $1, 'Pending Signer ' || g, 'pending' || g || '@bench.example', 'pending' || g || '@bench.example', 'bench.example', $2, 'pending', 'kk'
       from generate_series(1, $3::int) g`,
      [confirmPetition.id, regions[0], pendingCount],
    );
    return { petition, warm, confirmPetition, pending: await pendingSignatures(query, confirmPetition.id) };
  });
  return { dir, ...prepared };
}

/** PGlite has a single opener: the bench reads the folder only while the server is stopped. */
async function withEmbedded<T>(dir: string, work: (query: Query) => Promise<T>): Promise<T> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const pglite = new PGlite(path.join(dir, "pglite"), { extensions: { pg_trgm } });
  try {
    return await work(async (text, params = []) => (await pglite.query<Record<string, unknown>>(text, params)).rows);
  } finally {
    await pglite.close();
  }
}

async function runPglite(prepared: Awaited<ReturnType<typeof preparePglite>>, regions: string[], references: { naive: number | null }) {
  const { dir, petition, warm, confirmPetition, pending } = prepared;
  const ratios = comparedWith(CONNECTIONS, references.naive);
  try {
    const server = await startServer({
      name: "birge-pglite",
      port: PORTS.pglite,
      args: SERVER_ARGS,
      env: birgeEnv({ DATABASE_URL: undefined, BIRGE_DATA_DIR: dir, AUTH_URL: `http://127.0.0.1:${PORTS.pglite}` }),
      readyPath: "/api/health",
    });
    servers.push(server);
    log(`pglite: signing petition ${petition.number} for ${SECONDS.pgliteSign} s`);
    await runLoad({ port: server.port, connections: CONNECTIONS, durationMs: SECONDS.warm * 1000, maxRequests: MAX_REQUESTS, scenario: { kind: "sign", path: `/api/v1/petitions/${warm.number}/signatures`, regions, runId: "pglitewarm", ipSalt: 3 } });
    const runId = `pglite${Date.now().toString(36)}`;
    const sign = await runLoad({ port: server.port, connections: CONNECTIONS, durationMs: SECONDS.pgliteSign * 1000, maxRequests: MAX_REQUESTS, scenario: { kind: "sign", path: `/api/v1/petitions/${petition.number}/signatures`, regions, runId, ipSalt: 4 } });
    const confirm = await runLoad({
      port: server.port,
      connections: CONNECTIONS,
      durationMs: SECONDS.pgliteConfirm * 1000,
      maxRequests: pending.ids.length + Math.ceil(pending.ids.length / 49) + 10,
      scenario: { kind: "confirm", ids: pending.ids, tokens: pending.tokens },
    });
    const count = await runLoad({ port: server.port, connections: CONNECTIONS, durationMs: SECONDS.pgliteCount * 1000, maxRequests: MAX_REQUESTS, scenario: { kind: "get", paths: [`/api/v1/petitions/${confirmPetition.number}/count`], accept: "application/json" } });
    await sleep(400);
    const shown = ((await (await fetch(`http://127.0.0.1:${server.port}/api/v1/petitions/${confirmPetition.number}/count`)).json()) as { confirmed: number }).confirmed;
    // Stopping writes what was gathered; what was acknowledged must be there when the folder is reopened.
    await server.stop();
    const { signCheck, confirmCheck } = await withEmbedded(dir, async (query) => ({
      signCheck: await checkSignatures(query, petition.id, runId, sign),
      confirmCheck: await checkConfirmations(query, confirmPetition.id, pending.ids, confirm),
    }));
    checks.pglite_sign = signCheck;
    checks.pglite_confirm = { ...confirmCheck, endpoint_at_rest: shown, exact_at_rest: shown === confirmCheck.counted };
    entry("pglite: sign (hot path)", sign, { ...ratios(sign.ratePerS), lost: signCheck.lost, double_counted: 0 });
    entry("pglite: confirm", confirm, { ...ratios(confirm.ratePerS), lost: confirmCheck.lost, double_counted: confirmCheck.double_counted });
    entry("pglite: count endpoint", count, ratios(count.ratePerS));
    log(`pglite: sign ${Math.round(sign.ratePerS)}/s (accepted ${signCheck.accepted_signers} = stored ${signCheck.stored_signatures} after the restart), confirm ${Math.round(confirm.ratePerS)}/s, count ${Math.round(count.ratePerS)}/s; counted ${confirmCheck.counted} = confirmed ${confirmCheck.confirmed_rows}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Migrates and seeds an embedded database folder, as the server would on its first start. */
async function prepareEmbedded(dir: string) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const schema = await import("@/db/schema");
  const { MIGRATIONS_FOLDER } = await import("@/db/migrate");
  const { seedBaseData } = await import("@/db/seed");
  const pglite = new PGlite(path.join(dir, "pglite"), { extensions: { pg_trgm } });
  try {
    const db = drizzle(pglite, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    await seedBaseData(db as never);
  } finally {
    await pglite.close();
  }
}

function targets() {
  const find = (name: string) => entries.find((e) => e.name === name);
  const sign = find("birge: sign (hot path)");
  const confirm = find("birge: confirm");
  const count = find("birge: count endpoint");
  const staleness = checks.birge_count_staleness as { max_lag_ms: number; at_rest: { exact: boolean } } | undefined;
  type SignCheck = Awaited<ReturnType<typeof checkSignatures>>;
  const signCheck = checks.birge_sign as SignCheck | undefined;
  const crowdCheck = checks.birge_sign_crowd as SignCheck | undefined;
  const confirmCheck = checks.birge_confirm as { lost: number; double_counted: number } | undefined;
  return {
    "sign ≥ 15× naive": verdict(sign && (sign.ratio_to_naive ?? 0) >= 15),
    [`sign ≥ 30% of bare node:http (${CONNECTIONS} connections each)`]: verdict(sign && (sign.ratio_to_baseline ?? 0) >= 0.3),
    "sign p99 ≤ 50 ms": verdict(sign && (sign.p99_ms ?? Infinity) <= 50),
    "confirm ≥ half the sign rate": verdict(sign && confirm && confirm.rate_per_s >= sign.rate_per_s / 2),
    "confirm p99 ≤ 50 ms": verdict(confirm && (confirm.p99_ms ?? Infinity) <= 50),
    "count ≤ 1 s behind, exact at rest": verdict(staleness && staleness.max_lag_ms <= 1000 && staleness.at_rest.exact),
    "count endpoint ≥ 30% of bare node:http": verdict(count && (count.ratio_to_baseline ?? 0) >= 0.3),
    "accepted = stored, each with its mail queued; 0 lost, 0 counted twice": verdict(
      signCheck &&
        crowdCheck &&
        confirmCheck &&
        [signCheck, crowdCheck].every((c) => c.lost === 0 && c.accepted_signers === c.stored_signatures && c.mails_queued === c.accepted_requests) &&
        confirmCheck.lost === 0 &&
        confirmCheck.double_counted === 0,
    ),
  };
}

/**
 * The bigger crowd, beyond the issue's targets (which the bench checks at its standard load of
 * CONNECTIONS for 30 s): how the ratio and the tail look with CROWD_CONNECTIONS. In a closed
 * loop every client waits for its answer, so the mean latency is connections ÷ rate; bare
 * node:http's own p99 with as many connections is printed beside.
 */
function crowdFigures() {
  const crowdSign = entries.find((e) => e.name === `birge: sign, ${CROWD_CONNECTIONS} connections (hot path)`);
  const crowdBare = entries.filter((e) => e.name.startsWith("bare node:http") && e.baseline_connections === CROWD_CONNECTIONS);
  if (!crowdSign) return {};
  return {
    [`sign ≥ 30% of bare node:http (${CROWD_CONNECTIONS} connections each)`]: verdict((crowdSign.ratio_to_baseline ?? 0) >= 0.3),
    [`sign p99 with ${CROWD_CONNECTIONS} connections`]: `${crowdSign.p99_ms} ms (bare node:http's own: ${crowdBare.map((e) => `${e.p99_ms} ms`).join(", ")})`,
  };
}

function printTable() {
  const header = ["scenario", "rate/s", "p50 ms", "p99 ms", "× baseline", "× naive", "lost", "counted twice", "CPU idle %"];
  const rows = entries.map((e) => [
    e.name,
    String(e.rate_per_s),
    String(e.p50_ms ?? "-"),
    String(e.p99_ms ?? "-"),
    e.ratio_to_baseline === null ? "-" : e.ratio_to_baseline.toFixed(3),
    e.ratio_to_naive === null ? "-" : e.ratio_to_naive.toFixed(1),
    e.lost === null ? "-" : String(e.lost),
    e.double_counted === null ? "-" : String(e.double_counted),
    e.cpu_idle_pct === null ? "-" : e.cpu_idle_pct.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ") + " |";
  console.log("\n" + line(header));
  console.log("|" + widths.map((w, i) => (i === 0 ? "-" : "") + "-".repeat(w) + (i === 0 ? "-" : ":")).join("|") + "|");
  for (const row of rows) console.log(line(row));
  const references = Object.entries(baselines).map(([n, b]) => `${n} connections ${b.reference}/s (before ${b.before}, after ${b.after})`);
  if (references.length) console.log(`\n× baseline: against bare node:http with as many connections, the mean of its runs before and after Birge: ${references.join("; ")}`);
  console.log("\nchecks:", JSON.stringify(checks, null, 1).replace(/\n\s*/g, " "));
  console.log("\ntargets:");
  for (const [target, verdict] of Object.entries(targets())) console.log(`  ${verdict.padEnd(7)} ${target}`);
  console.log(`\na bigger crowd (${CROWD_CONNECTIONS} connections; beyond the targets, which are checked at ${CONNECTIONS} for the full time):`);
  for (const [figure, value] of Object.entries(crowdFigures())) console.log(`  ${figure}: ${value}`);
  console.log("");
}

main()
  .catch((error) => {
    console.error("[bench] failed:", error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const server of servers) await server.stop().catch(() => {});
    process.exit(process.exitCode ?? 0);
  });
