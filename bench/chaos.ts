// `npm run chaos` — faults under load. A crowd signs, confirms and watches the count of
// petitions on Postgres through a production server (the bench's build and server start,
// bench/support.ts) while, one after another:
//   postgres-restart   Postgres restarts (pg_ctl restart -m fast)
//   server-kill        the server is killed with SIGKILL and started again
//   connections-cut    the app's Postgres connections are cut (pg_terminate_backend, three times)
//   read-only          the database refuses writes for a few seconds, as when its disk is full
//                      (ALTER SYSTEM SET default_transaction_read_only = on, then off)
// Postgres is a private cluster made for the run from this machine's binaries (initdb, pg_ctl)
// in a temporary folder on its own port, removed at the end: its restarts disturb no one.
//
// Per fault it reports what was accepted and stored, lost, counted twice, refused (and whether
// each refusal was a 503 with Retry-After), false successes, and the seconds until service
// returned once the fault ended; prints a table, writes bench/results/chaos.json, and exits
// non-zero when a target is missed. Only 127.0.0.1 is contacted; every load is bounded in
// time and in requests.
//
//   npm run chaos                 (CHAOS_PORT, CHAOS_PG_PORT to move its ports;
//                                  CHAOS_FAULTS=server-kill,read-only for only those)
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import postgres from "postgres";
import { BENCH_DIST_DIR, createPetition, ensureBenchBuild, machine, ROOT, SERVER_NODE_FLAGS, sleep, startServer, type Query, type RunningServer } from "./support";

const PORT = Number(process.env.CHAOS_PORT || 3904);
const PG_PORT = Number(process.env.CHAOS_PG_PORT || 3905);
const DB = "birge_chaos";
/** The crowd: connections signing, confirming and polling the count; a short pause after each answer. */
const CROWD = { sign: 12, confirm: 6, count: 2, paceMs: 2 };
/** Seconds of load before each fault, and after it has ended. */
const BEFORE_S = 3;
const AFTER_S = 8;
/** The targets of issue 17. */
const TARGET_BACK_WITHIN_S = 5;

