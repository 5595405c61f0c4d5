import { createServer, type Server } from "node:http";
import { createServer as createTcpServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "@/db/schema";
import type { Database } from "@/db/client";
import { isDatabaseUnavailable } from "@/lib/errors";
import { createHotPath } from "@/lib/petitions/hot-path/hot-path-services";
import { createHotPathHandler } from "@/lib/petitions/hot-path/http-handler";
import { signatureToken } from "@/lib/petitions/tokens";
import { signatureInput } from "./support/petitions";

// While Postgres restarts, or its connections are cut, the hot path's reads before a batch (the
// settings, the live count) fail with a connection error. `npm run chaos` found them answered
// 500 without Retry-After: a person signing or watching the count must instead be told to try
// again in a moment (503 + Retry-After), as a failed batch already was. The database here is
// a real postgres.js client pointed at a loopback port where nothing listens: a database away.

let server: Server;
let base: string;
let away: postgres.Sql;

/** A loopback port nothing listens on: one the system gave out and that was closed again. */
async function closedPort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  away = postgres(`postgres://birge@127.0.0.1:${await closedPort()}/birge`, { max: 1, connect_timeout: 2, onnotice: () => {} });
  const db = drizzle(away, { schema }) as unknown as Database;
  const handle = createHotPathHandler(createHotPath({ db, maxConcurrent: 1 }), db);
  server = createServer((req, res) => {
    if (!handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await away.end({ timeout: 1 });
});

async function expectToldToRetry(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("1");
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unavailable");
}

describe("people on the hot path while the database is away", () => {
  it("a signer is told to try again in a moment (503 with Retry-After), not given a 500", async () => {
    const response = await fetch(`${base}/api/v1/petitions/1/signatures`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(signatureInput()),
    });
    await expectToldToRetry(response);
  });

  it("someone watching the live count is told to try again in a moment, not given a 500", async () => {
    await expectToldToRetry(await fetch(`${base}/api/v1/petitions/1/count`));
  });

  it("a signer confirming from the e-mailed link is told to try again (the API) or sent to the 'busy' page (the form)", async () => {
    const t = signatureToken(1, "confirm");
    await expectToldToRetry(await fetch(`${base}/api/v1/signatures/1/confirm`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ t }) }));
    const form = await fetch(`${base}/api/v1/signatures/1/confirm`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `t=${t}`, redirect: "manual" });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe(`/signatures/1/confirm?t=${encodeURIComponent(t)}&error=busy`);
  });

  it("tells a database that is away from a wrong request", async () => {
    const refused = await away`select 1`.catch((error: unknown) => error);
    expect(isDatabaseUnavailable(refused)).toBe(true);
    for (const code of ["57P01", "57P03", "25006", "53100", "08006"]) expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code }))).toBe(true);
    for (const code of ["22P05", "23505", "42P01", "22003"]) expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("no code"))).toBe(false);
  });
});
