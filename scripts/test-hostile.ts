// `npm run test:hostile`: hostile input against every public page, route and server action of a
// running production build, on a fresh database (embedded, or DATABASE_URL's server in a
// database of its own, <name>_hostile). For each request it asserts:
//   - no 5xx (a refused request is the client's fault: 4xx, with a JSON or page message);
//   - no hung connection: every request answers within 20 s, and on a connection the server
//     kept open, a follow-up request on that same connection answers too;
//   - every error answer carries the security headers (lib/http/security-headers.ts);
// and over the whole run, no partial row: a checksum of every table before and after is the
// same, except the tables listed in CHANGING_TABLES. Every request that could write is built so
// that it must be refused (no session, another site, or a field no schema may accept).
//
// Routes come from the app/ tree (page.tsx, route.ts and the methods it exports) and actions
// from the build's server reference manifest (.next/server/server-reference-manifest.json),
// with the field names of every form in app/. The build is reused (scripts/run.mjs builds it
// only when stale). PGlite allows one opener, so the checksums are taken with the server
// stopped: start (migrate, seed), stop, checksum, start, attack, stop, checksum.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request, type IncomingHttpHeaders } from "node:http";
import { randomBytes } from "node:crypto";
import path from "node:path";
import postgres from "postgres";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { SECURITY_HEADERS } from "../lib/http/security-headers";

const root = process.cwd();
const port = Number(process.env.HOSTILE_PORT || 3150);
const base = `http://127.0.0.1:${port}`;
const resultsDir = path.join(root, "test-results");
mkdirSync(resultsDir, { recursive: true });
const REQUEST_TIMEOUT_MS = 20_000;
const LANES = 3;

/**
 * Tables a refused request may still change, by design: sessions (the harness adds its own;
 * Auth.js moves a session's expiry when it is used), the rate limits (a refused request is
 * counted: that is what stops the next thousand), and what the job worker changes on its own
 * clock during the attack (the jobs, their recurring schedules, the mail outbox, the scorecards'
 * refresh mark). Every other table must be byte-for-byte the same.
 */
const CHANGING_TABLES = new Set(["sessions", "rate_limit_buckets", "jobs", "job_schedules", "mail_messages", "scorecard_refresh_state"]);

// ---------------------------------------------------------------- the database, directly

type Query = (text: string) => Promise<Record<string, unknown>[]>;

const databaseUrl = (() => {
  if (!process.env.DATABASE_URL) return null;
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${encodeURIComponent(`${decodeURIComponent(url.pathname.slice(1)) || "postgres"}_hostile`)}`;
  return url.toString();
})();
const dataDir = path.join(root, ".data-hostile");

async function freshDatabase() {
  if (databaseUrl) {
    const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const quoted = `"${name.replace(/"/g, '""')}"`;
    await admin.unsafe(`drop database if exists ${quoted} with (force)`);
    await admin.unsafe(`create database ${quoted}`);
    await admin.end();
  } else {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function withDatabase<T>(work: (query: Query) => Promise<T>): Promise<T> {
  if (databaseUrl) {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      return await work(async (text) => [...(await sql.unsafe(text))] as Record<string, unknown>[]);
    } finally {
      await sql.end();
    }
  }
  const pglite = new PGlite(path.join(dataDir, "pglite"), { extensions: { pg_trgm } });
  try {
    return await work(async (text) => (await pglite.query<Record<string, unknown>>(text)).rows);
  } finally {
    await pglite.close();
  }
}

async function checksums(query: Query): Promise<Map<string, string>> {
  const tables = await query("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1");
  const sums = new Map<string, string>();
  for (const { table_name } of tables) {
    const name = String(table_name);
    if (CHANGING_TABLES.has(name)) continue;
    const [row] = await query(`select count(*)::text as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as sum from "${name}" t`);
    sums.set(name, `${row.n}:${row.sum}`);
  }
  return sums;
}

/** Sessions for the demo people (seeded), so that actions are attacked past their sign-in check too. */
const PEOPLE = ["citizen@demo.birge.kz", "ngo.owner@demo.birge.kz", "agency.staff@demo.birge.kz", "moderator@demo.birge.kz", "admin@demo.birge.kz"] as const;
type Person = (typeof PEOPLE)[number];

