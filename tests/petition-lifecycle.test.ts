import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, mailMessages, petitions, signatures } from "@/db/schema";
import { updatePetition } from "@/lib/petitions/update-petition";
import { submitPetition } from "@/lib/petitions/submit-petition";
import { signPetition } from "@/lib/petitions/sign-petition";
import { confirmSignature } from "@/lib/petitions/confirm-signature";
import { withdrawSignature } from "@/lib/petitions/withdraw-signature";
import { readCount, readRegionCounts } from "@/lib/petitions/counts";
import { signatureToken } from "@/lib/petitions/tokens";
import { sweepThresholds } from "@/lib/petitions/reach-thresholds";
import { isDomainError } from "@/lib/errors";
import { mailContent } from "@/lib/mail/stored-mail";
import { siteUrl } from "@/lib/config";
import { codeOf } from "./support/domain-errors";
import { actorFor, addAgencyMember, createAgency, createUser, ensureRegion } from "./support/factories";
import { draftPetition, forcePetition, signatureInput, submittedPetition } from "./support/petitions";

const db = () => getDb();

async function sign(petitionNumber: number, supportToken?: string, overrides = {}) {
  const input = signatureInput(overrides);
  const result = await signPetition({ db: db(), actor: null, petitionNumber, supportToken, input, ip: "198.51.100.7", locale: "en" });
  const [row] = await db().select().from(signatures).where(eq(signatures.email, input.email));
  return { result, signature: row, input };
}

describe("a citizen starts a petition", () => {
  it("lets Dana edit her draft and submit it, after which it gathers support by a private link", async () => {
    await ensureRegion();
    const { petition, creator } = await draftPetition();
    expect(petition.state).toBe("draft");
    const edited = await updatePetition({
      db: db(),
      actor: creator,
      petitionId: petition.id,
      input: { title: "Light the park paths in Yesil district", request: petition.request, reasons: petition.reasons, agencyId: petition.agencyId, regionCode: null },
    });
    expect(edited.title).toBe("Light the park paths in Yesil district");
    const submitted = await submitPetition({ db: db(), actor: creator, petitionId: petition.id, now: new Date("2026-03-02T06:00:00Z") });
    expect(submitted.state).toBe("gathering_support");
    expect(submitted.supportThreshold).toBe(50);
    expect(submitted.supportDeadline).toBe("2026-03-17"); // 10 working days, 9 March is a holiday
    const mail = await db().select().from(mailMessages).where(and(eq(mailMessages.toAddress, creator.email), eq(mailMessages.template, "mailPetitions.submitted")));
    expect(mail[0].textBody).toContain(`support=${submitted.supportToken}`);
    const history = await db().select().from(events).where(eq(events.entityId, petition.id)).orderBy(events.id);
    expect(history.map((e) => e.action)).toEqual(["created", "submitted"]);
  });

  it("refuses another citizen editing or submitting Dana's draft, and Dana editing after submission", async () => {
    await ensureRegion();
    const { petition, creator } = await draftPetition();
    const stranger = await actorFor((await createUser()).id);
    const input = { title: "Something else entirely here", request: petition.request, reasons: petition.reasons, agencyId: petition.agencyId, regionCode: null };
    expect(await codeOf(updatePetition({ db: db(), actor: stranger, petitionId: petition.id, input }))).toBe("not_found");
    expect(await codeOf(submitPetition({ db: db(), actor: stranger, petitionId: petition.id }))).toBe("not_found");
    expect(await codeOf(updatePetition({ db: db(), actor: null, petitionId: petition.id, input }))).toBe("unauthenticated");
    await submitPetition({ db: db(), actor: creator, petitionId: petition.id });
    expect(await codeOf(updatePetition({ db: db(), actor: creator, petitionId: petition.id, input }))).toBe("invalid_transition");
    expect(await codeOf(submitPetition({ db: db(), actor: creator, petitionId: petition.id }))).toBe("invalid_transition");
    const [unchanged] = await db().select().from(petitions).where(eq(petitions.id, petition.id));
    expect(unchanged.title).toBe(petition.title);
  });
});

