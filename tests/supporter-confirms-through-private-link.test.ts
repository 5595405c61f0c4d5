import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { startHotPathServer, type HotPathServer } from "./support/hot-path-server";
import { signatures } from "@/db/schema";
import { createHotPath, type HotPath } from "@/lib/petitions/hot-path/hot-path-services";
import { confirmSignature } from "@/lib/petitions/confirm-signature";
import { hidePetition } from "@/lib/petitions/hide-petition";
import { listPetitions } from "@/lib/petitions/list-petitions";
import { loadPetitionPageData } from "@/lib/petitions/petition-page-data";
import { signPetition } from "@/lib/petitions/sign-petition";
import { signatureToken } from "@/lib/petitions/tokens";
import { withdrawSignature } from "@/lib/petitions/withdraw-signature";
import { refusal } from "./support/domain-errors";
import { actorFor, aModerator, createUser } from "./support/factories";
import { forcePetition, signatureInput, submittedPetition } from "./support/petitions";

// A supporter who signs through a petition's private link, from the e-mail's confirm button to
// the page after it — while the petition gathers support and once it awaits moderation — and a
// signed-in signer who comes back to the page.

const db = () => getDb();
const isPglite = !process.env.DATABASE_URL;

let server: HotPathServer;
let hot: HotPath;
let base: string;

beforeAll(async () => {
  hot = createHotPath({ db: db(), maxConcurrent: isPglite ? 1 : 2 });
  server = await startHotPathServer(hot, db());
  base = server.base;
});

afterAll(async () => {
  await server.close();
  await hot.close();
});

async function supporterSigns(petition: { id: string; number: number; supportToken: string }, email = signatureInput().email) {
  const input = signatureInput({ email });
  await signPetition({ db: db(), actor: null, petitionNumber: petition.number, supportToken: petition.supportToken, input, ip: "203.0.113.61", locale: "en" });
  const [row] = await db().select().from(signatures).where(and(eq(signatures.petitionId, petition.id), eq(signatures.email, input.email)));
  return row;
}

/** Presses "Confirm my signature" as the page's form does, and returns where the browser is sent. */
async function pressConfirm(signatureId: number) {
  const answer = await fetch(`${base}/api/v1/signatures/${signatureId}/confirm`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ t: signatureToken(signatureId, "confirm") }),
    redirect: "manual",
  });
  expect(answer.status).toBe(303);
  return new URL(answer.headers.get("location")!, "http://birge.test");
}

describe("a supporter confirms through the private link", () => {
  it("lands on the private page, told they are supporter N of the threshold", async () => {
    const { petition } = await submittedPetition();
    const first = await supporterSigns(petition);
    const second = await supporterSigns(petition);
    const landing = await pressConfirm(first.id);
    expect(landing.pathname).toBe(`/petitions/${petition.number}`);
    expect(landing.searchParams.get("support")).toBe(petition.supportToken);
    expect(landing.searchParams.get("signed")).toBe("confirmed");
    expect(landing.searchParams.get("supporter")).toBe("1");
    expect((await pressConfirm(second.id)).searchParams.get("supporter")).toBe("2");
    // The page at that address exists for whoever holds it.
    const page = await loadPetitionPageData({ db: db(), number: petition.number, supportToken: landing.searchParams.get("support") });
    expect(page?.progress).toEqual({ kind: "support", value: 2, target: 50 });
    // Pressing again keeps the private link, without a new place.
    const again = await pressConfirm(first.id);
    expect(again.searchParams.get("signed")).toBe("already_confirmed");
    expect(again.searchParams.get("support")).toBe(petition.supportToken);
    expect(again.searchParams.has("supporter")).toBe(false);
    // A JSON client is not handed the private link's secret.
    const json = await fetch(`${base}/api/v1/signatures/${first.id}/confirm`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ t: signatureToken(first.id, "confirm") }),
    });
    expect(await json.json()).toEqual({ petitionNumber: petition.number, result: "already_confirmed" });
  });

  it("sends an open petition's signer to its public page, without any secret", async () => {
    const { petition } = await submittedPetition();
    const signer = await supporterSigns(petition);
    await forcePetition(petition.id, { state: "open", openedAt: new Date(), responseThreshold: 1000 });
    const landing = await pressConfirm(signer.id);
    expect(`${landing.pathname}${landing.search}`).toBe(`/petitions/${petition.number}?signed=confirmed`);
  });
});

