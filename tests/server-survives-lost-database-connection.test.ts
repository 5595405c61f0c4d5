import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// An administrator cuts the app's Postgres connections (pg_terminate_backend) twice in a row,
// or Postgres restarts while the pool reconnects: a new connection is cut while postgres.js
// reads the array types, and the driver drops that error as an unhandled rejection. Before,
// Node stopped server.ts on it — the hot path and every request with it (`npm run chaos`,
// connections-cut). The child (tests/support/lost-database-child.ts) meets that rejection.

async function runChild(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("tests", "support", "lost-database-child.ts")], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
  return { code, output };
}

describe("the server when the driver drops a lost connection's error", () => {
  it("keeps serving and logs one line when the rejection says the database connection was lost", async () => {
    const { code, output } = await runChild({});
    expect(code).toBe(0);
    expect(output).toContain("still serving");
    expect(output).toContain("a database connection was lost outside any request");
  });

  it("still stops on any other unhandled rejection, as Node would (a programming error is not hidden)", async () => {
    const { code, output } = await runChild({ CHILD_REJECTION: "bug" });
    expect(code).not.toBe(0);
    expect(output).not.toContain("still serving");
  });

  it("(the check itself) without Birge's guard, the lost connection's rejection stops the process", async () => {
    const { code, output } = await runChild({ WITHOUT_BIRGE_HANDLER: "1" });
    expect(code).not.toBe(0);
    expect(output).not.toContain("still serving");
  });
});
