// A small HTTP/1.1 load generator for `npm run bench`: N keep-alive connections on raw
// sockets, each sending its next request as soon as the previous answer is complete, for a
// fixed time and at most a fixed number of requests. It runs in a worker thread, so it
// shares no event loop with the servers (child processes) or with the bench's own probes.
// Only 127.0.0.1 is ever contacted.
import net from "node:net";
import { parentPort, workerData } from "node:worker_threads";

/**
 * workerData: { port, connections, durationMs, maxRequests, scenario }
 * scenario.kind:
 *   "sign"    — POST scenario.path, JSON signer i (unique address, client IP via
 *               X-Forwarded-For, every 50th a repeat of an earlier address)
 *   "naive"   — the same signers, posted with scenario.petitionId to the naive route
 *   "confirm" — POST /api/v1/signatures/{id}/confirm, form field t (every 50th presses again)
 *   "get"     — GET scenario.paths[i % n]
 */
const { port, connections, durationMs, maxRequests, scenario } = workerData;
const HOST = "127.0.0.1";
if (!/^127\./.test(HOST)) throw new Error("the bench only targets loopback");

const total = Math.max(1, maxRequests);
const latenciesUs = new Float64Array(total);
const statusCounts = {};
let issued = 0;
let completed = 0;
let errors = 0;
// Per signer (sign/naive) or per signature (confirm): 1 = acknowledged (2xx/3xx), 2 = confirmed by this press.
const acknowledged = new Uint8Array(scenario.kind === "confirm" ? scenario.ids.length : total);
let confirmedAnswers = 0;
let alreadyConfirmedAnswers = 0;
const deadline = Date.now() + durationMs;

function signerIndex(i) {
  // Every 50th request repeats the address of an earlier one: duplicates are part of real load.
  return i % 50 === 49 && i > 10 ? i - 7 : i;
}

function requestFor(i) {
  if (scenario.kind === "sign" || scenario.kind === "naive") {
    const s = signerIndex(i);
    const body = JSON.stringify({
      ...(scenario.kind === "naive" ? { petitionId: scenario.petitionId } : {}),
      fullName: `Bench Signer ${s}`,
      email: `${scenario.runId}-${s}@d${s % 2000}.bench.example`,
      regionCode: scenario.regions[s % scenario.regions.length],
      consent: true,
      notify: true,
    });
    // 2001:db8::/32 is the documentation prefix: each client address signs at most 40 times.
    const ip = `2001:db8:${(scenario.ipSalt ?? 0).toString(16)}::${Math.floor(s / 40).toString(16)}`;
    return {
      id: s,
      data: `POST ${scenario.path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nAccept: application/json\r\nX-Forwarded-For: ${ip}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    };
  }
  if (scenario.kind === "confirm") {
    const k = i % 50 === 49 && i > 10 ? i - 5 : i;
    if (k >= scenario.ids.length) return null;
    const body = `t=${encodeURIComponent(scenario.tokens[k])}`;
    return {
      id: k,
      data: `POST /api/v1/signatures/${scenario.ids[k]}/confirm HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    };
  }
  const path = scenario.paths[i % scenario.paths.length];
  return { id: i, data: `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: ${scenario.accept ?? "*/*"}\r\n${scenario.headers ?? ""}\r\n` };
}

/** Parses one response at the start of buf; returns null until it is complete. */
function parseResponse(buf) {
  const headEnd = buf.indexOf("\r\n\r\n");
  if (headEnd < 0) return null;
  const head = buf.toString("latin1", 0, headEnd);
  const status = Number(head.slice(9, 12));
  const lower = head.toLowerCase();
  const contentLength = /\r\ncontent-length: *(\d+)/.exec(lower);
  let end;
  if (contentLength) {
    end = headEnd + 4 + Number(contentLength[1]);
    if (buf.length < end) return null;
  } else if (lower.includes("\r\ntransfer-encoding: chunked")) {
    let at = headEnd + 4;
    for (;;) {
      const lineEnd = buf.indexOf("\r\n", at);
      if (lineEnd < 0) return null;
      const size = parseInt(buf.toString("latin1", at, lineEnd), 16);
      at = lineEnd + 2 + size + 2;
      if (buf.length < at) return null;
      if (size === 0) break;
    }
    end = at;
  } else {
    end = headEnd + 4; // 304, 204, or a HEAD answer
  }
  return { status, head: lower, body: buf.subarray(headEnd + 4, end), end };
}

let completedInWindow = 0;

function record(request, response, startedAt) {
  const us = Number(process.hrtime.bigint() - startedAt) / 1000;
  if (Date.now() <= deadline) completedInWindow++;
  if (completed < total) latenciesUs[completed] = us;
  completed++;
  statusCounts[response.status] = (statusCounts[response.status] ?? 0) + 1;
  if (response.status >= 200 && response.status < 400 && request.id < acknowledged.length) {
    if (scenario.kind === "confirm") {
      const location = response.head.match(/\r\nlocation: ([^\r]*)/)?.[1] ?? "";
      if (location.includes("signed=confirmed")) {
        confirmedAnswers++;
        acknowledged[request.id] = 2;
      } else if (location.includes("signed=already_confirmed")) {
        alreadyConfirmedAnswers++;
        if (!acknowledged[request.id]) acknowledged[request.id] = 1;
      }
    } else if (response.status < 300) acknowledged[request.id] = 1;
  }
}

function runConnection() {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let current = null;
    let startedAt = 0n;
    const next = () => {
      if (Date.now() >= deadline || issued >= total) return socket.end();
      const request = requestFor(issued++);
      if (!request) return socket.end();
      current = request;
      startedAt = process.hrtime.bigint();
      socket.write(request.data);
    };
    socket.on("connect", next);
    socket.on("data", (chunk) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      const response = parseResponse(buffer);
      if (!response) return;
      buffer = buffer.subarray(response.end);
      record(current, response, startedAt);
      current = null;
      if (response.head.includes("\r\nconnection: close")) return socket.end();
      next();
    });
    socket.on("error", () => {
      if (current) errors++;
      resolve();
    });
    socket.on("close", () => {
      if (current) errors++;
      resolve();
    });
    // Bounded: a connection never outlives the run by more than 15 s.
    setTimeout(() => socket.destroy(), durationMs + 15_000).unref();
  });
}

const started = Date.now();
await Promise.all(Array.from({ length: connections }, runConnection));
const elapsedMs = Date.now() - started;
const measured = latenciesUs.subarray(0, Math.min(completed, total)).slice().sort();
const pct = (p) => (measured.length ? measured[Math.min(measured.length - 1, Math.floor((p / 100) * measured.length))] / 1000 : null);
parentPort.postMessage(
  {
    completed,
    errors,
    elapsedMs,
    // Answers received per second within the window (those still in flight at its end are
    // waited for and checked, but not counted in the rate); a run cut short by maxRequests
    // counts over its own length.
    ratePerS: elapsedMs < durationMs ? completed / (elapsedMs / 1000) : completedInWindow / (durationMs / 1000),
    p50Ms: pct(50),
    p95Ms: pct(95),
    p99Ms: pct(99),
    maxMs: measured.length ? measured[measured.length - 1] / 1000 : null,
    statusCounts,
    confirmedAnswers,
    alreadyConfirmedAnswers,
    acknowledged,
  },
  [acknowledged.buffer],
);
