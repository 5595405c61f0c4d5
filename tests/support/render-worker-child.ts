// A stand-in for render-worker.ts in tests/render-workers.test.ts: a real HTTP server on the
// socket it is given, answering what the test asks of a page, without a Next build.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { RENDER_WORKER_READY } from "@/lib/server-process/render-workers";

if (process.env.FAIL_AT_START === "1") {
  console.error("[test worker] cannot start");
  process.exit(2);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://worker");
  if (url.pathname === "/crash") process.exit(3);
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    if (url.pathname === "/stream") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("first ");
      setTimeout(() => res.write("second "), 50);
      setTimeout(() => res.end("third"), 100);
      return;
    }
    const wait = Number(url.searchParams.get("ms") ?? 0);
    setTimeout(() => {
      const answer = JSON.stringify({
        pid: process.pid,
        method: req.method,
        url: req.url,
        headers: req.headers,
        bodyLength: body.length,
        bodySha: createHash("sha256").update(body).digest("hex"),
      });
      res.writeHead(201, {
        "content-type": "application/json",
        "cache-control": "private, no-store",
        "set-cookie": ["first=1; Path=/", "second=2; Path=/"],
        "x-from-worker": "yes",
      });
      res.end(answer);
    }, wait);
  });
});
server.listen(process.env.BIRGE_RENDER_SOCKET!, () => process.send!({ type: RENDER_WORKER_READY }));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
