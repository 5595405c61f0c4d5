import { createHash, randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startRenderWorkers, type RenderWorkers } from "@/lib/server-process/render-workers";

// On Postgres, server.ts hands every page and route to render workers (Next.js in processes
// of their own) and keeps the hot path. These tests run the real pool and proxy of
// lib/server-process/render-workers.ts against workers that are real HTTP servers on the same
// sockets (tests/support/render-worker-child.ts), so no Next build is needed; the e2e suite on
// Postgres runs the real render-worker.ts behind the same code.

const CHILD = path.join(process.cwd(), "tests", "support", "render-worker-child.ts");
const CLIENT_ADDRESS = "203.0.113.9";

let pool: RenderWorkers | null = null;
let front: Server | null = null;
const socketDirs: string[] = [];

afterEach(async () => {
  await new Promise<void>((resolve) => (front ? front.close(() => resolve()) : resolve()));
  front?.closeAllConnections();
  await pool?.stop();
  pool = null;
  front = null;
  for (const dir of socketDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pool behind a front server that does what server.ts does before handing a request over. */
async function serve(count: number, env: Record<string, string> = {}): Promise<{ base: string; pool: RenderWorkers; socketDir: string }> {
  const socketDir = newSocketDir();
  pool = startRenderWorkers({ count, entry: CHILD, execArgv: ["--import", "tsx"], env, socketDir, log: () => {} });
  await pool.ready;
  const workers = pool;
  front = createServer((req, res) => {
    req.headers["x-birge-remote-addr"] = CLIENT_ADDRESS;
    // As the public page cache does before a render.
    if (req.url?.includes("keep")) res.setHeader("Cache-Control", "public, max-age=0, s-maxage=1");
    workers.handle(req, res);
  });
  await new Promise<void>((resolve) => front!.listen(0, "127.0.0.1", () => resolve()));
  return { base: `http://127.0.0.1:${(front!.address() as AddressInfo).port}`, pool: workers, socketDir };
}

function newSocketDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "birge-render-test-"));
  socketDirs.push(dir);
  return dir;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("a visitor's request handed to a render worker", () => {
  it("reaches the worker as sent — method, address, headers, a large body — with the client address server.ts saw", async () => {
    const { base } = await serve(1);
    const body = randomBytes(300_000).toString("base64");
    const response = await fetch(`${base}/echo?q=%D0%B0`, {
      method: "POST",
      headers: { "content-type": "text/plain", "x-birge-remote-addr": "198.51.100.1", cookie: "NEXT_LOCALE=kk", "accept-language": "kk" },
      body,
    });
    expect(response.status).toBe(201);
    const seen = await response.json();
    expect(seen.method).toBe("POST");
    expect(seen.url).toBe("/echo?q=%D0%B0");
    expect(seen.bodyLength).toBe(Buffer.byteLength(body));
    expect(seen.bodySha).toBe(createHash("sha256").update(body).digest("hex"));
    // The front overwrote what the client sent; the worker must see the front's value.
    expect(seen.headers["x-birge-remote-addr"]).toBe(CLIENT_ADDRESS);
    expect(seen.headers.cookie).toBe("NEXT_LOCALE=kk");
    expect(seen.headers["accept-language"]).toBe("kk");
  });

  it("comes back with the worker's status, headers and both cookies; a Cache-Control set before the hand-over stays", async () => {
    const { base } = await serve(1);
    const plain = await fetch(`${base}/echo`);
    expect(plain.status).toBe(201);
    expect(plain.headers.get("x-from-worker")).toBe("yes");
    expect(plain.headers.get("cache-control")).toBe("private, no-store");
    expect(plain.headers.getSetCookie()).toEqual(["first=1; Path=/", "second=2; Path=/"]);

    const kept = await fetch(`${base}/echo?keep`);
    expect(kept.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=1");
  });

  it("streams a page as the worker writes it, not once it is complete", async () => {
    const { base } = await serve(1);
    const response = await fetch(`${base}/stream`);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    // The worker writes "second " 50 ms and "third" 100 ms after "first ": a proxy that waited
    // for the whole answer would hand over all three at once.
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe("first ");
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
    expect(rest).toBe("second third");
  });

  it("spreads pages rendering at the same time over the workers", async () => {
    const { base } = await serve(2);
    const answers = await Promise.all([fetch(`${base}/echo?ms=400`), fetch(`${base}/echo?ms=400`)].map(async (r) => (await r).json()));
    expect(new Set(answers.map((a) => a.pid)).size).toBe(2);
  });
});

describe("an operator whose render worker dies", () => {
  it("sees the visitor get a 503 with Retry-After while it restarts, and pages again once it is back", async () => {
    const { base, pool: workers } = await serve(1);
    const [{ pid: firstPid }] = workers.workers();

    const crashed = await fetch(`${base}/crash`);
    expect(crashed.status).toBe(503);
    expect(crashed.headers.get("retry-after")).toBe("1");
    expect((await crashed.json()).error.code).toBe("unavailable");

    let answer: Response | null = null;
    for (let attempt = 0; attempt < 100; attempt++) {
      answer = await fetch(`${base}/echo`);
      if (answer.status === 201) break;
      expect(answer.status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answer!.status).toBe(201);
    const seen = await answer!.json();
    expect(seen.pid).not.toBe(firstPid);
    expect(isAlive(firstPid!)).toBe(false);
  });

  it("tells a visitor whose form post the dying worker may have saved to check, not to send it again", async () => {
    const { base } = await serve(1);
    const crashed = await fetch(`${base}/crash`, { method: "POST", body: "title=Parks" });
    expect(crashed.status).toBe(502);
    expect(crashed.headers.get("retry-after")).toBeNull();
    expect((await crashed.json()).error.message).toMatch(/check whether your change was saved/);
  });

  it("is told at start when a worker cannot start, and no worker is left running", async () => {
    const socketDir = newSocketDir();
    const failing = startRenderWorkers({ count: 2, entry: CHILD, execArgv: ["--import", "tsx"], env: { FAIL_AT_START: "1" }, socketDir, log: () => {} });
    await expect(failing.ready).rejects.toThrow(/exited before it was ready/);
    await failing.stop();
    for (const worker of failing.workers()) expect(worker.pid).toBeNull();
  });

  it("finds the socket folder of a server that was killed outright removed at the next start", async () => {
    // A process that has exited: its folder is what a SIGKILL leaves behind.
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    const stale = path.join(os.tmpdir(), `birge-render-${gone}-left`);
    mkdirSync(stale, { recursive: true });
    writeFileSync(path.join(stale, "render-0.sock"), "");
    const ours = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith(`birge-render-${process.pid}-`));
    const before = ours();

    const workers = startRenderWorkers({ count: 1, entry: CHILD, execArgv: ["--import", "tsx"], log: () => {} });
    await workers.ready;
    expect(existsSync(stale)).toBe(false);
    const mine = ours().filter((name) => !before.includes(name));
    expect(mine).toHaveLength(1);
    await workers.stop();
    expect(existsSync(path.join(os.tmpdir(), mine[0]))).toBe(false);
  });

  it("stops every worker and removes their sockets when the server stops", async () => {
    const socketDir = newSocketDir();
    const workers = startRenderWorkers({ count: 2, entry: CHILD, execArgv: ["--import", "tsx"], socketDir, log: () => {} });
    await workers.ready;
    const pids = workers.workers().map((w) => w.pid!);
    expect(pids.every(isAlive)).toBe(true);
    expect(existsSync(path.join(socketDir, "render-0.sock"))).toBe(true);
    await workers.stop();
    expect(pids.some(isAlive)).toBe(false);
    expect(existsSync(path.join(socketDir, "render-0.sock"))).toBe(false);
  });
});
