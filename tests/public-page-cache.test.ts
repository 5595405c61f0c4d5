import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createPublicPageCache, PUBLIC_PAGE_CACHE_CONTROL } from "@/lib/petitions/hot-path/public-page-cache";

// The origin's micro-cache of the public pages (home, petition list, petition), over real HTTP. The page renderer is a
// stand-in for Next's handler (what it renders does not matter here, only how often it runs):
// it answers after a few milliseconds, like a render, and says which render produced the page.

let server: Server | null = null;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

async function serve(options: { keepMs: number; now?: () => number; answer?: (req: IncomingMessage, res: ServerResponse, render: number) => void }) {
  const handlePublicPage = createPublicPageCache({ keepMs: options.keepMs, now: options.now });
  let renders = 0;
  server = createServer((req, res) => {
    handlePublicPage(req, res, () => {
      const render = ++renders;
      setTimeout(() => {
        if (options.answer) return options.answer(req, res, render);
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "x-frame-options": "DENY" });
        res.end(`<html><body>render ${render} of ${req.url}</body></html>`);
      }, 20);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  return { base, renders: () => renders };
}

describe("the public pages at the origin, for a crowd of viewers", () => {
  it("renders once for a crowd arriving together, and serves that page to everyone, with its headers and ETag", async () => {
    const { base, renders } = await serve({ keepMs: 500 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/petitions/7`)));
    const bodies = await Promise.all(answers.map((a) => a.text()));
    expect(renders()).toBe(1);
    expect(new Set(bodies)).toEqual(new Set(["<html><body>render 1 of /petitions/7</body></html>"]));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get("cache-control")).toBe(PUBLIC_PAGE_CACHE_CONTROL);
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
      expect(answer.headers.get("etag")).toMatch(/^W\/"/);
    }
    // A viewer who has it answers 304 from the kept page.
    const again = await fetch(`${base}/petitions/7`, { headers: { "if-none-match": answers[0].headers.get("etag")! } });
    expect(again.status).toBe(304);
    expect(renders()).toBe(1);
  });

  it("renders again once the page is older than the keeping time, so the count it shows moves on", async () => {
    let clock = 1_000;
    const { base, renders } = await serve({ keepMs: 500, now: () => clock });
    expect(await (await fetch(`${base}/petitions/7`)).text()).toContain("render 1");
    clock += 499;
    expect(await (await fetch(`${base}/petitions/7`)).text()).toContain("render 1");
    clock += 1;
    expect(await (await fetch(`${base}/petitions/7`)).text()).toContain("render 2");
    expect(renders()).toBe(2);
  });

  it("keeps a page per language and per address, and never shares a signed-in viewer's page", async () => {
    const { base, renders } = await serve({ keepMs: 60_000 });
    const kazakh = await (await fetch(`${base}/petitions/7`, { headers: { "accept-language": "kk" } })).text();
    const russian = await (await fetch(`${base}/petitions/7`, { headers: { cookie: "NEXT_LOCALE=ru" } })).text();
    const other = await (await fetch(`${base}/petitions/8`, { headers: { "accept-language": "kk" } })).text();
    expect(new Set([kazakh, russian, other]).size).toBe(3);
    expect(renders()).toBe(3);
    // The same page asked for uncompressed is kept apart from the one Next would have gzipped.
    await fetch(`${base}/petitions/8`, { headers: { "accept-language": "kk", "accept-encoding": "identity" } });
    expect(renders()).toBe(4);
    const signedIn = await fetch(`${base}/petitions/7`, { headers: { "accept-language": "kk", cookie: "authjs.session-token=abc" } });
    expect(await signedIn.text()).toContain("render 5");
    expect(signedIn.headers.get("cache-control")).toBeNull();
    // Other pages are not the cache's business.
    await fetch(`${base}/agencies`);
    await fetch(`${base}/agencies`);
    await fetch(`${base}/petitions/new`);
    await fetch(`${base}/petitions/new`);
    expect(renders()).toBe(9);
  });

  it("keeps the home page and each address of the petition list too, where a crowd also lands", async () => {
    const { base, renders } = await serve({ keepMs: 60_000 });
    for (const address of ["/", "/petitions", "/petitions?q=budget&page=2"]) {
      const crowd = await Promise.all(Array.from({ length: 5 }, () => fetch(`${base}${address}`)));
      expect(new Set(await Promise.all(crowd.map((a) => a.text())))).toEqual(new Set([`<html><body>render ${renders()} of ${address}</body></html>`]));
      expect(crowd[0].headers.get("cache-control")).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    }
    expect(renders()).toBe(3);
    // Another search is another page.
    expect(await (await fetch(`${base}/petitions?q=water`)).text()).toContain("render 4");
  });

  it("keeps nothing that is not a plain 200: a missing petition is rendered for each viewer and goes out private", async () => {
    const { base, renders } = await serve({
      keepMs: 60_000,
      answer: (_req, res) => {
        res.writeHead(404, { "content-type": "text/html" });
        res.end("<html><body>No such petition</body></html>");
      },
    });
    const answers = await Promise.all(Array.from({ length: 3 }, () => fetch(`${base}/petitions/999999`)));
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404]);
    expect(answers[0].headers.get("cache-control")).toContain("private");
    expect(renders()).toBe(3);
  });

  it("never shares or lets a CDN keep a petition page opened through its creator's private support link", async () => {
    const { base, renders } = await serve({ keepMs: 60_000 });
    const first = await fetch(`${base}/petitions/7?support=secret-token`);
    const second = await fetch(`${base}/petitions/7?lang=kk&support=secret-token`);
    expect(await first.text()).toContain("render 1");
    expect(await second.text()).toContain("render 2");
    for (const answer of [first, second]) {
      expect(answer.headers.get("cache-control")).toMatch(/private/);
      expect(answer.headers.get("cache-control")).toMatch(/no-store/);
    }
    // The plain page is still kept for the crowd.
    await fetch(`${base}/petitions/7`);
    await fetch(`${base}/petitions/7`);
    expect(renders()).toBe(3);
  });
});
