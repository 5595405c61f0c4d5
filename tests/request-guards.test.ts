import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM_MAX_BYTES } from "@/lib/http/body-limits";
import { refuseCrossSitePost, refuseMalformedAddress, refuseOversizedBody } from "@/lib/http/request-guards";

// An attacker sends what no browser of ours sends: a 40 MB form post on a kept connection, an
// address with a broken %-escape, a javascript: protocol behind a foreign Host, a form post
// from another site. server.ts answers each with a 4xx and the security headers before Next
// sees it; here the same guards, in server.ts's order, sit in front of a stand-in for Next
// that reads the whole body and answers 200 — over real HTTP on a real socket.

let server: Server;
let port: number;

beforeAll(async () => {
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (refuseMalformedAddress(req, res) || refuseCrossSitePost(req, res) || refuseOversizedBody(req, res)) return;
    let size = 0;
    req.on("data", (chunk: Buffer) => (size += chunk.length));
    req.on("end", () => res.end(JSON.stringify({ read: size })));
  };
  server = createServer(handle);
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (refuseMalformedAddress(req, res) || refuseOversizedBody(req, res)) return;
    res.writeContinue();
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection after the answer. */
  closed: boolean;
}

/**
 * Sends `head` (and `body`, in 64 KB pieces, as fast as the socket takes them) on one
 * connection, and reads the first answer; resolves once the server closed the connection or,
 * on a kept one, once the answer is complete. Fails if neither happens within 20 s: a hung
 * connection.
 */
function raw(head: string, body: Buffer = Buffer.alloc(0)): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within 20 s; got: ${received.toString("latin1").slice(0, 200)}`));
    }, 20_000);
    const parse = (closed: boolean): RawAnswer | null => {
      const text = received.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end < 0) return null;
      const [statusLine, ...lines] = text.slice(0, end).split("\r\n");
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
      const length = Number(headers["content-length"] ?? -1);
      const bodyText = received.subarray(end + 4).toString("utf8");
      if (!closed && (length < 0 || Buffer.byteLength(bodyText) < length)) return null;
      return { status: Number(statusLine.split(" ")[1]), headers, body: bodyText, closed };
    };
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const answer = parse(false);
      if (answer && answer.headers.connection !== "close") {
        clearTimeout(timer);
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on("close", () => {
      clearTimeout(timer);
      const answer = parse(true);
      if (answer) resolve(answer);
      else reject(new Error("closed without an answer"));
    });
    socket.on("error", () => {});
    socket.write(head);
    let offset = 0;
    const pump = () => {
      while (offset < body.length && !socket.destroyed) {
        const piece = body.subarray(offset, offset + 64 * 1024);
        offset += piece.length;
        if (!socket.write(piece)) return void socket.once("drain", pump);
      }
    };
    pump();
  });
}

const request = (method: string, path: string, headers: Record<string, string | number>) =>
  `${method} ${path} HTTP/1.1\r\n${Object.entries({ host: `127.0.0.1:${port}`, ...headers }).map(([name, value]) => `${name}: ${value}`).join("\r\n")}\r\n\r\n`;

function expectSecurityHeaders(answer: RawAnswer) {
  expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  expect(answer.headers["x-frame-options"]).toBe("DENY");
  expect(answer.headers["referrer-policy"]).toBeTruthy();
  expect(answer.headers["content-type"]).toContain("application/json");
}

describe("an attacker's oversized body does not hang the connection it came on", () => {
  it("a 40 MB form post gets 413 and a closed connection, while it is still being sent", async () => {
    const body = Buffer.alloc(40 * 1024 * 1024, "a");
    const answer = await raw(request("POST", "/", { "content-type": "application/x-www-form-urlencoded", "content-length": body.length, connection: "keep-alive" }), body);
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe("close");
    expect(answer.closed).toBe(true);
    expect(JSON.parse(answer.body).error.code).toBe("too_large");
    expectSecurityHeaders(answer);
  });

  it("a client that writes its whole 40 MB before reading (Node's http client) still reads the 413, five times in a row", async () => {
    const body = Buffer.alloc(40 * 1024 * 1024, "a");
    const statuses: Array<number | string> = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        await new Promise<number | string>((resolve) => {
          const req = httpRequest({ host: "127.0.0.1", port, method: "POST", path: "/profile", headers: { "content-type": "text/plain", "content-length": body.length } });
          req.on("response", (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          });
          // Node destroys the socket after a Connection: close answer; under load (the hostile
          // suite) the reset that follows lost the answer. On an idle machine this passes either
          // way: it states the behaviour, the suite is where the race showed.
          req.on("error", (error) => resolve((error as NodeJS.ErrnoException).code ?? error.message));
          req.end(body);
        }),
      );
    }
    expect(statuses).toEqual([413, 413, 413, 413, 413]);
  });

  it("a client that asks first (Expect: 100-continue) is refused without sending the body", async () => {
    const answer = await raw(request("POST", "/sign-in", { "content-length": 10 * 1024 * 1024, expect: "100-continue" }));
    expect(answer.status).toBe(413);
    expect(answer.closed).toBe(true);
  });

  it("a body of unknown length (chunked) to a page is refused with 411", async () => {
    const answer = await raw(request("POST", "/profile", { "transfer-encoding": "chunked" }), Buffer.from("5\r\nhello\r\n0\r\n\r\n"));
    expect(answer.status).toBe(411);
  });

  it("(the check itself) a body within the form limit is read, on a connection kept open", async () => {
    const body = Buffer.alloc(FORM_MAX_BYTES, "a");
    const answer = await raw(request("POST", "/", { "content-length": body.length }), body);
    expect(answer.status).toBe(200);
    expect(answer.closed).toBe(false);
    expect(JSON.parse(answer.body).read).toBe(FORM_MAX_BYTES);
  });
});

describe("hostile addresses and headers get a 4xx with the security headers", () => {
  it.each([
    ["a broken %-escape in a path segment", "GET", "/activities/%FF", {}],
    ["a truncated %-escape", "GET", "/petitions/%E0%A4%A", {}],
    ["a NUL", "GET", "/petitions?q=%00", {}],
    ["X-Forwarded-Proto: javascript behind a foreign Host", "GET", "/", { host: "evil.example", "x-forwarded-proto": "javascript" }],
    ["a Host that is not a host name", "GET", "/", { host: "a b" }],
    ["an X-Forwarded-Host that is not a host name", "GET", "/", { "x-forwarded-host": "evil.example/<script>" }],
  ])("%s: 400", async (_name, method, path, headers) => {
    const answer = await raw(request(method, path, headers));
    expect(answer.status).toBe(400);
    expectSecurityHeaders(answer);
  });

  it.each([
    ["another site", "https://evil.example"],
    ["an Origin that is not a URL", "ht!tp://::"],
    ["an opaque origin", "null"],
  ])("a form post from %s: 403", async (_name, origin) => {
    const answer = await raw(request("POST", "/", { origin, "next-action": "40c5cc60efd2659755ffea48ae6c3dea2324c165dc", "content-length": 2 }), Buffer.from("[]"));
    expect(answer.status).toBe(403);
    expectSecurityHeaders(answer);
  });

  it("(the check itself) a form post from this site passes", async () => {
    const answer = await raw(request("POST", "/", { origin: `http://127.0.0.1:${port}`, "content-length": 2 }), Buffer.from("[]"));
    expect(answer.status).toBe(200);
  });
});
