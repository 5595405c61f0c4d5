import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// An operator runs `npm start | tee birge.log`, and tee dies. The server goes on answering;
// when it is stopped, its "stopping" line has nowhere to go. Before, each failed write became
// an uncaught exception that Next's handler logged with console.error — another failed write —
// and the server spun at 100% CPU and never finished stopping (found in session 5, when a
// benchmark's scratch server outlived the script that read its output).
// The child (tests/support/server-output-child.ts) has Next's real process handlers and
// Birge's, and exits with the number of uncaught exceptions it saw.

/**
 * Starts the child, closes the reading end of its output (as a log reader that went away
 * would), sends SIGTERM, and tells its exit code — or "still running" after 10 s.
 */
async function stopWithLostLogReader(env: Record<string, string> = {}): Promise<number | null | "still running"> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("tests", "support", "server-output-child.ts")], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`exited early with ${code}`)));
  });
  child.stdout!.destroy();
  child.stderr!.destroy();
  child.kill("SIGTERM");
  const outcome = await Promise.race([exited, new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 10_000))]);
  if (outcome === "still running") child.kill("SIGKILL");
  return outcome;
}

describe("an operator whose log reader died stops the server", () => {
  it("stops at SIGTERM, with no uncaught exception, although its last lines have nowhere to go", async () => {
    expect(await stopWithLostLogReader()).toBe(0);
  });

  it("(the check itself) without Birge's listener, the same child meets the storm of uncaught exceptions", async () => {
    const outcome = await stopWithLostLogReader({ WITHOUT_BIRGE_HANDLER: "1" });
    expect(outcome === "still running" || (typeof outcome === "number" && outcome > 0)).toBe(true);
  });
});
