import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHotPathLanes } from "@/db/client";
import { isDatabaseUnavailable } from "@/lib/errors";

// `npm run chaos` cut the app's Postgres connections while the hot path's confirming lane held
// prepared statements: postgres.js never reconnected that lane, and every confirmation from
// then on waited forever — the people confirming got no answer at all. A lane statement now
// has a deadline: past it, its callers are told the connection is gone (a database away: 503
// with Retry-After on the hot path) and the lane opens a new connection. The database here is
// a real socket that takes the connection and never answers, as a stuck connection does.

let silent: Server;
let url: string;
const accepted: Socket[] = [];

beforeAll(async () => {
  silent = createServer((socket) => accepted.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  url = `postgres://birge@127.0.0.1:${(silent.address() as AddressInfo).port}/birge`;
});

afterAll(async () => {
  for (const socket of accepted) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe("the hot path's connection to a database that stopped answering", () => {
  it("fails the statement as a database away once its deadline passes, then opens a new connection for the next", async () => {
    // The driver itself would wait a minute for this connection; the lane gives up after 300 ms.
    const lanes = createHotPathLanes(url, { deadlineMs: 300, connectTimeoutSeconds: 60 });
    const first = await lanes.run("confirm", "select 1", [], true).catch((error: unknown) => error);
    expect(isDatabaseUnavailable(first)).toBe(true);
    expect(accepted.length).toBe(1);

    const second = await lanes.run("confirm", "select 1", [], true).catch((error: unknown) => error);
    expect(isDatabaseUnavailable(second)).toBe(true);
    // A new connection, not another wait on the stuck one.
    expect(accepted.length).toBe(2);
    await lanes.close();
  });
});