async function addSessions(query: Query): Promise<Map<Person, string>> {
  const tokens = new Map<Person, string>();
  for (const email of PEOPLE) {
    const [user] = await query(`select id from users where email = '${email}'`);
    if (!user) continue;
    const token = randomBytes(24).toString("hex");
    await query(`insert into sessions (session_token, user_id, expires) values ('${token}', '${user.id}', now() + interval '1 day')`);
    tokens.set(email, token);
  }
  return tokens;
}

/** Real identifiers for the dynamic segments, so that a request reaches past "no such page". */
async function sampleValues(query: Query): Promise<Record<string, string>> {
  const first = async (text: string) => {
    try {
      return String(Object.values((await query(text))[0] ?? { v: "1" })[0]);
    } catch {
      return "1";
    }
  };
  return {
    number: await first("select number from petitions order by number limit 1"),
    activityNumber: await first("select number from activities order by number limit 1"),
    id: await first("select id from signatures order by id limit 1"),
    slug: await first("select slug from agencies order by slug limit 1"),
    organizationSlug: await first("select slug from organizations order by slug limit 1"),
    agencyId: await first("select id from agencies order by slug limit 1"),
    agencySlug: await first("select slug from agencies order by slug limit 1"),
    fileId: await first("select id from files order by created_at limit 1"),
  };
}

// ---------------------------------------------------------------- the server

let server: ChildProcess | null = null;

