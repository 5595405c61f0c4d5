import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { Agent, request, type IncomingMessage, type ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { sendJsonError } from "@/lib/http/json-error";

/** The message a render worker sends once it listens. */
export const RENDER_WORKER_READY = "birge:render-worker-ready";

/** Headers of one connection, not of the request or the answer: never passed on. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer", "upgrade"]);

/** No worker can take the request now: a page may be asked for again in a moment. */
function sendRestarting(res: ServerResponse) {
  sendJsonError(res, 503, "unavailable", "The site is restarting; try again in a moment", { "retry-after": "1" });
}

export interface RenderWorkersOptions {
  /** How many workers. */
  count: number;
  /** The worker's script (render-worker.ts). */
  entry: string;
  /** Node options of the workers: this process's by default (tsx's loader, the server's flags). */
  execArgv?: string[];
  /** Extra environment for the workers. */
  env?: Record<string, string>;
  /** Where the workers' sockets go (a new private folder by default). */
  socketDir?: string;
  /** For the log; console.error by default. */
  log?: (line: string) => void;
  /** How long the workers may take to start (ms; 3 minutes by default). */
  readyTimeoutMs?: number;
}

export interface RenderWorkers {
  /** Settles once every worker listens; rejects if one exits (or cannot be started) first, or after `readyTimeoutMs`. */
  ready: Promise<void>;
  /** Hands the request to the worker with the fewest requests under way. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** From now on a worker that exits is not started again (call when the server begins to stop). */
  stopRestarting(): void;
  /** Stops the workers (each finishes what it is doing) and removes their sockets. */
  stop(): Promise<void>;
  /** For tests: each worker's process id (null while it restarts) and requests under way. */
  workers(): Array<{ pid: number | null; ready: boolean; inFlight: number }>;
}

interface Worker {
  index: number;
  socketPath: string;
  agent: Agent;
  child: ChildProcess | null;
  ready: boolean;
  inFlight: number;
  /** Restarts in a row without a request answered in between: each waits longer. */
  restarts: number;
}

/** Methods a browser may send again without harm: only these are told to try again. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Connections to a worker are kept between requests, and dropped after a minute idle —
 * before the worker would close them (render-worker.ts keeps them longer), so a request is
 * never sent on a connection the worker is closing.
 */
const newAgent = () => new Agent({ keepAlive: true, maxSockets: 256, timeout: 60_000 });

const SOCKET_DIR_PREFIX = "birge-render-";

/**
 * A private folder (0700) for the workers' sockets, named after this process. Folders left by a
 * server that was killed outright (SIGKILL, a crash) are removed first: their process is gone.
 */
function newSocketDir(): string {
  const tmp = os.tmpdir();
  for (const name of readdirSync(tmp)) {
    const pid = Number(new RegExp(`^${SOCKET_DIR_PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || pid === process.pid || isRunning(pid)) continue;
    rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
  return mkdtempSync(path.join(tmp, `${SOCKET_DIR_PREFIX}${process.pid}-`));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: someone else's process, alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Starts `count` render workers (render-worker.ts: Next.js, each listening on a Unix socket in
 * a folder only this user can open) and passes requests to them: the request's headers and
 * body as they came (server.ts has set x-birge-remote-addr), the answer streamed back. A
 * header this process set on the response before handing it over (the public page cache's
 * Cache-Control) is kept, as Next keeps one it finds. A worker that exits is started again;
 * while no worker is ready, requests get a 503 with Retry-After.
 */
export function startRenderWorkers(options: RenderWorkersOptions): RenderWorkers {
  const log = options.log ?? ((line: string) => console.error(line));
  const socketDir = options.socketDir ?? newSocketDir();
  let stopping = false;
  let next = 0;
  let settleReady!: (error?: Error) => void;
  let readySettled = false;
  const ready = new Promise<void>((resolve, reject) => {
    settleReady = (error) => {
      if (readySettled) return;
      readySettled = true;
      clearTimeout(readyTimer);
      if (error) reject(error);
      else resolve();
    };
  });
  const readyTimer = setTimeout(
    () => settleReady(new Error(`the render workers were not ready within ${(options.readyTimeoutMs ?? 180_000) / 1000} s`)),
    options.readyTimeoutMs ?? 180_000,
  );
  readyTimer.unref();
  // Whoever starts the workers awaits `ready`; a failure after they stopped waiting is not an error of the process.
  ready.catch(() => {});
  let waitingFor = options.count;

  const workers: Worker[] = Array.from({ length: options.count }, (_, index) => ({
    index,
    socketPath: path.join(socketDir, `render-${index}.sock`),
    agent: newAgent(),
    child: null,
    ready: false,
    inFlight: 0,
    restarts: 0,
  }));

  /** The worker's process is gone (exited, or could not be started): start another, or fail the start. */
  function lost(worker: Worker, first: boolean, wasReady: boolean, why: string) {
    worker.ready = false;
    worker.child = null;
    worker.agent.destroy();
    worker.agent = newAgent();
    if (stopping) return;
    if (first && !wasReady) {
      // It never listened: the server cannot start (no build, say). Its own log says why.
      settleReady(new Error(`render worker ${worker.index} exited before it was ready (${why})`));
      return;
    }
    const delay = Math.min(5_000, 250 * 2 ** worker.restarts);
    worker.restarts++;
    log(`[birge] render worker ${worker.index} exited (${why}); starting another in ${delay} ms`);
    setTimeout(() => {
      if (!stopping) start(worker, false);
    }, delay).unref();
  }

  function start(worker: Worker, first: boolean) {
    let child: ChildProcess;
    try {
      rmSync(worker.socketPath, { force: true });
      child = fork(options.entry, [], {
        execArgv: options.execArgv ?? process.execArgv,
        env: { ...process.env, ...options.env, BIRGE_RENDER_SOCKET: worker.socketPath },
        stdio: "inherit",
      });
    } catch (error) {
      // Out of memory or of process slots: keep serving the hot path, try again later.
      return lost(worker, first, false, (error as Error).message);
    }
    worker.child = child;
    let gone = false;
    const goneWith = (why: string) => {
      if (gone || worker.child !== child) return;
      gone = true;
      lost(worker, first, worker.ready, why);
    };
    child.on("message", (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type !== RENDER_WORKER_READY || worker.child !== child) return;
      worker.ready = true;
      if (first && --waitingFor === 0) settleReady();
    });
    // A process that could not be started (EAGAIN, EMFILE…) reports "error" and never "exit".
    child.on("error", (error) => {
      if (child.pid === undefined) goneWith(error.message);
      else log(`[birge] render worker ${worker.index}: ${error.message}`);
    });
    child.on("exit", (code, signal) => goneWith(signal ?? `exit code ${code}`));
  }

  for (const worker of workers) start(worker, true);

  function pick(): Worker | null {
    let best: Worker | null = null;
    for (let i = 0; i < workers.length; i++) {
      const worker = workers[(next + i) % workers.length];
      if (worker.ready && (!best || worker.inFlight < best.inFlight)) best = worker;
    }
    next = (next + 1) % workers.length;
    return best;
  }

  function unavailable(req: IncomingMessage, res: ServerResponse) {
    if (SAFE_METHODS.has(req.method ?? "GET")) return sendRestarting(res);
    // The worker may have saved the change before it went away: no invitation to send it again.
    sendJsonError(res, 502, "unavailable", "The site restarted before it could answer; check whether your change was saved before sending it again");
  }

  function handle(req: IncomingMessage, res: ServerResponse, retried = false): void {
    const worker = pick();
    if (!worker) {
      req.resume();
      return sendRestarting(res);
    }
    worker.inFlight++;
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      worker.inFlight--;
    };
    const headers: Record<string, string | string[] | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;

    // Not res.headersSent: the public page cache holds the head back until the page is complete.
    let answered = false;
    const upstream = request({ socketPath: worker.socketPath, agent: worker.agent, method: req.method, path: req.url, headers });
    upstream.on("response", (answer) => {
      answered = true;
      worker.restarts = 0;
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value === undefined || HOP_BY_HOP.has(name) || name === "transfer-encoding" || res.hasHeader(name)) continue;
        res.setHeader(name, value);
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage);
      answer.pipe(res);
      answer.on("end", done);
      answer.on("error", () => {
        done();
        res.destroy();
      });
    });
    upstream.on("error", (error) => {
      done();
      if (answered) return void res.destroy();
      if (res.writableEnded || res.destroyed) return;
      // A kept connection the worker closed just as this request went out: a page asked for
      // with GET or HEAD (no body) can simply go again, once.
      if (upstream.reusedSocket && !retried && (req.method === "GET" || req.method === "HEAD")) return handle(req, res, true);
      log(`[birge] render worker ${worker.index} did not answer ${req.method} ${req.url}: ${error.message}`);
      req.unpipe(upstream);
      req.resume();
      unavailable(req, res);
    });
    // The client went away before the answer was complete: the worker can stop too.
    res.on("close", () => {
      done();
      if (!res.writableFinished) upstream.destroy();
    });
    // A GET sent again after a dropped connection has already been read to its end.
    if (req.readableEnded) upstream.end();
    else req.pipe(upstream);
  }

  function stopRestarting() {
    stopping = true;
  }

  async function stop(): Promise<void> {
    stopping = true;
    settleReady(new Error("the render workers were stopped before they were ready"));
    await Promise.all(
      workers.map(async (worker) => {
        const child = worker.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        const killed = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(killed);
      }),
    );
    for (const worker of workers) {
      worker.agent.destroy();
      rmSync(worker.socketPath, { force: true });
    }
    if (!options.socketDir) rmSync(socketDir, { recursive: true, force: true });
  }

  return {
    ready,
    handle: (req, res) => handle(req, res),
    stopRestarting,
    stop,
    workers: () => workers.map((w) => ({ pid: w.child?.pid ?? null, ready: w.ready, inFlight: w.inFlight })),
  };
}
