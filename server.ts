// Birge's server: migrates, seeds an empty database, runs the job worker, and serves.
//
// The requests a viral petition brings by the thousand — signing, confirming, the live
// count — are answered here without Next's request pipeline, with their writes batched
// (lib/petitions/hot-path); every other request goes to Next. README "Counting signatures
// and the hot path" explains why.
//
// Where Next runs (README "Processes"): on Postgres, in render workers (render-worker.ts, one
// per core by default, BIRGE_RENDER_WORKERS), so that pages render on every core while this
// process keeps the hot path and its in-memory rate limits; on the embedded database (PGlite,
// which allows one opener) and in development, in this process.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { availableParallelism } from "node:os";
import path from "node:path";
import { runMigrations } from "@/db/migrate";
import { closeDb, connection, getDb } from "@/db/client";
import { seedIfEmpty } from "@/db/seed";
import { startWorker } from "@/lib/jobs/worker";
import { closeMailTransport } from "@/lib/mail/deliver-mail";
import { createHotPath } from "@/lib/petitions/hot-path/hot-path-services";
import { createHotPathHandler } from "@/lib/petitions/hot-path/http-handler";
import { createPublicPageCache } from "@/lib/petitions/hot-path/public-page-cache";
import { hotPathSettings, wholeNumberSetting } from "@/lib/config";
import { loggable } from "@/lib/errors";
import { configuredTrustedProxies } from "@/lib/http/client-ip";
import { applyContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { refuseCrossSitePost, refuseMalformedAddress, refuseOversizedBody } from "@/lib/http/request-guards";
import { ignoreLostLogReader } from "@/lib/server-process/ignore-lost-log-reader";
import { surviveLostDatabaseConnection } from "@/lib/server-process/survive-lost-database-connection";
import { closeServer, startNextRenderer } from "@/lib/server-process/next-renderer";
import { startRenderWorkers } from "@/lib/server-process/render-workers";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";

async function main() {
  ignoreLostLogReader();
  surviveLostDatabaseConnection();
  const kind = connection().kind;
  const settings = hotPathSettings(kind);
  // Read now, so that a mistyped BIRGE_TRUSTED_PROXIES stops the start rather than the first request.
  configuredTrustedProxies();
  await runMigrations();
  if (process.env.BIRGE_SEED !== "off") {
    const seeded = await seedIfEmpty();
    if (seeded) console.log("[birge] seeded demo data");
  }
  const { render, rendering, stopRestarting, stopRendering } = await startNext(kind === "pglite" || dev ? 0 : renderWorkerCount());
  const stopWorker = process.env.BIRGE_WORKER === "off" ? async () => {} : startWorker();
  // Two batches of each kind in flight on Postgres, on that kind's one connection: the second
  // waits in the connection's pipeline and starts the moment the first has committed, with no
  // round trip in between, once the statements are kept prepared (db/client.ts). Measured: sign
  // +10%; two batches on two connections were slower, contending for the same index pages and
  // counter rows. PGlite has one connection: one batch at a time.
  const hotPath = createHotPath({ db: getDb(), maxConcurrent: settings.batchConcurrency, maxWaitMs: settings.batchWaitMs });
  const handleHot = process.env.BIRGE_HOT_PATH === "off" ? () => false : createHotPathHandler(hotPath, getDb());

  // Not used in development, where pages must show each edit at once (see below).
  const handlePublicPage = createPublicPageCache({ keepMs: settings.pageCacheMs });

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // The socket's address, for rate limits; a client cannot set this header itself.
    req.headers["x-birge-remote-addr"] = req.socket.remoteAddress ?? "";
    // Hostile addresses, cross-site posts and oversized bodies get their 4xx here, before any
    // of it is read (lib/http/request-guards.ts); the hot path limits its own bodies.
    if (refuseMalformedAddress(req, res)) return;
    if (handleHot(req, res)) return;
    if (refuseCrossSitePost(req, res) || refuseOversizedBody(req, res)) return;
    // After the hot path: signing answers JSON and pays nothing for a policy it does not need.
    applyContentSecurityPolicy(req, res, dev);
    if (dev) render(req, res);
    else handlePublicPage(req, res, () => render(req, res));
  };
  const server = createServer(handle);
  // A client that asks before sending its body (Expect: 100-continue, as curl does for large
  // ones) is told 413 without sending it; otherwise it is invited to go on.
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (refuseMalformedAddress(req, res) || refuseOversizedBody(req, res)) return;
    res.writeContinue();
    handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => {
    console.log(`[birge] ready on http://localhost:${port} (${dev ? "development" : "production"}, database: ${kind})`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    stopRestarting();
    console.log(`[birge] ${signal}: stopping`);
    // Stop taking connections, write every batch already gathered (their callers get their
    // answers), then stop the worker and close the database.
    const closed = closeServer(server, 5_000);
    await hotPath.close();
    if (process.env.BIRGE_HOT_PATH_STATS === "1") console.log("[birge] hot path:", JSON.stringify(hotPath.stats()));
    await closed;
    await stopRendering();
    await stopWorker();
    closeMailTransport();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  // The hot path answers from the moment the server listens, while render workers are still
  // starting (pages meanwhile: 503 with Retry-After): after a crash or a restart, signing is
  // back in seconds rather than once Next has booted (`npm run chaos`, server-kill). A render
  // worker that cannot start at all (no build, say) still stops the server.
  await rendering;
}

/**
 * Render workers on Postgres: BIRGE_RENDER_WORKERS, by default one per core up to 4 (0: Next in
 * this process). Node counts the host's cores, not a container's CPU limit; each worker is a
 * Next process (~200 MB) with a Postgres pool of its own.
 */
function renderWorkerCount(): number {
  return wholeNumberSetting("BIRGE_RENDER_WORKERS", Math.min(availableParallelism(), 4));
}

/** Next.js in `workers` render workers, or in this process when 0. */
async function startNext(workers: number): Promise<{
  render: (req: IncomingMessage, res: ServerResponse) => void;
  /** Settles once pages can be rendered; rejects when a render worker cannot start at all. */
  rendering: Promise<void>;
  /** Called as the server begins to stop: a render worker that exits from now on stays stopped. */
  stopRestarting: () => void;
  stopRendering: () => Promise<void>;
}> {
  if (workers > 0) {
    const pool = startRenderWorkers({
      count: workers,
      entry: path.join(process.cwd(), "render-worker.ts"),
      // One thread renders a few pages at a time: 5 connections each unless DATABASE_POOL_SIZE says otherwise.
      env: { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE || "5" },
    });
    // Not awaited here: the server listens meanwhile (see main), and pages answer 503 with
    // Retry-After until a worker is ready.
    const rendering = pool.ready.then(
      () => console.log(`[birge] ${workers} render worker${workers === 1 ? "" : "s"} ready`),
      async (error: unknown) => {
        await pool.stop();
        throw error;
      },
    );
    return { render: pool.handle, rendering, stopRestarting: pool.stopRestarting, stopRendering: pool.stop };
  }
  return { render: await startNextRenderer({ dev, port }), rendering: Promise.resolve(), stopRestarting: () => {}, stopRendering: async () => {} };
}

main().catch((error) => {
  console.error("[birge] failed to start:", loggable(error));
  process.exit(1);
});
