// Helpers of `npm run bench`: building Next once into its own folder, starting and stopping
// the servers as child processes (each in its own process group), running the load
// generator in a worker thread, and describing the machine.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { createWriteStream, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import serverNodeFlags from "../scripts/server-node-flags.json";

export const ROOT = process.cwd();
/** Its own build folder, ignored by git and by tsc (a dot folder), never cleaned by a `next build` of .next. */
export const BENCH_DIST_DIR = path.join(".data-bench", "next");
export const NAIVE_ROUTE = "/api/bench/naive-sign";
/** The Node options `npm start` gives the server (scripts/run.mjs): the bench measures the same process. */
export const SERVER_NODE_FLAGS: string[] = serverNodeFlags;

/** `--profile`: the Birge servers also write V8 CPU profiles into .data-bench/profiles (open them in Chrome DevTools). */
export function profileFlags(args: readonly string[]): string[] {
  return args.includes("--profile") ? ["--cpu-prof", `--cpu-prof-dir=${path.join(process.cwd(), ".data-bench", "profiles")}`] : [];
}

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds Next into .data-bench/next unless a build there is newer than every source: the bench
 * never rebuilds the .next that other work (e2e, `npm start`) serves from. `next build`
 * rewrites tsconfig.json and next-env.d.ts to point at its output folder; they are put back.
 */
export function ensureBenchBuild(log: (line: string) => void): void {
  const buildId = path.join(ROOT, BENCH_DIST_DIR, "BUILD_ID");
  const sources = ["app", "lib", "db", "i18n", "messages", "auth.ts", "next.config.ts", "package-lock.json"]
    .map((p) => path.join(ROOT, p))
    .filter((p) => existsSync(p))
    .map((p) => (statSync(p).isDirectory() ? newestSourceTime(p) : statSync(p).mtimeMs));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources)) return;
  if (existsSync(buildId) && (process.argv.includes("--no-build") || process.env.BENCH_NO_BUILD === "1")) {
    log(`using the existing build in ${BENCH_DIST_DIR} although sources changed since (--no-build); the hot path itself runs from source`);
    return;
  }
  log(`building Next into ${BENCH_DIST_DIR} (sources changed since the last bench build; takes a few minutes)…`);
  const kept = ["tsconfig.json", "next-env.d.ts"].map((file) => [file, existsSync(file) ? readFileSync(file, "utf8") : null] as const);
  const result = spawnSync("npx", ["next", "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", BIRGE_NEXT_DIST_DIR: BENCH_DIST_DIR },
    timeout: 15 * 60_000,
  });
  for (const [file, content] of kept) if (content !== null) writeFileSync(file, content);
  if (result.status !== 0) throw new Error("next build failed");
}

export interface RunningServer {
  name: string;
  port: number;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/** Starts a server in its own process group and waits until `readyPath` answers 200. */
export async function startServer(options: {
  name: string;
  port: number;
  args: string[];
  env: Record<string, string | undefined>;
  readyPath: string;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const logFile = path.join(os.tmpdir(), `birge-bench-${options.name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, options.args, {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, ...options.env, PORT: String(options.port), NEXT_TELEMETRY_DISABLED: "1" } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let exited = false;
  child.on("exit", () => (exited = true));
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (exited) throw new Error(`${options.name} exited while starting; see ${logFile}`);
    if (Date.now() > deadline) {
      killGroup(child, "SIGKILL");
      throw new Error(`${options.name} did not become ready; see ${logFile}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${options.port}${options.readyPath}`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status < 500) break;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  return {
    name: options.name,
    port: options.port,
    child,
    logFile,
    async stop() {
      if (exited) return;
      killGroup(child, "SIGTERM");
      const deadline = Date.now() + 15_000;
      while (!exited && Date.now() < deadline) await sleep(100);
      if (!exited) killGroup(child, "SIGKILL");
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/**
 * Each path many times over, each time with its own query string (which the pages ignore), in
 * a fixed order: requests that the origin's kept pages cannot answer, so they measure renders.
 */
export const distinctAddresses = (paths: string[], tag: string, count = 5_000) =>
  Array.from({ length: count }, (_, i) => {
    const path = paths[i % paths.length];
    return `${path}${path.includes("?") ? "&" : "?"}from=${tag}-${i}`;
  });

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LoadScenario {
  kind: "sign" | "naive" | "confirm" | "get";
  path?: string;
  paths?: string[];
  petitionId?: string;
  regions?: string[];
  runId?: string;
  ipSalt?: number;
  ids?: number[];
  tokens?: string[];
  accept?: string;
  headers?: string;
}

export interface LoadResult {
  completed: number;
  errors: number;
  elapsedMs: number;
  ratePerS: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  statusCounts: Record<string, number>;
  confirmedAnswers: number;
  alreadyConfirmedAnswers: number;
  acknowledged: Uint8Array;
  /** Share of the machine's CPU time left idle during the load (all cores), or null where not measurable. */
  cpuIdlePercent?: number | null;
}

/**
 * The machine's CPU time so far, idle and in all (Linux's /proc/stat, in clock ticks); null
 * elsewhere. Idle includes time waiting for I/O; the total is user, nice, system, idle, iowait,
 * irq, softirq and steal (guest time is already inside user and nice).
 */
function cpuTimes(): { idle: number; total: number } | null {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1, 9).map(Number);
    return { idle: fields[3] + (fields[4] ?? 0), total: fields.reduce((sum, n) => sum + n, 0) };
  } catch {
    return null;
  }
}

/**
 * Runs the load generator in a worker thread: `connections` keep-alive sockets for `durationMs`,
 * at most `maxRequests`. Also tells how much of the machine's CPU sat idle meanwhile: a path
 * that leaves cores idle under a closed-loop load is bound by its latency, not by its CPU.
 */
export async function runLoad(options: { port: number; connections: number; durationMs: number; maxRequests: number; scenario: LoadScenario }): Promise<LoadResult> {
  const before = cpuTimes();
  const result = await runLoadWorker(options);
  const after = cpuTimes();
  const spent = before && after ? after.total - before.total : 0;
  result.cpuIdlePercent = before && after && spent > 0 ? Math.round((1000 * (after.idle - before.idle)) / spent) / 10 : null;
  return result;
}

function runLoadWorker(options: { port: number; connections: number; durationMs: number; maxRequests: number; scenario: LoadScenario }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(ROOT, "bench", "load-generator.mjs"), { workerData: options });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error("load generator did not finish"));
    }, options.durationMs + 60_000);
    worker.once("message", (result: LoadResult) => {
      clearTimeout(timer);
      resolve(result);
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

/** A query on the bench's database: text with $n parameters, rows as plain objects. */
export type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** An open petition to the first national body, with its counter shard, as the load's target. */
export async function createPetition(query: Query, title: string, reasons = "A benchmark petition: a viral petition on one small machine must neither fall over nor miscount."): Promise<{ id: string; number: number }> {
  const id = randomUUID();
  const [row] = await query(
    `insert into petitions (id, creator_id, agency_id, title, request, reasons, state, support_token, response_threshold, response_working_days, opened_at, closes_on)
     values ($1, (select id from users order by created_at limit 1), (select id from agencies where level = 'national_body' order by slug limit 1), $2,
       'Publish the full budget of every akimat as open data, every quarter.',
       $4,
       'open', $3, 50000, 40, now(), (now() + interval '6 months')::date)
     returning number`,
    [id, title, randomBytes(16).toString("hex"), reasons],
  );
  await query(`insert into petition_count_shards (petition_id, shard, confirmed, invalidated) values ($1, 0, 0, 0)`, [id]);
  return { id, number: Number(row.number) };
}
