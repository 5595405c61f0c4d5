import { eq, like } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { mailMessages, sessions } from "@/db/schema";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { createUser, unique } from "./support/factories";

// The Auth.js routes as Next calls them: a Request in, a Response out, on a real database.

const BASE = "http://localhost:3000";
const nextauth = (path: string) => ({ params: Promise.resolve({ nextauth: path.split("/") }) });

/** Auth.js's double-submit token and the cookie that goes with it, as a browser would hold them. */
async function csrf(): Promise<{ token: string; cookie: string }> {
  const response = await GET(new NextRequest(`${BASE}/api/auth/csrf`));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { token: csrfToken, cookie };
}

async function askForLink(email: string, ip = unique("ip")): Promise<Response> {
  const { token, cookie } = await csrf();
  const body = new URLSearchParams({ email, csrfToken: token, callbackUrl: `${BASE}/petitions` });
  return POST(
    new NextRequest(`${BASE}/api/auth/signin/email`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-birge-remote-addr": ip },
      body,
    }),
  );
}

async function outboxFor(marker: string) {
  return getDb().select().from(mailMessages).where(like(mailMessages.toAddress, `%${marker}%`));
}

describe("a stranger posting to the sign-in route", () => {
  it("cannot have one request mail several addresses, or any string that is not one address", async () => {
    const marker = unique("m").replace(/[^a-z0-9]/gi, "");
    const hostile = [
      `a-${marker}@example.kz, b-${marker}@example.kz; c-${marker}@example.kz`,
      `a-${marker}@example.kz\r\nBcc: d-${marker}@example.kz`,
      `a-${marker}@example.kz b-${marker}@example.kz`,
      "",
      "   ",
      `${"x".repeat(5_000)}-${marker}@example.kz`,
      `a-${marker}\u0000@example.kz`,
      `${"y".repeat(3 * 1024 * 1024)}-${marker}@example.kz`,
    ];
    for (const email of hostile) {
      const response = await askForLink(email);
      expect(response.status, JSON.stringify(email.slice(0, 60))).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("validation");
    }
    expect(await outboxFor(marker)).toEqual([]);

    // One good address: one message, to it alone.
    const good = await askForLink(`Good-${marker}@Example.kz`);
    expect(good.status).toBe(302);
    const sent = await outboxFor(marker);
    expect(sent.map((m) => m.toAddress)).toEqual([`good-${marker}@example.kz`]);
  });

  it("answers a body that is not a form with 400, not 500", async () => {
    const response = await POST(
      new NextRequest(`${BASE}/api/auth/signin/email`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"email":"a@b.kz"}' }),
    );
    expect(response.status).toBe(400);
  });
});

describe("a signed-in person's session", () => {
  it("is described to the page without the session token", async () => {
    const user = await createUser();
    const sessionToken = unique("session-token");
    await getDb().insert(sessions).values({ sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) });
    const response = await GET(new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie: `authjs.session-token=${sessionToken}` } }));
    const text = await response.text();
    expect(JSON.parse(text).user).toEqual({ id: user.id, name: user.name, email: user.email });
    expect(text).not.toContain(sessionToken);
    expect(text).not.toContain("sessionToken");
  });
});

describe("a visitor sent to someone else's sign-in link", () => {
  async function attackersLink(): Promise<{ token: string; email: string }> {
    const email = `attacker-${unique("a").replace(/[^a-z0-9]/gi, "")}@example.kz`;
    expect((await askForLink(email)).status).toBe(302);
    const [message] = await getDb().select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    const url = new URL(`${message.textBody ?? ""} ${JSON.stringify(message.params ?? {})}`.match(/https?:\/\/[^\s"]+/)![0]);
    expect(url.pathname).toBe("/sign-in/confirm");
    expect(url.searchParams.get("callbackUrl")).toBe("/petitions");
    return { token: url.searchParams.get("token")!, email };
  }
  const signedIn = (response: Response) => response.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="));

  it("is not signed in by opening the callback, only shown the confirmation page", async () => {
    const { token, email } = await attackersLink();
    const opened = await GET(new NextRequest(`${BASE}/api/auth/callback/email?token=${token}&email=${encodeURIComponent(email)}`));
    expect(signedIn(opened)).toBe(false);
    expect(opened.status).toBe(303);
    expect(new URL(opened.headers.get("location")!).pathname).toBe("/sign-in/confirm");
  });

  it("is not signed in by another site's form posting the link, but is by our confirmation page's button", async () => {
    const { token, email } = await attackersLink();
    const post = (origin: string | null) =>
      POST(
        new NextRequest(`${BASE}/api/auth/callback/email`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", host: "localhost:3000", ...(origin ? { origin } : {}) },
          body: new URLSearchParams({ token, email, callbackUrl: "/\t/evil.example" }),
        }),
      );
    for (const origin of ["https://evil.example", "null", null]) {
      const refused = await post(origin);
      expect(refused.status).toBe(403);
      expect(signedIn(refused)).toBe(false);
    }
    const confirmed = await post(BASE);
    expect(signedIn(confirmed)).toBe(true);
    // …and lands on this site, whatever the link said.
    expect(confirmed.headers.get("location")).toBe("/");
  });
});