const started = Date.now();
const loadAtStart = os.loadavg().map((n) => Number(n.toFixed(2)));
const log = (line: string) => console.log(`[chaos ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);


// ————————————————————————————————— the private Postgres cluster

const PG_BIN = (() => {
  const versions = spawnSync("ls", ["/usr/lib/postgresql"], { encoding: "utf8" }).stdout.split(/\s+/).filter(Boolean).sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error("no PostgreSQL binaries under /usr/lib/postgresql");
  return `/usr/lib/postgresql/${versions[0]}/bin`;
})();

/** initdb and pg_ctl refuse to run as root: as root they run as the postgres user, which owns the folder. */
function asOwner(command: string, args: string[]) {
  const runAs = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", path.join(PG_BIN, command), ...args]] as const : [path.join(PG_BIN, command), args] as const;
  const result = spawnSync(runAs[0], [...runAs[1]], { encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

function createCluster() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "birge-chaos-pg-"));
  chmodSync(dir, 0o700);
  if (process.getuid?.() === 0) {
    const ids = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    chownSync(dir, Number(ids.stdout), Number(gid.stdout));
  }
  const data = path.join(dir, "data");
  asOwner("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${PG_PORT} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=64MB`;
  const ctl = (...args: string[]) => asOwner("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-t", "60", ...args]);
  try {
    ctl("-o", options, "start");
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    restart: () => ctl("-o", options, "-m", "fast", "restart"),
    stop: () => {
      try {
        ctl("-m", "fast", "stop");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

// ————————————————————————————————— data

async function prepareDatabase(adminUrl: string, url: string) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${DB}`);
  await admin.end();
  process.env.DATABASE_URL = url;
  const { runMigrations } = await import("@/db/migrate");
  const { seedBaseData } = await import("@/db/seed");
  const { closeDb } = await import("@/db/client");
  await runMigrations();
  await seedBaseData();
  await closeDb();
}

const createChaosPetition = (query: Query, title: string) =>
  createPetition(query, title, "A chaos petition: faults while a crowd signs must lose nothing and count nothing twice.");

/** Pending signatures for the confirmers, with the token each e-mailed link carries. */
async function pendingSignatures(query: Query, petitionId: string, region: string, count: number) {
  const { signatureToken } = await import("@/lib/petitions/tokens");
  const rows = await query(
    `insert into signatures (petition_id, full_name, email, email_normalized, email_domain, region_code, state, locale)
     select $1, 'Pending Signer ' || g, 'pending' || g || '@chaos.example', 'pending' || g || '-' || $1 || '@chaos.example', 'chaos.example', $2, 'pending', 'kk'
     from generate_series(1, $3::int) g returning id`,
    [petitionId, region, count],
  );
  const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  return { ids, tokens: ids.map((id) => signatureToken(id, "confirm")) };
}

// ————————————————————————————————— the crowd

/** [kind, item, sentAt, doneAt, status (0: no answer), retryAfter (0/1), said] */
type RequestRecord = [number, number, number, number, number, number, number];
const KIND = { sign: 0, confirm: 1, count: 2 } as const;

function startCrowd(options: { sign: { path: string; runId: string; regions: string[]; ipSalt: number }; confirm: { ids: number[]; tokens: string[] }; countPath: string }) {
  const worker = new Worker(path.join(ROOT, "bench", "chaos-crowd.mjs"), {
    workerData: {
      port: PORT,
      maxMs: 120_000,
      maxRequests: 400_000,
      paceMs: CROWD.paceMs,
      sign: { connections: CROWD.sign, ...options.sign },
      confirm: { connections: CROWD.confirm, ...options.confirm },
      count: { connections: CROWD.count, path: options.countPath },
    },
  });
  const finished = new Promise<{ records: RequestRecord[] }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  return {
    async stop() {
      worker.postMessage("stop");
      const timer = setTimeout(() => void worker.terminate(), 30_000);
      try {
        return await finished;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

// ————————————————————————————————— the faults

interface Fault {
  name: string;
  what: string;
  /** Injects the fault; resolves once it has ended (Postgres takes connections again, the server is started again…). */
  inject(): Promise<{ detail?: Record<string, unknown> }>;
}

// ————————————————————————————————— the verdict

interface FaultReport {
  fault: string;
  what: string;
  fault_seconds: number;
  requests: number;
  accepted: { signatures: number; confirmations: number };
  stored: { signatures: number; confirmations: number };
  lost: number;
  counted_twice: number;
  /** Answers other than success: how many, and how many of them were 503 with Retry-After. */
  refused: number;
  refused_with_retry_after: number;
  refused_otherwise: Record<string, number>;
  /** Requests without any answer (connection refused or cut while the server or its database was away). */
  no_answer: number;
  /** Success answers whose effect is not in the database. */
  false_successes: number;
  /** Signatures stored whose answer never arrived (the client tried again and was told "check your e-mail"). */
  stored_without_answer: number;
  /** Seconds from the end of the fault to the first success of each kind sent after it; the service's is the slowest. */
  back_after_s: { sign: number | null; confirm: number | null; count: number | null; service: number | null };
  detail?: Record<string, unknown>;
  /** Times the server stopped by itself (seconds after the fault began); the supervisor started it again. */
  server_crashes: number[];
  targets: Record<string, boolean>;
}

async function analyse(options: {
  query: Query;
  fault: Fault;
  faultStart: number;
  faultEnd: number;
  records: RequestRecord[];
  signPetition: { id: string };
  confirmPetition: { id: string };
  runId: string;
  confirmIds: number[];
  detail?: Record<string, unknown>;
}): Promise<FaultReport> {
  const { query, records, faultEnd } = options;
  // Signers: acknowledged (any 202), and the rows stored.
  const accepted = new Set<number>();
  const confirmedBy = new Map<number, number>(); // signature index → "confirmed" answers
  const confirmAcknowledged = new Set<number>();
  let refused = 0;
  let refusedWithRetry = 0;
  const refusedOtherwise: Record<string, number> = {};
  let noAnswer = 0;
  const firstBack: Record<number, number | null> = { 0: null, 1: null, 2: null };
  for (const [kind, item, sentAt, doneAt, status, retryAfter, said] of records) {
    if (status === 0) noAnswer++;
    const success = (kind === KIND.sign && status === 202) || (kind !== KIND.sign && status === 200 && said > 0);
    if (status !== 0 && !success) {
      refused++;
      if (status === 503 && retryAfter) refusedWithRetry++;
      else refusedOtherwise[String(status)] = (refusedOtherwise[String(status)] ?? 0) + 1;
    }
    if (success && sentAt >= faultEnd && (firstBack[kind] === null || doneAt - faultEnd < firstBack[kind]!)) firstBack[kind] = doneAt - faultEnd;
    if (!success) continue;
    if (kind === KIND.sign) accepted.add(item);
    if (kind === KIND.confirm) {
      confirmAcknowledged.add(item);
      if (said === 2) confirmedBy.set(item, (confirmedBy.get(item) ?? 0) + 1);
    }
  }

  const signRows = await query(`select email_normalized, count(*)::int as n from signatures where petition_id = $1 group by email_normalized`, [options.signPetition.id]);
  const stored = new Map<number, number>();
  for (const row of signRows) {
    const i = Number(/-(\d+)@/.exec(String(row.email_normalized))?.[1] ?? -1);
    if (i >= 0) stored.set(i, Number(row.n));
  }
  let signLost = 0;
  let signTwice = 0;
  for (const i of accepted) if (!stored.has(i)) signLost++;
  for (const n of stored.values()) if (n > 1) signTwice += n - 1;
  const storedWithoutAnswer = [...stored.keys()].filter((i) => !accepted.has(i)).length;
  const signFalse = records.filter(([kind, item, , , status]) => kind === KIND.sign && status === 202 && !stored.has(item)).length;

  const confirmedRows = await query(`select id from signatures where petition_id = $1 and state = 'confirmed'`, [options.confirmPetition.id]);
  const confirmedIds = new Set(confirmedRows.map((r) => Number(r.id)));
  const [shards] = await query(`select coalesce(sum(confirmed), 0)::int as counted from petition_count_shards where petition_id = $1`, [options.confirmPetition.id]);
  let confirmLost = 0;
  for (const k of confirmAcknowledged) if (!confirmedIds.has(options.confirmIds[k])) confirmLost++;
  const confirmFalse = records.filter(([kind, item, , , status, , said]) => kind === KIND.confirm && status === 200 && said > 0 && !confirmedIds.has(options.confirmIds[item])).length;
  // Counted twice: the count above the confirmed rows, or two "confirmed" answers for one signature.
  const confirmTwice = Math.max(0, Number(shards.counted) - confirmedIds.size) + [...confirmedBy.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const countShortfall = Math.max(0, confirmedIds.size - Number(shards.counted));

  const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
  const back = { sign: seconds(firstBack[0]), confirm: seconds(firstBack[1]), count: seconds(firstBack[2]) };
  const service = Object.values(back).some((s) => s === null) ? null : Math.max(...(Object.values(back) as number[]));
  const report: FaultReport = {
    fault: options.fault.name,
    what: options.fault.what,
    fault_seconds: Math.round((options.faultEnd - options.faultStart) / 100) / 10,
    requests: records.length,
    accepted: { signatures: accepted.size, confirmations: confirmAcknowledged.size },
    stored: { signatures: stored.size, confirmations: confirmedIds.size },
    lost: signLost + confirmLost + countShortfall,
    counted_twice: signTwice + confirmTwice,
    refused,
    refused_with_retry_after: refusedWithRetry,
    refused_otherwise: refusedOtherwise,
    no_answer: noAnswer,
    false_successes: signFalse + confirmFalse,
    stored_without_answer: storedWithoutAnswer,
    back_after_s: { ...back, service },
    detail: options.detail,
    server_crashes: [],
    targets: {},
  };
  report.targets = {
    "0 lost": report.lost === 0,
    "0 counted twice": report.counted_twice === 0,
    [`service back within ${TARGET_BACK_WITHIN_S} s of the fault ending`]: service !== null && service <= TARGET_BACK_WITHIN_S,
    "every refusal a 503 with Retry-After": refused === refusedWithRetry,
    "no false success": report.false_successes === 0,
  };
  return report;
}

// ————————————————————————————————— the run

async function main() {
  process.env.AUTH_SECRET ||= `chaos-${randomBytes(24).toString("base64url")}`;
  log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);
  ensureBenchBuild(log);
  const cluster = createCluster();
  let server: RunningServer | null = null;
  let stopped = false;
  let sql: postgres.Sql | null = null;
  const reports: FaultReport[] = [];
  try {
    const adminUrl = `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`;
    const url = `postgres://postgres@127.0.0.1:${PG_PORT}/${DB}`;
    await prepareDatabase(adminUrl, url);
    // Its own setting (a startup parameter) outranks the server's: it writes through the read-only fault.
    sql = postgres(url, { max: 2, onnotice: () => {}, connection: { application_name: "chaos-observer", default_transaction_read_only: false } });
    const db = sql;
    // The observer reconnects after a restart (postgres.js opens a new connection on the next query).
    const query: Query = async (text, params = []) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return (await db.unsafe(text, params as never[])) as unknown as Record<string, unknown>[];
        } catch (error) {
          if (attempt >= 20) throw error;
          await sleep(250);
        }
      }
    };
    const [{ version }] = await query(`select current_setting('server_version') as version`);
    const regions = (await query(`select code from regions order by code`)).map((r) => String(r.code));
    log(`private PostgreSQL ${version} on port ${PG_PORT} (${cluster.dir}); starting the server on ${PORT}`);

    const serverOptions = {
      name: "chaos",
      port: PORT,
      args: [...SERVER_NODE_FLAGS, "--import", "tsx", "server.ts"],
      env: {
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        BIRGE_NEXT_DIST_DIR: BENCH_DIST_DIR,
        BIRGE_SEED: "off",
        BIRGE_TRUST_PROXY: "1",
        // One render worker: the crowd uses the hot path and /api/health only; the machine is small.
        BIRGE_RENDER_WORKERS: "1",
        AUTH_TRUST_HOST: "true",
        AUTH_SECRET: process.env.AUTH_SECRET,
        AUTH_URL: `http://127.0.0.1:${PORT}`,
        DATABASE_URL: url,
      },
      readyPath: "/api/health",
    };
    // A supervisor, as systemd or a container runtime would be: a server that stops by itself
    // (not killed by the server-kill fault) is started again, and the crash is reported.
    const crashes: Array<{ at: number; fault: string }> = [];
    let currentFault = "start";
    let intentionalKill = false;
    let restarting: Promise<RunningServer> | null = null;
    const supervise = (running: RunningServer) => {
      running.child.once("exit", () => {
        if (intentionalKill || stopped) return;
        crashes.push({ at: Date.now(), fault: currentFault });
        log(`${currentFault}: the server stopped by itself (see ${running.logFile}); the supervisor starts it again`);
        restarting = startServer({ ...serverOptions, name: `chaos-after-crash-${crashes.length}` }).then((next) => {
          server = next;
          supervise(next);
          restarting = null;
          return next;
        });
      });
      return running;
    };
    server = supervise(await startServer(serverOptions));

    const appBackends = `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = '${DB}' and application_name like 'birge%'`;
    const faults: Fault[] = [
      {
        name: "postgres-restart",
        what: "Postgres restarts (pg_ctl restart -m fast)",
        async inject() {
          cluster.restart();
          return {};
        },
      },
      {
        name: "server-kill",
        what: "the server's process group is killed with SIGKILL and started again at once",
        async inject() {
          intentionalKill = true;
          process.kill(-server!.child.pid!, "SIGKILL");
          await sleep(200);
          const spawnedAt = Date.now();
          // The fault ends when the supervisor has started the server again: the time it takes
          // to answer is the service's to recover, and counts against the target.
          const restarted = startServer({ ...serverOptions, name: "chaos-restarted" });
          return { detail: { spawnedAt }, restarted } as never;
        },
      },
      {
        name: "connections-cut",
        what: "every Postgres connection of the app is cut (pg_terminate_backend), three times 0.5 s apart",
        async inject() {
          const cut: number[] = [];
          for (let i = 0; i < 3; i++) {
            if (i) await sleep(500);
            cut.push(Number((await query(appBackends))[0].n));
          }
          return { detail: { connections_cut: cut } };
        },
      },
      {
        name: "read-only",
        what: "the database refuses every write for 3 s (default_transaction_read_only = on), as when its disk is full",
        async inject() {
          await query(`alter system set default_transaction_read_only = on`);
          await query(`select pg_reload_conf()`);
          await sleep(3_000);
          await query(`alter system reset default_transaction_read_only`);
          await query(`select pg_reload_conf()`);
          return {};
        },
      },
    ];

    // CHAOS_FAULTS=server-kill,read-only runs only those.
    const chosen = process.env.CHAOS_FAULTS?.split(",").map((name) => name.trim());
    for (const [index, fault] of faults.entries()) {
      if (chosen && !chosen.includes(fault.name)) continue;
      currentFault = fault.name;
      const crashesBefore = crashes.length;
      const signPetition = await createChaosPetition(query, `chaos ${fault.name}: signing`);
      const confirmPetition = await createChaosPetition(query, `chaos ${fault.name}: confirming`);
      const pending = await pendingSignatures(query, confirmPetition.id, regions[0], 20_000);
      const runId = `chaos${index}${Date.now().toString(36)}`;
      log(`${fault.name}: the crowd signs petition ${signPetition.number} and confirms on ${confirmPetition.number} for ${BEFORE_S} s, then: ${fault.what}`);
      const crowd = startCrowd({
        sign: { path: `/api/v1/petitions/${signPetition.number}/signatures`, runId, regions, ipSalt: index + 1 },
        confirm: pending,
        countPath: `/api/v1/petitions/${confirmPetition.number}/count`,
      });
      await sleep(BEFORE_S * 1000);
      const faultStart = Date.now();
      const injected = (await fault.inject()) as { detail?: Record<string, unknown>; restarted?: Promise<RunningServer> };
      const faultEnd = Date.now();
      let detail = injected.detail;
      if (injected.restarted) {
        server = supervise(await injected.restarted);
        intentionalKill = false;
        detail = { ...detail, server_ready_after_s: Math.round((Date.now() - faultEnd) / 100) / 10 };
      }
      log(`${fault.name}: fault over after ${((faultEnd - faultStart) / 1000).toFixed(1)} s; the crowd goes on for ${AFTER_S} s`);
      await sleep(Math.max(0, faultEnd + AFTER_S * 1000 - Date.now()));
      const { records } = await crowd.stop();
      // A server that crashed in this phase is back before the next one starts.
      if (restarting) await restarting;
      // Batches under way when the crowd stopped have been answered; give the counts a moment.
      await sleep(500);
      const report = await analyse({ query, fault, faultStart, faultEnd, records, signPetition, confirmPetition, runId, confirmIds: pending.ids, detail });
      report.server_crashes = crashes.slice(crashesBefore).map((c) => Math.round((c.at - faultStart) / 100) / 10);
      report.targets["the server never stops by itself"] = report.server_crashes.length === 0;
      reports.push(report);
      log(`${fault.name}: ${report.requests} requests; accepted ${report.accepted.signatures} signatures, ${report.accepted.confirmations} confirmations; lost ${report.lost}; counted twice ${report.counted_twice}; refused ${report.refused} (${report.refused_with_retry_after} with 503 + Retry-After); no answer ${report.no_answer}; back after ${report.back_after_s.service} s`);
      if (index < faults.length - 1) await sleep(1_000);
    }

    const result = {
      date: new Date().toISOString(),
      command: "npm run chaos",
      machine: { ...machine(), loadAverageAtStart: loadAtStart, postgres: String(version), loadAverageAtEnd: os.loadavg().map((n) => Number(n.toFixed(2))) },
      crowd: { ...CROWD, before_s: BEFORE_S, after_s: AFTER_S },
      faults: reports,
      met: reports.every((r) => Object.values(r.targets).every(Boolean)),
    };
    mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
    writeFileSync(path.join(ROOT, "bench", "results", "chaos.json"), JSON.stringify(result, null, 2) + "\n");
    printTable(reports);
    log("written bench/results/chaos.json");
    if (!result.met) process.exitCode = 1;
  } finally {
    stopped = true;
    await server?.stop().catch(() => {});
    await sql?.end({ timeout: 5 }).catch(() => {});
    cluster.stop();
  }
}

