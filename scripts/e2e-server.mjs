// The server Playwright tests against: a production build on a fresh database, serving mail
// into the dev mailbox. Fresh each run, because the specs rely on the demo data being seeded as
// new: an embedded database in .data-e2e, or — when DATABASE_URL is set — a database of its own
// next to that one (<name>_e2e, dropped and recreated), never the one the integration tests filled.
import { rmSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import postgres from "postgres";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const env = { ...process.env, BIRGE_URL: `http://localhost:${process.env.PORT}` };

if (process.env.DATABASE_URL) {
  const url = new URL(process.env.DATABASE_URL);
  const name = `${decodeURIComponent(url.pathname.slice(1)) || "postgres"}_e2e`;
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  const quoted = `"${name.replace(/"/g, '""')}"`;
  await admin.unsafe(`drop database if exists ${quoted} with (force)`);
  await admin.unsafe(`create database ${quoted}`);
  await admin.end();
  url.pathname = `/${encodeURIComponent(name)}`;
  env.DATABASE_URL = url.toString();
  console.log(`[e2e] fresh database ${name}`);
} else {
  const dataDir = path.join(root, ".data-e2e");
  rmSync(dataDir, { recursive: true, force: true });
  env.BIRGE_DATA_DIR = dataDir;
}

const child = spawn("node", [path.join(root, "scripts/run.mjs"), "start"], { cwd: root, stdio: "inherit", env });
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
