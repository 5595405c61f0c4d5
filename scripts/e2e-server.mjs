// The server Playwright tests against: a production build on a fresh embedded database
// (or on DATABASE_URL when set), serving mail into the dev mailbox.
import { rmSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const dataDir = path.join(root, ".data-e2e");
if (!process.env.DATABASE_URL) rmSync(dataDir, { recursive: true, force: true });
const child = spawn("node", [path.join(root, "scripts/run.mjs"), "start"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, BIRGE_DATA_DIR: dataDir, BIRGE_URL: `http://localhost:${process.env.PORT}` },
});
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