describe("supporters and signers", () => {
  it("counts a supporter only after they press confirm, and only once", async () => {
    await ensureRegion();
    const { petition } = await submittedPetition();
    const { result, signature } = await sign(petition.number, petition.supportToken);
    expect(result.outcome).toBe("check_email");
    expect(signature.state).toBe("pending");
    expect((await readCount(db(), petition.id)).confirmed).toBe(0);

    const token = signatureToken(signature.id, "confirm");
    await confirmSignature({ db: db(), signatureId: signature.id, token });
    await confirmSignature({ db: db(), signatureId: signature.id, token });
    expect((await readCount(db(), petition.id)).confirmed).toBe(1);
    expect(await readRegionCounts(db(), petition.id)).toEqual([{ regionCode: "test-region", confirmed: 1 }]);
  });

  it("refuses a confirm link with a wrong token or the withdraw token", async () => {
    await ensureRegion();
    const { petition } = await submittedPetition();
    const { signature } = await sign(petition.number, petition.supportToken);
    expect(await codeOf(confirmSignature({ db: db(), signatureId: signature.id, token: "forged" }))).toBe("not_found");
    expect(await codeOf(confirmSignature({ db: db(), signatureId: signature.id, token: signatureToken(signature.id, "withdraw") }))).toBe("not_found");
    expect((await readCount(db(), petition.id)).confirmed).toBe(0);
  });

  it("hides a gathering petition from anyone without the private link", async () => {
    await ensureRegion();
    const { petition } = await submittedPetition();
    const input = signatureInput();
    expect(await codeOf(signPetition({ db: db(), actor: null, petitionNumber: petition.number, input, ip: "x", locale: "en" }))).toBe("not_found");
    expect(await codeOf(signPetition({ db: db(), actor: null, petitionNumber: petition.number, supportToken: "guess", input, ip: "x", locale: "en" }))).toBe(
      "not_found",
    );
  });

  it("answers a second signature from the same person the same way, counts it once and mails the owner", async () => {
    await ensureRegion();
    const { petition } = await submittedPetition();
    // Unique per run, so a re-used database never holds this person already.
    const who = `arusembek${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const first = await sign(petition.number, petition.supportToken, { email: `Aru.Sembek${who.slice(9)}+petition@gmail.com` });
    await confirmSignature({ db: db(), signatureId: first.signature.id, token: signatureToken(first.signature.id, "confirm") });
    const again = await signPetition({
      db: db(),
      actor: null,
      petitionNumber: petition.number,
      supportToken: petition.supportToken,
      input: signatureInput({ email: `${who}@GMAIL.com` }),
      ip: "203.0.113.9",
      locale: "en",
    });
    expect(again.outcome).toBe("check_email");
    expect((await readCount(db(), petition.id)).confirmed).toBe(1);
    const notices = await db().select().from(mailMessages).where(and(eq(mailMessages.toAddress, `${who}@GMAIL.com`), eq(mailMessages.template, "mailPetitions.alreadySigned")));
    expect(notices).toHaveLength(1);
    // It names the petition and links to it, as every petition e-mail does.
    const notice = mailContent(notices[0]);
    expect(notice.subject).toContain(petition.title);
    expect(notice.text).toContain(`${siteUrl()}/petitions/${petition.number}`);
  });

  it("tells a signer who pasted a NUL or another control character which field to fix, and stores nothing", async () => {
    await ensureRegion();
    const { petition } = await submittedPetition();
    const attempt = signPetition({
      db: db(),
      actor: null,
      petitionNumber: petition.number,
      supportToken: petition.supportToken,
      input: signatureInput({ fullName: "Aru\u0000 Sembek", regionCode: "astana\u0000" }),
      ip: "203.0.113.10",
      locale: "en",
    });
    const error = await attempt.then(() => null, (caught: unknown) => caught);
    expect(isDomainError(error) && error.code).toBe("validation");
    expect(isDomainError(error) && error.fieldErrors).toMatchObject({ fullName: ["controlCharacters"], regionCode: ["controlCharacters"] });
    expect(await db().select().from(signatures).where(eq(signatures.petitionId, petition.id))).toHaveLength(0);
  });

  it("refuses a second signature with the same IIN under another address", async () => {
    await ensureRegion();
    const { petition } = await submittedPetition();
    await sign(petition.number, petition.supportToken, { iin: "921029350851" });
    await sign(petition.number, petition.supportToken, { iin: "921029350851" });
    const rows = await db().select().from(signatures).where(eq(signatures.petitionId, petition.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].iinHash).not.toContain("921029350851");
  });

  it("signs a signed-in citizen with a verified address in one step", async () => {
    await ensureRegion();
    const { petition } = await submittedPetition();
    const citizen = await actorFor((await createUser()).id);
    const outcome = await signPetition({
      db: db(),
      actor: citizen,
      petitionNumber: petition.number,
      supportToken: petition.supportToken,
      input: signatureInput({ email: citizen.email }),
      ip: "x",
      locale: "en",
    });
    expect(outcome.outcome).toBe("confirmed");
    expect((await readCount(db(), petition.id)).confirmed).toBe(1);
  });

  it("lets a signer withdraw while signatures are collected, which takes them off the count", async () => {
    await ensureRegion();
    const { petition } = await submittedPetition();
    const { signature } = await sign(petition.number, petition.supportToken);
    await confirmSignature({ db: db(), signatureId: signature.id, token: signatureToken(signature.id, "confirm") });
    await withdrawSignature({ db: db(), signatureId: signature.id, token: signatureToken(signature.id, "withdraw") });
    expect((await readCount(db(), petition.id)).confirmed).toBe(0);
    await forcePetition(petition.id, { state: "closed" });
    const other = await sign(petition.number, petition.supportToken).catch((e) => e);
    expect(isDomainError(other) && other.code).toBe("not_found");
  });

  it("moves a petition to moderation when its 50th supporter confirms", async () => {
    await ensureRegion();
    const { petition } = await submittedPetition();
    await forcePetition(petition.id, { supportThreshold: 3 });
    for (let i = 0; i < 3; i++) {
      const { signature } = await sign(petition.number, petition.supportToken);
      await confirmSignature({ db: db(), signatureId: signature.id, token: signatureToken(signature.id, "confirm") });
    }
    const [moved] = await db().select().from(petitions).where(eq(petitions.id, petition.id));
    expect(moved.state).toBe("awaiting_moderation");
    expect(moved.moderationDueOn).not.toBeNull();
    const [event] = await db().select().from(events).where(and(eq(events.entityId, petition.id), eq(events.action, "support_reached")));
    expect(event.toState).toBe("awaiting_moderation");
  });

  it("starts the addressee's clock when an open petition reaches its threshold, and tells the agency's staff", async () => {
    const region = await ensureRegion();
    const agency = await createAgency({ level: "city_akimat", regionCode: region });
    const clerk = await createUser();
    await addAgencyMember(agency.id, clerk.id, "staff");
    const { petition } = await draftPetition({ agencyId: agency.id });
    await forcePetition(petition.id, { state: "open", responseThreshold: 2, responseWorkingDays: 20, openedAt: new Date() });
    const now = new Date("2026-12-01T05:00:00Z");
    for (let i = 0; i < 2; i++) {
      const { signature } = await sign(petition.number);
      await confirmSignature({ db: db(), signatureId: signature.id, token: signatureToken(signature.id, "confirm"), now });
    }
    const [reached] = await db().select().from(petitions).where(eq(petitions.id, petition.id));
    expect(reached.thresholdReachedAt?.toISOString()).toBe(now.toISOString());
    expect(reached.responseDueOn).toBe("2026-12-30"); // 20 working days, skipping 16 December
    const staffMail = await db().select().from(mailMessages).where(eq(mailMessages.toAddress, clerk.email));
    expect(staffMail.map((m) => m.template)).toContain("mailPetitions.thresholdReachedAgency");
    await sweepThresholds(db(), now);
    const reachedEvents = await db().select().from(events).where(and(eq(events.entityId, petition.id), eq(events.action, "threshold_reached")));
    expect(reachedEvents).toHaveLength(1);
  });
});