async function startServer(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), BIRGE_URL: `http://localhost:${port}`, BIRGE_WORKER_INTERVAL_MS: "200" };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else {
    delete env.DATABASE_URL;
    env.BIRGE_DATA_DIR = dataDir;
  }
  const log = createWriteStream(path.join(resultsDir, "hostile-server.log"), { flags: "a" });
  const child = spawn("node", [path.join(root, "scripts/run.mjs"), "start"], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  server = child;
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const started = Date.now();
  while (Date.now() - started < 420_000) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); see test-results/hostile-server.log`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not start within 7 minutes");
}

async function stopServer(): Promise<void> {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGTERM");
  const killed = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 20_000);
  await exited;
  clearTimeout(killed);
  // The render workers and Next's own children are in the same group.
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    /* already gone */
  }
}

// ---------------------------------------------------------------- routes from the app tree

interface Route {
  /** Path segments: a literal, or a dynamic segment's name ("[number]"). */
  segments: string[];
  kind: "page" | "route";
  methods: string[];
}

function routesOf(dir: string, segments: string[] = []): Route[] {
  const routes: Route[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_")) continue;
      const segment = entry.name.startsWith("(") ? [] : [entry.name];
      routes.push(...routesOf(path.join(dir, entry.name), [...segments, ...segment]));
    } else if (entry.name === "page.tsx") {
      routes.push({ segments, kind: "page", methods: ["GET"] });
    } else if (entry.name === "route.ts") {
      const source = readFileSync(path.join(dir, entry.name), "utf8");
      const methods = new Set<string>();
      for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(match[1]);
      for (const match of source.matchAll(/export\s+const\s*\{([^}]*)\}/g)) for (const name of match[1].split(",")) if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name.trim())) methods.add(name.trim());
      routes.push({ segments, kind: "route", methods: [...methods] });
    }
  }
  return routes;
}

/** The sample value of a dynamic segment, by its name and where it is. */
function sampleFor(segment: string, previous: string | undefined, samples: Record<string, string>): string {
  const name = segment.replace(/^\[+\.{0,3}|\]+$/g, "");
  if (name === "nextauth") return "session";
  if (name === "number") return previous === "activities" ? samples.activityNumber : samples.number;
  if (name === "slug") return previous === "organizations" ? samples.organizationSlug : samples.slug;
  if (name === "id") return previous === "files" ? samples.fileId : previous === "agencies" ? samples.agencyId : samples.id;
  if (name === "kind") return "petition";
  if (name === "token") return "not-a-token";
  return samples[name] ?? "1";
}

function concretePath(segments: string[], samples: Record<string, string>, replace?: { index: number; value: string }): string {
  return "/" + segments.map((segment, index) => (replace?.index === index ? replace.value : segment.startsWith("[") ? sampleFor(segment, segments[index - 1], samples) : segment)).join("/");
}

/** Every field name a form of ours sends: `name="…"` in app/**.tsx and `.get("…")` in the actions. */
function formFieldNames(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const source = readFileSync(full, "utf8");
        for (const match of source.matchAll(/\bname="([A-Za-z][\w.[\]-]*)"/g)) names.add(match[1]);
        for (const match of source.matchAll(/\.(?:get|getAll)\("([A-Za-z][\w.[\]-]*)"\)/g)) names.add(match[1]);
      }
    }
  };
  walk(path.join(root, "app"));
  return [...names].sort();
}

// ---------------------------------------------------------------- the corpus

/** Values no field may accept: each request that carries one must be refused. */
const REFUSED_VALUES: Record<string, string> = {
  // SQL, HTML, an RTL override and emoji, behind a bell, a NUL and a lone surrogate.
  "NUL, control characters, a lone surrogate, SQL, HTML, RTL, emoji": "'; drop table users; -- <script>alert(1)</script><img src=x onerror=alert(1)> \u202egnp.exe 😀👍🏽 \u0007\u001b[31m \u0000 \ud800",
  "200,000 characters": "я".repeat(200_000),
};

/** Path segments no page can resolve. */
const HOSTILE_SEGMENTS = ["%FF", "%E0%A4%A", "%00", "%ED%A0%80", "2147483648", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE%F0%9F%98%80'%20OR%201=1--%3Cscript%3E", "x".repeat(3000)];

/** Query strings of hostile values. */
const HOSTILE_QUERIES = [
  "q=%FF&page=%FF&region=%00",
  "q=%ED%A0%80&region=%E2%80%AE&page=-1",
  `q=${encodeURIComponent("' OR 1=1; drop table users; -- <script>alert(1)</script> 😀")}&page=99999999999999999999`,
  `q=${"a".repeat(5000)}`,
];

const deepJson = "[".repeat(100_000) + "]".repeat(100_000);
/** Over every route's limit but the upload pages'. */
const FORTY_MB = Buffer.alloc(40 * 1024 * 1024, "a");

/** JSON bodies for the API's POST routes. */
function apiBodies(): Array<{ name: string; contentType: string; body: string | Buffer }> {
  const bodies: Array<{ name: string; contentType: string; body: string | Buffer }> = [
    { name: "malformed JSON", contentType: "application/json", body: '{"fullName": "a",' },
    { name: "JSON null", contentType: "application/json", body: "null" },
    { name: "JSON array", contentType: "application/json", body: "[1,2,3]" },
    { name: "deep JSON", contentType: "application/json", body: deepJson },
    { name: "wrong content type", contentType: "text/xml", body: "<a/>" },
    { name: "form-encoded", contentType: "application/x-www-form-urlencoded", body: "fullName=a&email=%00&t=%FF" },
    { name: "binary", contentType: "application/octet-stream", body: randomBytes(4096) },
    { name: "huge numbers", contentType: "application/json", body: JSON.stringify({ region: 1e309, petition: 2147483648, fullName: 1, email: [] }) },
  ];
  for (const [name, value] of Object.entries(REFUSED_VALUES)) {
    // An address no schema accepts goes with every value: the request must be refused.
    bodies.push({ name: `${name} in every field`, contentType: "application/json", body: JSON.stringify({ fullName: value, email: value, region: value, city: value, t: value, supportToken: value, csrfToken: value, callbackUrl: value }) });
  }
  return bodies;
}

// ---------------------------------------------------------------- HTTP with its follow-up

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  error?: string;
}

interface Attack {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** A body may be refused by status 413/411 only (not read): its size is the point. */
  expectRefusal?: boolean;
}

/** One request on `agent` (one socket), with a timeout: a hung connection is an error. */
function send(agent: Agent, attack: Attack): Promise<Answer> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const headers: Record<string, string | number> = { ...attack.headers };
    if (attack.body !== undefined) headers["content-length"] = Buffer.byteLength(attack.body);
    const req = request({ host: "127.0.0.1", port, method: attack.method, path: attack.path, headers, agent });
    const timer = setTimeout(() => {
      req.destroy();
      settle({ status: 0, headers: {}, body: "", error: `no answer within ${REQUEST_TIMEOUT_MS / 1000} s (hung connection)` });
    }, REQUEST_TIMEOUT_MS);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.length < 64 && chunks.push(chunk));
      res.on("end", () => settle({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", (error) => settle({ status: res.statusCode ?? 0, headers: res.headers, body: "", error: error.message }));
    });
    // A server that answers before reading a body it refuses may close while it is being sent.
    req.on("error", (error) => setTimeout(() => settle({ status: 0, headers: {}, body: "", error: `connection failed: ${error.message}` }), 200));
    if (attack.body !== undefined) req.end(attack.body);
    else req.end();
  });
}

const securityHeaderNames = ["content-security-policy", ...SECURITY_HEADERS.filter(({ key }) => key !== "Strict-Transport-Security").map(({ key }) => key.toLowerCase())];

let passed = 0;
let failed = 0;
const failures: string[] = [];

function check(attack: Attack, answer: Answer, followUp: Answer | null): void {
  const problems: string[] = [];
  if (answer.error) problems.push(answer.error);
  else {
    if (answer.status >= 500) problems.push(`answered ${answer.status}: ${answer.body.slice(0, 160).replace(/\s+/g, " ")}`);
    if (attack.expectRefusal && answer.status !== 413 && answer.status !== 411) problems.push(`an oversized body answered ${answer.status}, not 413`);
    if (answer.status >= 400) {
      const missing = securityHeaderNames.filter((name) => answer.headers[name] === undefined);
      if (missing.length) problems.push(`error answer ${answer.status} without ${missing.join(", ")}`);
      if (!answer.body.trim()) problems.push(`error answer ${answer.status} without a message`);
    }
    if (followUp && (followUp.error || followUp.status !== 200)) problems.push(`the follow-up on the same connection failed: ${followUp.error ?? followUp.status}`);
  }
  if (problems.length === 0) passed++;
  else {
    failed++;
    const line = `✗ ${attack.method} ${attack.path.slice(0, 120)} [${attack.name}]: ${problems.join("; ")}`;
    failures.push(line);
    console.log(line);
  }
}

/** The request sent after each attack on the same connection: the live count, answered by server.ts alone. */
let followUpPath = "/api/health";

async function attackOne(attack: Attack): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const answer = await send(agent, attack);
    // Kept open by the server: the next request on the very same socket must be answered.
    let followUp: Answer | null = null;
    if (!answer.error && answer.headers.connection !== "close") followUp = await send(agent, { name: "follow-up", method: "GET", path: followUpPath });
    check(attack, answer, followUp);
  } finally {
    agent.destroy();
  }
}

async function runAll(attacks: Attack[]): Promise<void> {
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      while (next < attacks.length) {
        const attack = attacks[next++];
        await attackOne(attack);
        if (next % 250 === 0) console.log(`  … ${next} of ${attacks.length} requests (${Math.round((Date.now() - started) / 1000)} s)`);
      }
    }),
  );
}

// ---------------------------------------------------------------- building the attacks

interface ServerAction {
  id: string;
  name: string;
  /** The page the action is posted to. */
  path: string;
}

function serverActions(samples: Record<string, string>): ServerAction[] {
  const distDir = process.env.BIRGE_NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(root, distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const page = Object.keys(entry.workers).find((worker) => !worker.includes("_not-found")) ?? "app/page";
    const segments = page.replace(/^app\/?/, "").replace(/\/?page$/, "").split("/").filter(Boolean);
    return { id, name: `${entry.exportedName ?? "action"} (${entry.filename ?? "?"})`, path: concretePath(segments, samples) };
  });
}

/** A multipart body; `fields` may repeat names. A part with a file name is a file. */
function multipart(fields: Array<{ name: string; value: string | Buffer; fileName?: string }>): { contentType: string; body: Buffer } {
  const boundary = `----hostile${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const field of fields) {
    const disposition = `form-data; name="${field.name}"${field.fileName !== undefined ? `; filename="${field.fileName}"` : ""}`;
    const type = field.fileName !== undefined ? "\r\nContent-Type: application/pdf" : "";
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, "utf8"), Buffer.from(field.value), Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

