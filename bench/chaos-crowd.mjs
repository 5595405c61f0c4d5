// The crowd of `npm run chaos`: people signing, confirming and watching the count of a
// petition while faults are injected. Unlike the bench's load generator, every client here
// behaves as a patient person would through a fault: it reconnects when the server went away,
// and tries the same signature (or confirmation) again after a refusal or a lost answer, so
// that each item ends acknowledged or given up. Every request is recorded (kind, item, when
// sent, when answered, status, whether a 503 carried Retry-After, and what it said), for
// bench/chaos.ts to compare with what the database holds. It runs in a worker thread; only
// 127.0.0.1 is contacted, and it stops at `stop`, at `maxMs`, or after `maxRequests`.
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

/**
 * workerData: { port, maxMs, maxRequests, paceMs,
 *   sign: { connections, path, runId, regions, ipSalt },
 *   confirm: { connections, ids, tokens },
 *   count: { connections, path } }
 */
const { port, maxMs, maxRequests, paceMs, sign, confirm, count } = workerData;
const HOST = "127.0.0.1";
const KIND = { sign: 0, confirm: 1, count: 2 };
/** What an answer said: 0 nothing useful, 1 accepted / already confirmed, 2 confirmed by this press. */
const SAID = { nothing: 0, accepted: 1, confirmed: 2 };
/** Tries per item before the client gives up on it (it is then neither accepted nor lost). */
const MAX_TRIES = 200;

const agent = new Agent({ keepAlive: true, maxSockets: sign.connections + confirm.connections + count.connections });
const deadline = Date.now() + maxMs;
let stopping = false;
parentPort.on("message", (message) => {
  if (message === "stop") stopping = true;
});

// One row per request: [kind, item, sentAt, doneAt, status (0: no answer), retryAfter (0/1), said].
const records = [];
const done = () => stopping || Date.now() >= deadline || records.length >= maxRequests;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function send(path, body, contentType) {
  return new Promise((resolve) => {
    const req = request(
      {
        host: HOST,
        port,
        path,
        method: body === null ? "GET" : "POST",
        agent,
        headers: body === null ? { accept: "application/json" } : { "content-type": contentType, accept: "application/json", "content-length": Buffer.byteLength(body) },
        timeout: 10_000,
      },
      (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] !== undefined, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", () => resolve({ status: 0, retryAfter: false, text: "" }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ status: 0, retryAfter: false, text: "" }));
    if (body !== null) req.write(body);
    req.end();
  });
}

/** Sends `item` until an answer that is not "try again" (a 503 or no answer), or MAX_TRIES; returns whether it ended. */
async function persist(kind, item, once) {
  for (let tries = 0; tries < MAX_TRIES && !done(); tries++) {
    const sentAt = Date.now();
    const { status, retryAfter, said } = await once();
    records.push([kind, item, sentAt, Date.now(), status, retryAfter ? 1 : 0, said]);
    if (status !== 0 && status !== 503) return;
    // Told to retry: after the Retry-After it gave (1 s). No answer at all (the server is away):
    // a short pause, then again.
    await sleep(status === 503 ? 1000 : 100);
  }
}

let nextSigner = 0;
async function signer() {
  while (!done()) {
    const s = nextSigner++;
    const body = JSON.stringify({
      fullName: `Chaos Signer ${s}`,
      email: `${sign.runId}-${s}@d${s % 500}.chaos.example`,
      regionCode: sign.regions[s % sign.regions.length],
      consent: true,
      notify: false,
    });
    // 2001:db8::/32 is the documentation prefix: each client address signs 5 times, so that its
    // tries after refusals stay within the 50 an hour one address may make.
    const ip = `2001:db8:${sign.ipSalt.toString(16)}::${Math.floor(s / 5).toString(16)}`;
    await persist(KIND.sign, s, async () => {
      const answer = await sendSigned(sign.path, body, ip);
      return { ...answer, said: answer.status === 202 ? SAID.accepted : SAID.nothing };
    });
    await sleep(paceMs);
  }
}

function sendSigned(path, body, ip) {
  return new Promise((resolve) => {
    const req = request(
      {
        host: HOST,
        port,
        path,
        method: "POST",
        agent,
        headers: { "content-type": "application/json", accept: "application/json", "content-length": Buffer.byteLength(body), "x-forwarded-for": ip },
        timeout: 10_000,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] !== undefined }));
        res.on("error", () => resolve({ status: 0, retryAfter: false }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ status: 0, retryAfter: false }));
    req.end(body);
  });
}

let nextConfirm = 0;
async function confirmer() {
  while (!done()) {
    const i = nextConfirm++;
    // Every 50th press is a second press of an earlier link, as people do.
    const k = i % 50 === 49 && i > 10 ? i - 5 : i;
    if (k >= confirm.ids.length) return;
    const body = JSON.stringify({ t: confirm.tokens[k] });
    await persist(KIND.confirm, k, async () => {
      const answer = await send(`/api/v1/signatures/${confirm.ids[k]}/confirm`, body, "application/json");
      let said = SAID.nothing;
      if (answer.status === 200) {
        const result = safeJson(answer.text)?.result;
        said = result === "confirmed" ? SAID.confirmed : result === "already_confirmed" ? SAID.accepted : SAID.nothing;
      }
      return { ...answer, said };
    });
    await sleep(paceMs);
  }
}

async function watcher() {
  let i = 0;
  while (!done()) {
    const sentAt = Date.now();
    const answer = await send(count.path, null);
    const confirmed = answer.status === 200 ? safeJson(answer.text)?.confirmed : undefined;
    records.push([KIND.count, i++, sentAt, Date.now(), answer.status, answer.retryAfter ? 1 : 0, typeof confirmed === "number" ? SAID.accepted : SAID.nothing]);
    // A page showing the live count asks again in a while; without an answer, sooner.
    await sleep(answer.status === 200 ? 50 : 100);
  }
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

await Promise.all([
  ...Array.from({ length: sign.connections }, signer),
  ...Array.from({ length: confirm.connections }, confirmer),
  ...Array.from({ length: count.connections }, watcher),
]);
agent.destroy();
parentPort.postMessage({ records, signersStarted: nextSigner, confirmsStarted: nextConfirm });
