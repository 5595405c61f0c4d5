#!/usr/bin/env node
// The entry point behind `npm start`, `npm test` and friends. Plain Node so that it runs
// before anything is built: it prepares the environment (data folder, dev secret) and then
// hands over to Next, tsx, vitest or Playwright.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync, readdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
process.chdir(root);
const [command = "start", ...rest] = process.argv.slice(2);

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const dataDir = env.BIRGE_DATA_DIR || path.join(root, ".data");
env.BIRGE_DATA_DIR = dataDir;

function ensureSecret() {
  if (env.AUTH_SECRET) return;
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir.startsWith("memory://") ? path.join(root, ".data") : dataDir, "auth-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

function run(cmd, args, extraEnv = {}) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds unless .next holds a build newer than every source file. */
function buildIfStale() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sources = ["app", "lib", "db", "i18n", "messages", "auth.ts", "next.config.ts", "package-lock.json"]
    .map((p) => path.join(root, p))
    .filter(existsSync)
    .map((p) => (statSync(p).isDirectory() ? newestSourceTime(p) : statSync(p).mtimeMs));
  if (!env.BIRGE_FORCE_BUILD && existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources)) return;
  run("npx", ["next", "build"], { NODE_ENV: "production" });
}

const tsx = ["npx", "tsx"];
/**
 * The server's Node options (scripts/server-node-flags.json, which the bench starts its servers
 * with too): a young generation of up to 32 MB instead of V8's default, so that the many
 * short-lived objects of thousands of requests a second are collected less often (the signing
 * path's CPU per request −10%, BENCHMARKS.md session 4).
 */
const serverNodeFlags = JSON.parse(readFileSync(path.join(root, "scripts", "server-node-flags.json"), "utf8"));
const serverEnv = (nodeEnv) => ({ NODE_ENV: nodeEnv, NODE_OPTIONS: [env.NODE_OPTIONS, ...serverNodeFlags].filter(Boolean).join(" ") });

switch (command) {
  case "start":
    ensureSecret();
    buildIfStale();
    run(tsx[0], [...tsx.slice(1), "server.ts", ...rest], serverEnv("production"));
    break;
  case "serve":
    ensureSecret();
    run(tsx[0], [...tsx.slice(1), "server.ts", ...rest], serverEnv("production"));
    break;
  case "dev":
    ensureSecret();
    run(tsx[0], [...tsx.slice(1), "server.ts", "--dev", ...rest], serverEnv("development"));
    break;
  case "migrate":
    run(tsx[0], [...tsx.slice(1), "scripts/db.ts", "migrate"]);
    break;
  case "seed":
    run(tsx[0], [...tsx.slice(1), "scripts/db.ts", "seed"]);
    break;
  case "test": {
    ensureSecret();
    run(tsx[0], [...tsx.slice(1), "scripts/test.ts", ...rest]);
    break;
  }
  case "test-hostile":
    ensureSecret();
    run(tsx[0], [...tsx.slice(1), "scripts/test-hostile.ts", ...rest]);
    break;
  case "bench":
    run(tsx[0], [...tsx.slice(1), "bench/run.ts", ...rest]);
    break;
  case "chaos":
    run(tsx[0], [...tsx.slice(1), "bench/chaos.ts", ...rest]);
    break;
  default:
    console.error(`unknown command: ${command}`);
    process.exit(2);
}
