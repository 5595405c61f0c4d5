import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { startHotPathServer, type HotPathServer } from "./support/hot-path-server";
import { signatures } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { createHotPath, type HotPath } from "@/lib/petitions/hot-path/hot-path-services";
import { loadPetitionPageData } from "@/lib/petitions/petition-page-data";
import { petitionByNumber } from "@/lib/petitions/load-petition";
import { loadPetitionForReview } from "@/lib/petitions/moderation-queue";
import { signPetition } from "@/lib/petitions/sign-petition";
import { signatureToken } from "@/lib/petitions/tokens";
import { activityByNumber } from "@/lib/public-control/load-activity";
import { aModerator, createAgency, ensureRegion, unique } from "./support/factories";
import { draftPetition, forcePetition, signatureInput } from "./support/petitions";

// Hostile requests on the batched signing path: whatever one request carries, it is refused
// alone (4xx) and never fails the batch it would have shared with honest signers.

const db = () => getDb();
const isPglite = !process.env.DATABASE_URL;
const BEYOND_INT4 = 2_147_483_648;

async function openPetition() {
  const region = await ensureRegion();
  const agency = await createAgency({ level: "city_akimat", regionCode: region });
  const { petition } = await draftPetition({ agencyId: agency.id });
  return forcePetition(petition.id, { state: "open", responseThreshold: 100_000, responseWorkingDays: 20, openedAt: new Date() });
}

/** An honest signer's body, with an address (and e-mail domain) of their own. */
function honestBody() {
  const name = unique("h");
  return { ...signatureInput({ email: `${name}@${name}.example.kz` }), consent: true };
}

let server: HotPathServer;
let hot: HotPath;
let port: number;
let nextAddress = 0;

/**
 * Each request from its own loopback address (127.x.y.z), as distinct people on their own
 * connections: the per-address rate limit then counts each one, never the test's crowd.
 */