/** Who is most likely to pass an action's permission check, by the page it is on. */
function personFor(actionPath: string): Person {
  if (actionPath.startsWith("/admin")) return "admin@demo.birge.kz";
  if (actionPath.startsWith("/moderation")) return "moderator@demo.birge.kz";
  if (actionPath.startsWith("/agency")) return "agency.staff@demo.birge.kz";
  if (actionPath.startsWith("/activities") || actionPath.startsWith("/organizations")) return "ngo.owner@demo.birge.kz";
  return "citizen@demo.birge.kz";
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

function buildAttacks(samples: Record<string, string>, sessions: Map<Person, string>): Attack[] {
  const attacks: Attack[] = [];
  const sameSite = { origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}` };
  const cookieOf = (person: Person | null): Record<string, string> => (person && sessions.get(person) ? { cookie: `authjs.session-token=${sessions.get(person)}` } : {});

  // Pages and route handlers: sample addresses, hostile segments, hostile queries, hostile headers.
  const routes = routesOf(path.join(root, "app"));
  for (const route of routes) {
    const samplePath = concretePath(route.segments, samples);
    for (const method of route.methods.filter((m) => m === "GET")) {
      attacks.push({ name: "sample address", method, path: samplePath });
      attacks.push({ name: "sample address, signed in", method, path: samplePath, headers: cookieOf("admin@demo.birge.kz") });
      route.segments.forEach((segment, index) => {
        if (!segment.startsWith("[")) return;
        for (const value of HOSTILE_SEGMENTS) attacks.push({ name: `hostile segment ${value.slice(0, 20)}`, method, path: concretePath(route.segments, samples, { index, value }) });
      });
      for (const query of HOSTILE_QUERIES) attacks.push({ name: `hostile query ${query.slice(0, 30)}`, method, path: `${samplePath}?${query}` });
    }
    for (const method of route.methods.filter((m) => m !== "GET")) {
      for (const body of apiBodies()) {
        attacks.push({ name: body.name, method, path: samplePath, headers: { "content-type": body.contentType, ...sameSite }, body: body.body });
      }
      attacks.push({ name: "cross-site", method, path: samplePath, headers: { "content-type": "application/json", origin: "https://evil.example" }, body: "{}" });
      attacks.push({ name: "40 MB body", method, path: samplePath, headers: { "content-type": "application/json" }, body: FORTY_MB, expectRefusal: true });
    }
  }
  // Auth.js's sign-in by e-mail, which the catch-all route's sample address does not reach.
  for (const body of apiBodies()) {
    attacks.push({ name: `sign-in by e-mail: ${body.name}`, method: "POST", path: "/api/auth/signin/email", headers: { "content-type": body.contentType, ...sameSite }, body: body.body });
  }
  // Headers no page can use, on the pages people land on.
  for (const target of ["/", "/petitions", "/sign-in", "/api/v1/petitions", "/api/auth/session"]) {
    attacks.push({ name: "foreign Host, X-Forwarded-Proto: javascript", method: "GET", path: target, headers: { host: "evil.example", "x-forwarded-proto": "javascript" } });
    attacks.push({ name: "X-Forwarded-Host not a host", method: "GET", path: target, headers: { "x-forwarded-host": "evil.example/<x>" } });
  }

  // Server actions: malformed arguments, missing fields, refused values in every field, a file
  // name with control characters, from another site, too large — each as nobody and as the
  // person the action is for.
  const fields = formFieldNames();
  for (const action of serverActions(samples)) {
    for (const person of [null, personFor(action.path)] as const) {
      const who = person ? `as ${person.split("@")[0]}` : "signed out";
      const headers = { "next-action": action.id, ...sameSite, ...cookieOf(person) };
      const fetchAction = (name: string, contentType: string, body: string | Buffer) =>
        attacks.push({ name: `${action.name} ${who}: ${name}`, method: "POST", path: action.path, headers: { ...headers, "content-type": contentType, accept: "text/x-component" }, body });
      fetchAction("not Flight encoding", "text/plain;charset=UTF-8", "garbage{");
      fetchAction("no arguments", "text/plain;charset=UTF-8", "[]");
      if (person) {
        fetchAction("strings for the form", "text/plain;charset=UTF-8", '["x","\\ud800"]');
        fetchAction("an object for the form", "text/plain;charset=UTF-8", '[{"get":1},{"getAll":1}]');
        fetchAction("deep arguments", "text/plain;charset=UTF-8", deepJson);
      }
      const empty = multipart([{ name: "0", value: '["$K1"]' }]);
      fetchAction("a form with no fields", empty.contentType, empty.body);
      const emptyState = multipart([{ name: "0", value: '[{},"$K1"]' }]);
      fetchAction("a form with no fields, after a state", emptyState.contentType, emptyState.body);
      if (person) {
        const missingPart = multipart([{ name: "1_x", value: "y" }]);
        fetchAction("a multipart body without its arguments", missingPart.contentType, missingPart.body);
      }
      for (const [valueName, value] of Object.entries(REFUSED_VALUES)) {
        if (valueName === "200,000 characters" && person === null) continue;
        // The long value in a few fields only: in all of them it would be a 40 MB body.
        const form = (valueName === "200,000 characters" ? fields.slice(0, 3) : fields).map((name) => ({ name: `1_${name}`, value }));
        const body = multipart([{ name: "0", value: '[{},"$K1"]' }, ...form]);
        fetchAction(`${valueName} in every field`, body.contentType, body.body);
        const bare = multipart([{ name: "0", value: '["$K1"]' }, ...form]);
        fetchAction(`${valueName} in every field (form only)`, bare.contentType, bare.body);
      }
      const mixed = Object.values(REFUSED_VALUES)[0];
      // The form as a browser without JavaScript posts it.
      const noScript = multipart([{ name: `$ACTION_ID_${action.id}`, value: "" }, ...fields.map((name) => ({ name, value: mixed }))]);
      attacks.push({ name: `${action.name} ${who}: form post without JavaScript, hostile text in every field`, method: "POST", path: action.path, headers: { ...sameSite, ...cookieOf(person), "content-type": noScript.contentType }, body: noScript.body });
      if (person === null) {
        for (const origin of ["https://evil.example", "null", "ht!tp://::"]) {
          attacks.push({ name: `${action.name}: Origin ${origin}`, method: "POST", path: action.path, headers: { ...headers, origin, "content-type": "text/plain;charset=UTF-8" }, body: "[]" });
        }
        attacks.push({ name: `${action.name}: 40 MB`, method: "POST", path: action.path, headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, body: FORTY_MB, expectRefusal: true });
        continue;
      }
      const noFields = multipart([{ name: `$ACTION_ID_${action.id}`, value: "" }]);
      attacks.push({ name: `${action.name} ${who}: form post without JavaScript, no fields`, method: "POST", path: action.path, headers: { ...sameSite, ...cookieOf(person), "content-type": noFields.contentType }, body: noFields.body });
      const file = multipart([{ name: "0", value: '[{},"$K1"]' }, ...fields.map((name) => ({ name: `1_${name}`, value: mixed })), ...["evidence", "file", "foundingDocument", "attachments"].map((name) => ({ name: `1_${name}`, value: PDF, fileName: "evil\u0001\u001b[31m\u007fname\u202e.pdf" }))]);
      fetchAction("a file name with control characters", file.contentType, file.body);
    }
  }
  // The language switcher's return path with a newline in it.
  const language = serverActions(samples).find((action) => action.name.startsWith("setLocaleAction"));
  if (language) {
    for (const returnTo of ["/petitions\r\nSet-Cookie: x=1", "/\t/evil.example", "/%0d%0aLocation:%20https://evil.example"]) {
      const body = multipart([{ name: `$ACTION_ID_${language.id}`, value: "" }, { name: "locale", value: "en" }, { name: "returnTo", value: returnTo }]);
      attacks.push({ name: `language switcher returnTo ${JSON.stringify(returnTo)}`, method: "POST", path: "/", headers: { ...sameSite, "content-type": body.contentType }, body: body.body });
    }
  }
  return attacks;
}

// ---------------------------------------------------------------- the run

async function main() {
  const started = Date.now();
  console.log(`[hostile] a production server on port ${port}, ${databaseUrl ? "Postgres" : "PGlite"}, fresh data`);
  await freshDatabase();
  await startServer();
  await stopServer();
  const { before, sessions, samples } = await withDatabase(async (query) => ({
    sessions: await addSessions(query),
    samples: await sampleValues(query),
    before: await checksums(query),
  }));
  await startServer();
  followUpPath = `/api/v1/petitions/${samples.number}/count`;
  const attacks = buildAttacks(samples, sessions);
  console.log(`[hostile] ${attacks.length} requests`);
  try {
    await runAll(attacks);
  } finally {
    await stopServer();
  }
  const after = await withDatabase(checksums);
  for (const [table, sum] of before) {
    if (after.get(table) === sum) passed++;
    else {
      failed++;
      const line = `✗ table ${table} changed during the attack (rows:md5 ${sum} → ${after.get(table)})`;
      failures.push(line);
      console.log(line);
    }
  }
  writeFileSync(path.join(resultsDir, "hostile.json"), JSON.stringify({ passed, failed, failures }, null, 2));
  console.log(`[hostile] ${Math.round((Date.now() - started) / 1000)} s; ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

process.on("SIGINT", () => void stopServer().then(() => process.exit(130)));
main().catch(async (error) => {
  console.error("[hostile] failed:", error);
  await stopServer();
  writeFileSync(path.join(resultsDir, "hostile.json"), JSON.stringify({ passed, failed: failed + 1, failures: [...failures, String(error)] }, null, 2));
  process.exit(1);
});

if (!existsSync(path.join(root, "app"))) throw new Error("run from the project folder");
