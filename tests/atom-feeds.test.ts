// The Atom feeds, read as a feed reader would: the XML must parse, carry the entries people
// expect, answer 404 for what does not exist or is not public, and 4xx for hostile queries.
import { describe, expect, it, beforeAll } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { getDb } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { GET as petitionsFeed } from "@/app/feeds/petitions.atom/route";
import { GET as agencyFeed } from "@/app/feeds/agencies/[slug]/route";
import { GET as activityFeed } from "@/app/feeds/activities/[number]/route";
import { renderAtom } from "@/lib/feeds/atom";
import { cast, draftActivity } from "./support/public-control-activities";
import { onADatabaseOfItsOwn } from "./support/database-of-its-own";

// The demo data as a first-time visitor meets it: on a database no other test file has filled.
onADatabaseOfItsOwn("atom_feeds");

const BASE = "http://localhost:3000";
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "entry" || name === "link" });

type Entry = { id: string; title: string; updated: string; link: Array<{ "@href": string }>; summary?: string };

async function atom(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const { feed } = parser.parse(xml) as { feed: { "@xmlns": string; "@xml:lang": string; id: string; title: string; updated: string; entry?: Entry[] } };
  expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  for (const field of [feed.id, feed.title, feed.updated]) expect(String(field)).not.toBe("");
  const entries = feed.entry ?? [];
  for (const entry of entries) {
    expect(entry.id).toMatch(/^http:\/\//);
    expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
    expect(entry.link[0]["@href"]).toMatch(/^http:\/\/.+\/(petitions|activities)\/\d+/);
  }
  // Newest first.
  const times = entries.map((entry) => Date.parse(entry.updated));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  return { feed, entries };
}

const agency = (slug: string, query = "") => agencyFeed(new Request(`${BASE}/feeds/agencies/${encodeURIComponent(slug)}${query}`), { params: Promise.resolve({ slug }) });
const activity = (number: string, query = "") => activityFeed(new Request(`${BASE}/feeds/activities/${encodeURIComponent(number)}${query}`), { params: Promise.resolve({ number }) });

describe("Atom feeds for people who follow Birge in a feed reader", () => {
  beforeAll(async () => {
    await seedDemoData(getDb());
  });

  it("lists newly opened and newly answered petitions, in the language asked for", async () => {
    const { feed, entries } = await atom(await petitionsFeed(new Request(`${BASE}/feeds/petitions.atom?lang=en`)));
    expect(feed["@xml:lang"]).toBe("en");
    expect(entries.some((entry) => /^Petition No\. \d+ is open for signatures: /.test(entry.title))).toBe(true);
    expect(entries.some((entry) => /^Petition No\. \d+ has been answered: /.test(entry.title))).toBe(true);
    expect(entries.some((entry) => entry.title.includes("Dismiss the minister of transport"))).toBe(false);
    const russian = await atom(await petitionsFeed(new Request(`${BASE}/feeds/petitions.atom?lang=ru`)));
    expect(russian.entries.some((entry) => entry.title.startsWith("Петиция №"))).toBe(true);
  });

  it("lists an agency's answers and what it has left overdue", async () => {
    const almaty = await atom(await agency("akimat-almaty.atom", "?lang=en"));
    expect(almaty.entries.some((entry) => entry.title.startsWith("Answer to petition No.") && entry.title.includes("Medeu trail"))).toBe(true);
    const astana = await atom(await agency("akimat-astana.atom", "?lang=en"));
    expect(astana.feed.title).toContain("Akimat of Astana");
  });

  it("lists one activity's public steps, newest first", async () => {
    const list = await (await import("@/app/api/v1/activities/route")).GET(new Request(`${BASE}/api/v1/activities`));
    const number = ((await list.json()) as { data: Array<{ number: number }> }).data[0].number;
    const { entries } = await atom(await activity(`${number}.atom`, "?lang=en"));
    expect(entries.map((entry) => entry.title)).toContain("Final document sent to the state body");
  });

  it("answers 404 for unknown agencies and activities, and for someone's draft", async () => {
    const { agency: akimat, owner, organization } = await cast();
    const draft = await draftActivity({ actor: owner, agencyId: akimat.id, organizationId: organization.id });
    for (const response of [
      await agency("no-such-agency.atom"),
      await agency("akimat-astana"),
      await agency("../../etc/passwd.atom"),
      await agency("AKIMAT-ASTANA.atom"),
      await activity("999999999.atom"),
      await activity(`${draft.number}.atom`),
      await activity("0.atom"),
      await activity("1e3.atom"),
      await activity("-1.atom"),
    ]) {
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    }
  });

  it("refuses hostile or unknown query parameters with a 400, never a 500", async () => {
    for (const query of ["?lang=de", "?lang=en&lang=ru", "?page=2", "?lang=%00", "?lang=<script>", "?q='%20or%201=1"]) {
      expect((await petitionsFeed(new Request(`${BASE}/feeds/petitions.atom${query}`))).status, query).toBe(400);
      expect((await agency("akimat-astana.atom", query)).status, query).toBe(400);
    }
  });

  it("keeps the XML well formed whatever a petition's text holds", () => {
    const xml = renderAtom({
      id: "http://x/feed",
      title: 'Roads & "bridges" <b>now</b>',
      self: "http://x/feed",
      alternate: "http://x/",
      language: "en",
      author: "Birge",
      fallbackUpdated: new Date("2026-01-01T00:00:00Z"),
      entries: [{ id: "http://x/1", title: "a\u0000b\u0007c]]>", link: "http://x/1?a=1&b=2", updated: new Date("2026-02-01T00:00:00Z"), summary: "\uD800 lone" }],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml) as { feed: { title: string; entry: Entry[] } };
    expect(feed.title).toBe('Roads & "bridges" <b>now</b>');
    expect(feed.entry[0].title).toBe("abc]]>");
  });
});