function send(method: string, path: string, body: string, contentType = "application/json"): Promise<{ status: number; json: unknown }> {
  const n = ++nextAddress;
  const localAddress = `127.${(n >> 14) & 255 || 1}.${(n >> 7) & 127}.${(n & 127) + 1}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port, method, path, localAddress, agent: false, headers: { "content-type": contentType, "content-length": Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const signPath = (number: number | string) => `/api/v1/petitions/${number}/signatures`;

/** Which of these addresses have a signature on the petition. */
async function storedEmails(petitionId: string, emails: string[]) {
  const rows = await db()
    .select({ email: signatures.email })
    .from(signatures)
    .where(and(eq(signatures.petitionId, petitionId), inArray(signatures.email, emails)));
  return rows.map((r) => r.email);
}

beforeAll(async () => {
  // Batches gather for 20 ms: the requests of one burst share a batch, as in a crowd.
  hot = createHotPath({ db: db(), maxConcurrent: isPglite ? 1 : 2, maxWaitMs: 20 });
  server = await startHotPathServer(hot, db());
  port = server.port;
});

afterAll(async () => {
  await server.close();
  await hot.close();
});

describe("a crowd signs while someone sends what the database cannot store", () => {
  it("stores twenty neighbours who sign beside a name with a lone surrogate, and refuses that one alone with a 400", async () => {
    const petition = await openPetition();
    const honest = Array.from({ length: 20 }, honestBody);
    // JSON.stringify writes the lone half as the escape "\ud800", as a hostile client would.
    const hostile = JSON.stringify({ ...honestBody(), fullName: "Dana \ud800 Seitkali" });
    const answers = await Promise.all([
      ...honest.slice(0, 10).map((body) => send("POST", signPath(petition.number), JSON.stringify(body))),
      send("POST", signPath(petition.number), hostile),
      ...honest.slice(10).map((body) => send("POST", signPath(petition.number), JSON.stringify(body))),
    ]);
    const bad = answers.splice(10, 1)[0];
    expect(answers.map((a) => a.status)).toEqual(honest.map(() => 202));
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { code: "validation", fieldErrors: { fullName: ["controlCharacters"] } } });
    const emails = honest.map((b) => b.email);
    expect((await storedEmails(petition.id, emails)).sort()).toEqual([...emails].sort());
  });

  it("stores ten neighbours who sign beside a petition number beyond int4, which alone gets a 404", async () => {
    const petition = await openPetition();
    const honest = Array.from({ length: 10 }, honestBody);
    const answers = await Promise.all([
      ...honest.slice(0, 5).map((body) => send("POST", signPath(petition.number), JSON.stringify(body))),
      send("POST", signPath(BEYOND_INT4), JSON.stringify(honestBody())),
      send("POST", signPath("99999999999999999999"), JSON.stringify(honestBody())),
      ...honest.slice(5).map((body) => send("POST", signPath(petition.number), JSON.stringify(body))),
    ]);
    const bad = answers.splice(5, 2);
    expect(answers.map((a) => a.status)).toEqual(honest.map(() => 202));
    expect(bad.map((a) => a.status)).toEqual([404, 404]);
    const emails = honest.map((b) => b.email);
    expect((await storedEmails(petition.id, emails)).sort()).toEqual([...emails].sort());
  });

  it("splits a batch the database refused until the one request it could not store is found: the others commit", async () => {
    const petition = await openPetition();
    const path = createHotPath({ db: db(), maxConcurrent: 1, maxWaitMs: 50, maxBatchSize: 20 });
    // A caller that skipped the schema: only the database can refuse this name.
    const requests = Array.from({ length: 20 }, (_, i) => ({
      petitionNumber: petition.number,
      input: signatureInput({ email: `${unique("split")}@example.kz`, ...(i === 13 ? { fullName: "Aru \ud800" } : {}) }),
      ip: `198.51.100.${i + 1}`,
      locale: "en" as const,
      actor: null,
    }));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const settled = await Promise.allSettled(requests.map((r) => path.sign(r)));
    logged.mockRestore();
    await path.close();
    const refused = settled[13];
    expect(refused.status === "rejected" && isDomainError(refused.reason) && refused.reason.code).toBe("validation");
    settled.splice(13, 1);
    expect(settled.every((s) => s.status === "fulfilled" && s.value.outcome === "check_email")).toBe(true);
    expect(path.stats().signing).toMatchObject({ batches: 1 });
    expect(path.stats().signing.splits).toBeGreaterThan(0);
    const stored = await db().select({ email: signatures.email }).from(signatures).where(eq(signatures.petitionId, petition.id));
    expect(stored.map((r) => r.email).sort()).toEqual(requests.filter((_, i) => i !== 13).map((r) => r.input.email).sort());
  });

  it("answers a number beyond int4 as 'no such petition' on the one-request path and the pages, never with a database error", async () => {
    await ensureRegion();
    expect(await petitionByNumber(db(), BEYOND_INT4)).toBeNull();
    expect(await activityByNumber(db(), BEYOND_INT4)).toBeNull();
    expect(await loadPetitionPageData({ db: db(), number: BEYOND_INT4 })).toBeNull();
    expect(await loadPetitionForReview(db(), { actor: await aModerator(), number: BEYOND_INT4 })).toBeNull();
    const attempt = signPetition({ db: db(), actor: null, petitionNumber: BEYOND_INT4, input: signatureInput(), ip: "203.0.113.9", locale: "en" });
    const error = await attempt.then(() => null, (caught: unknown) => caught);
    expect(isDomainError(error) && error.code).toBe("not_found");
  });
});

// ---------------------------------------------------------------------------------------------
// The property: arbitrary values in every field of the sign and confirm bodies and URLs.

/** Strings a hostile client sends: any UTF-16 (lone surrogates included), NUL and controls, huge ones. */
const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\u0001", "\u001b", "\u007f", "\ud800", "\udfff", "\u202e", "a", "Ә", "😀"), maxLength: 12 }),
  fc.constantFrom("\ud800", "\udc00x", "x\u0000y", "'; drop table signatures; --", "<script>alert(1)</script>", "=HYPERLINK(\"x\")"),
  fc.integer({ min: 1, max: 40_000 }).map((n) => "Ж".repeat(n)),
);
/** Numbers and number-like strings: huge, negative, fractions, NaN-ish. */
const hostileNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.bigInt({ min: 2n ** 31n, max: 2n ** 80n }).map((n) => Number(n)),
  fc.constantFrom(-1, 0, 0.5, 2_147_483_648, 9_223_372_036_854_775_808, Number.MAX_VALUE, "NaN", "Infinity", "-0", "1e309", "0x10"),
);
const hostileValue = fc.oneof(hostileString, hostileNumber, fc.constantFrom(null, true, false, [], {}, ["a"], { a: 1 }));

const SIGN_FIELDS = ["fullName", "email", "regionCode", "iin", "nameDisplay", "consent", "notify", "supportToken"] as const;
/** Values that make a field certainly invalid (its schema or the checks refuse it). */
const poison: Record<(typeof SIGN_FIELDS)[number], fc.Arbitrary<unknown>> = {
  fullName: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom("Dana \ud800", "\udfff Aru", "Aru \udc00\ud800 Seit") },
    { weight: 1, arbitrary: fc.constantFrom("Aru\u0000", "A\u001bru", "x", null, 7, 1e21) },
    { weight: 1, arbitrary: fc.integer({ min: 101, max: 20_000 }).map((n) => "Ә".repeat(n)) },
  ),
  email: fc.oneof(hostileNumber, fc.constantFrom("a\u0000@x.kz", "\ud800@x.kz", "not-an-address", "", null, ["a@b.kz"])),
  regionCode: fc.oneof(fc.constantFrom("test-region\u0000", "\ud800", "no-such-region", "", null, 12), hostileNumber),
  iin: fc.oneof(fc.constantFrom("92102935085\u0000", "\ud800", "123", "9210293508511"), fc.integer().map(String)),
  nameDisplay: fc.oneof(hostileString.filter((s) => !["initials", "full", "hidden", "anonymous"].includes(s)), hostileNumber),
  consent: fc.oneof(fc.constantFrom(false, "false", "off", 0, 1, null, "\u0000"), hostileNumber),
  notify: fc.constantFrom("\ud800"), // notify is a flag: any value is read as true or false; only a batch-level check sees it
  supportToken: fc.constantFrom("\ud800", "tok\u0000en", "\u0007"),
};

/**
 * One hostile sign request: a poisoned field (or number in the URL), other fields honest or
 * arbitrary. Poisons that only the database would have refused (a lone surrogate, a number past
 * int4 but within JS's safe integers) come up most often: they are the ones that reach a batch.
 */
const hostileSign = fc.record({
  poisoned: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom("fullName" as const, "number" as const, "supportToken" as const) },
    { weight: 2, arbitrary: fc.constantFrom(...SIGN_FIELDS.filter((f) => f !== "notify")) },
  ),
  others: fc.option(fc.dictionary(fc.constantFrom(...SIGN_FIELDS), hostileValue, { maxKeys: 3 }), { freq: 2, nil: {} }),
  number: fc.oneof(
    fc.bigInt({ min: 2n ** 31n, max: 2n ** 53n }).map(String),
    fc.bigInt({ min: 2n ** 53n, max: 2n ** 90n }).map(String),
    fc.integer({ max: 0 }).map(String),
    fc.double().map(String),
    fc.constantFrom("NaN", "Infinity", "1e3", "0x10", "-0", "2147483648", "4294967296"),
  // A plain number within int4 could name a real petition: that one is not hostile.
  ).filter((raw) => !/^[1-9]\d*$/.test(raw) || Number(raw) > 2_147_483_647),
}).chain((request) =>
  (request.poisoned === "number" ? fc.constant<unknown>(undefined) : poison[request.poisoned]).map((poisonValue: unknown) => ({ ...request, poisonValue })),
);

/** One hostile confirm request: an id that cannot be a signature's, or a token that is not one. */
const hostileConfirm = fc.record({
  id: fc.oneof(
    fc.bigInt({ min: 2n ** 53n, max: 2n ** 80n }).map(String),
    fc.constantFrom("9223372036854775808", "0", "1.5", "NaN", "-1", "1e3"),
    fc.integer({ min: 1, max: 2 ** 31 }).map(String),
  ),
  body: fc.oneof(
    hostileValue.map((t) => JSON.stringify({ t })),
    fc.json(),
    hostileString,
  ),
  contentType: fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain"),
});

describe("whatever a stranger sends, no honest signer is refused because of it", () => {
  it("commits every honest signature and confirmation of a burst, and answers each hostile request with a 4xx", async () => {
    const petition = await openPetition();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(hostileSign, { minLength: 1, maxLength: 5 }), fc.array(hostileConfirm, { maxLength: 3 }), async (signs, confirms) => {
        runs++;
        // Two pending signatures whose people confirm in the same burst.
        const toConfirm = [honestBody(), honestBody()];
        for (const body of toConfirm) expect((await send("POST", signPath(petition.number), JSON.stringify(body))).status).toBe(202);
        const pending = await db().select({ id: signatures.id }).from(signatures).where(inArray(signatures.email, toConfirm.map((b) => b.email)));
        const honest = Array.from({ length: 4 }, honestBody);

        const hostileRequests = signs.map((s) => {
          const body: Record<string, unknown> = { ...honestBody(), ...s.others };
          if (s.poisoned !== "number") body[s.poisoned] = s.poisonValue;
          const number = s.poisoned === "number" ? encodeURIComponent(s.number) : petition.number;
          return send("POST", signPath(number), JSON.stringify(body));
        });
        const hostileConfirms = confirms.map((c) => send("POST", `/api/v1/signatures/${encodeURIComponent(c.id)}/confirm`, c.body, c.contentType));
        const honestSigns = honest.map((body) => send("POST", signPath(petition.number), JSON.stringify(body)));
        const honestConfirms = pending.map((row) =>
          send("POST", `/api/v1/signatures/${row.id}/confirm`, JSON.stringify({ t: signatureToken(row.id, "confirm") })),
        );
        const [hostileAnswers, confirmAnswers, signAnswers, confirmedAnswers] = await Promise.all([
          Promise.all(hostileRequests),
          Promise.all(hostileConfirms),
          Promise.all(honestSigns),
          Promise.all(honestConfirms),
        ]);

        expect(signAnswers.map((a) => a.status)).toEqual(honest.map(() => 202));
        expect(confirmedAnswers.map((a) => [a.status, (a.json as { result?: string }).result])).toEqual(pending.map(() => [200, "confirmed"]));
        for (const answer of hostileAnswers) expect(answer.status, JSON.stringify(answer.json)).toBeGreaterThanOrEqual(400);
        for (const answer of hostileAnswers) expect(answer.status, JSON.stringify(answer.json)).toBeLessThan(500);
        // A form post is answered with a redirect to the confirm page and its error; JSON with a 4xx;
        // a body over the confirm's limit with 413, whichever it is.
        for (const answer of confirmAnswers) expect([303, 400, 404, 413]).toContain(answer.status);
        const stored = await storedEmails(petition.id, honest.map((b) => b.email));
        expect(stored.sort()).toEqual(honest.map((b) => b.email).sort());
      }),
      { numRuns: 25, endOnFailure: true },
    );
    expect(runs).toBeGreaterThanOrEqual(25);
  });
});
