// A render worker: Next.js on its own process, behind server.ts. On Postgres, server.ts keeps
// the hot path (signing, confirming, the live count), the public page cache and the job
// worker, and hands every page and route to one of these over a socket in a private folder
// (lib/server-process/render-workers.ts). Two processes render at once on two cores, and the
// hot path's process carries none of Next's per-promise bookkeeping. README "Processes".
//
// Only server.ts reaches the socket, so the client address it puts in x-birge-remote-addr is
// kept as it came.
import { createServer } from "node:http";
import { closeDb } from "@/db/client";
import { loggable } from "@/lib/errors";
import { ignoreLostLogReader } from "@/lib/server-process/ignore-lost-log-reader";
import { closeServer, startNextRenderer } from "@/lib/server-process/next-renderer";
import { RENDER_WORKER_READY } from "@/lib/server-process/render-workers";

async function main() {
  ignoreLostLogReader();
  const socketPath = process.env.BIRGE_RENDER_SOCKET;
  if (!socketPath || !process.send) throw new Error("render-worker.ts is started by server.ts, not on its own");
  const render = await startNextRenderer({ dev: false, port: Number(process.env.PORT || 3000) });
  const server = createServer(render);
  // Longer than server.ts keeps an idle connection to a worker (60 s), so that server.ts is
  // always the side that closes it and never sends a request on a closing connection.
  server.keepAliveTimeout = 10 * 60_000;
  server.listen(socketPath, () => process.send!({ type: RENDER_WORKER_READY }));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // The requests under way finish; then the database closes.
    await closeServer(server, 5_000);
    await closeDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  // Ctrl-C reaches the whole process group: server.ts decides when its workers stop.
  process.on("SIGINT", () => {});
  // server.ts is gone (killed outright): nobody can reach this process any more.
  process.on("disconnect", () => void stop());
}

main().catch((error) => {
  console.error("[birge] render worker failed to start:", loggable(error));
  process.exit(1);
});