function printTable(reports: FaultReport[]) {
  const header = ["fault", "accepted sign/confirm", "stored", "lost", "counted twice", "refused (503+RA)", "no answer", "false successes", "back after s", "server crashes"];
  const rows = reports.map((r) => [
    r.fault,
    `${r.accepted.signatures}/${r.accepted.confirmations}`,
    `${r.stored.signatures}/${r.stored.confirmations}`,
    String(r.lost),
    String(r.counted_twice),
    `${r.refused} (${r.refused_with_retry_after})`,
    String(r.no_answer),
    String(r.false_successes),
    String(r.back_after_s.service ?? "never"),
    String(r.server_crashes.length),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ") + " |";
  console.log("\n" + line(header));
  console.log("|" + widths.map((w, i) => "-".repeat(w + 1) + (i === 0 ? "-" : ":")).join("|") + "|");
  for (const row of rows) console.log(line(row));
  console.log("\ntargets:");
  for (const r of reports) {
    const missed = Object.entries(r.targets).filter(([, ok]) => !ok).map(([name]) => name);
    console.log(`  ${missed.length ? "NOT met" : "met    "} ${r.fault}${missed.length ? `: ${missed.join("; ")}` : ""}${Object.keys(r.refused_otherwise).length ? ` (other refusals: ${JSON.stringify(r.refused_otherwise)})` : ""}`);
  }
  console.log("");
}

main()
  .catch((error) => {
    console.error("[chaos] failed:", error);
    process.exitCode = 1;
  })
  .finally(() => process.exit(process.exitCode ?? 0));