describe("a petition with its supporters awaits moderation", () => {
  it("shows the creator, its supporters and the private link's holders that moderators are checking it, by a working day", async () => {
    const { petition, creator } = await submittedPetition();
    await forcePetition(petition.id, { supportThreshold: 1 });
    const supporter = await supporterSigns(petition);
    const landing = await pressConfirm(supporter.id);
    expect(landing.searchParams.get("support")).toBe(petition.supportToken);
    expect(landing.searchParams.get("supporter")).toBe("1");

    const viaLink = await loadPetitionPageData({ db: db(), number: petition.number, supportToken: petition.supportToken });
    expect(viaLink?.petition.state).toBe("awaiting_moderation");
    expect(viaLink?.privately).toBe(true);
    expect(viaLink?.signing.open).toBe(false);
    expect(viaLink?.petition.moderationDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const dueDay = new Date(`${viaLink!.petition.moderationDueOn}T12:00:00Z`).getUTCDay();
    expect([0, 6]).not.toContain(dueDay);

    expect(await loadPetitionPageData({ db: db(), number: petition.number, viewer: { id: creator.id, email: creator.email } })).not.toBeNull();
    expect(await loadPetitionPageData({ db: db(), number: petition.number, viewer: { id: "someone", email: supporter.email.toUpperCase() } })).not.toBeNull();
    // Not public: a stranger, signed in or not, and a wrong link see nothing; the lists leave it out.
    const stranger = await actorFor((await createUser()).id);
    expect(await loadPetitionPageData({ db: db(), number: petition.number })).toBeNull();
    expect(await loadPetitionPageData({ db: db(), number: petition.number, supportToken: "wrong" })).toBeNull();
    expect(await loadPetitionPageData({ db: db(), number: petition.number, viewer: { id: stranger.id, email: stranger.email } })).toBeNull();
    const listed = await listPetitions(db(), { q: petition.title, sort: "newest", page: 1, perPage: 20 } as Parameters<typeof listPetitions>[1]);
    expect(listed.items.map((item) => item.number)).not.toContain(petition.number);
  });
});

describe("a refused confirmation says why", () => {
  it("names a withdrawn signature, an invalidated one, a closed petition and a hidden one, and keeps the link's token", async () => {
    const { petition } = await submittedPetition();
    const withdrawn = await supporterSigns(petition);
    await withdrawSignature({ db: db(), signatureId: withdrawn.id, token: signatureToken(withdrawn.id, "withdraw") });
    const refused = await pressConfirm(withdrawn.id);
    expect(refused.pathname).toBe(`/signatures/${withdrawn.id}/confirm`);
    expect(refused.searchParams.get("error")).toBe("signatureWithdrawn");
    expect(refused.searchParams.get("t")).toBe(signatureToken(withdrawn.id, "confirm"));

    const invalidated = await supporterSigns(petition);
    await db().update(signatures).set({ state: "invalidated", invalidatedAt: new Date() }).where(eq(signatures.id, invalidated.id));
    expect((await refusal(confirmSignature({ db: db(), signatureId: invalidated.id, token: signatureToken(invalidated.id, "confirm") }))).message).toBe(
      "signatureInvalidated",
    );

    const pending = await supporterSigns(petition);
    await forcePetition(petition.id, { state: "closed", closedAt: new Date() });
    expect((await refusal(confirmSignature({ db: db(), signatureId: pending.id, token: signatureToken(pending.id, "confirm") }))).message).toBe("petitionClosed");
    await forcePetition(petition.id, { state: "open" });
    await hidePetition({ db: db(), actor: await aModerator(), petitionId: petition.id, reason: "Calls for violence against a named person" });
    expect((await pressConfirm(pending.id)).searchParams.get("error")).toBe("petitionHidden");
    // A link that is not genuine is still "not valid".
    expect((await refusal(confirmSignature({ db: db(), signatureId: pending.id, token: "forged" }))).message).toBe("signatureLinkInvalid");
  });
});

describe("a signed-in signer comes back", () => {
  it("is shown their own counted signature with its day, and a pending one is not taken for it", async () => {
    const { petition } = await submittedPetition();
    await forcePetition(petition.id, { state: "open", openedAt: new Date(), responseThreshold: 1000 });
    const user = await createUser({ verified: true });
    const actor = await actorFor(user.id);
    const viewer = { id: actor.id, email: actor.email };
    expect((await loadPetitionPageData({ db: db(), number: petition.number, viewer }))?.mySignature).toBeNull();
    const now = new Date("2026-11-20T09:00:00Z");
    await signPetition({ db: db(), actor, petitionNumber: petition.number, input: signatureInput({ email: actor.email }), ip: "203.0.113.62", locale: "en", now });
    const mine = (await loadPetitionPageData({ db: db(), number: petition.number, viewer }))?.mySignature;
    expect(mine?.confirmedAt.toISOString()).toBe(now.toISOString());
    // Someone else's view of the same page carries no signature.
    expect((await loadPetitionPageData({ db: db(), number: petition.number }))?.mySignature).toBeNull();
    await withdrawSignature({ db: db(), signatureId: mine!.id, token: signatureToken(mine!.id, "withdraw") });
    expect((await loadPetitionPageData({ db: db(), number: petition.number, viewer }))?.mySignature).toBeNull();
  });
});
