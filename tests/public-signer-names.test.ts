import { afterAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { signatures } from "@/db/schema";
import { anonymizeSignatures } from "@/lib/petitions/anonymize-signatures";
import { confirmSignature } from "@/lib/petitions/confirm-signature";
import { createHotPath } from "@/lib/petitions/hot-path/hot-path-services";
import { loadPetitionPageData } from "@/lib/petitions/petition-page-data";
import { readRecentSigners } from "@/lib/petitions/recent-signers";
import type { NameDisplay } from "@/lib/petitions/signer-names";
import { signPetition } from "@/lib/petitions/sign-petition";
import { signatureToken } from "@/lib/petitions/tokens";
import { withdrawSignature } from "@/lib/petitions/withdraw-signature";
import { createAgency, ensureRegion, unique } from "./support/factories";
import { draftPetition, forcePetition, signatureInput } from "./support/petitions";

// Signers choose on the sign form how their name shows on the petition page: first name and
// initial (the default), full name, or not at all. The page lists the latest counted signers
// that way, and never anything else of theirs.

const db = () => getDb();
const isPglite = !process.env.DATABASE_URL;
const hot = createHotPath({ db: db(), maxConcurrent: isPglite ? 1 : 2 });
afterAll(() => hot.close());

async function openPetition() {
  const region = await ensureRegion();
  const agency = await createAgency({ level: "city_akimat", regionCode: region });
  const { petition } = await draftPetition({ agencyId: agency.id });
  return forcePetition(petition.id, { state: "open", responseThreshold: 100_000, responseWorkingDays: 20, openedAt: new Date() });
}

/** Signs through the one-request path (or the batched hot path) and confirms from the e-mailed link. */
async function signsAndConfirms(
  petition: { id: string; number: number },
  person: { fullName: string; nameDisplay?: NameDisplay; iin?: string },
  options: { via?: "form" | "hot-path"; confirm?: boolean; now?: Date } = {},
) {
  const { nameDisplay, ...rest } = person;
  const input = { ...signatureInput({ ...rest, email: `${unique("signer")}@example.kz` }), ...(nameDisplay ? { nameDisplay } : {}) };
  if (!nameDisplay) delete (input as { nameDisplay?: NameDisplay }).nameDisplay;
  const request = { petitionNumber: petition.number, ip: `203.0.113.${Math.floor(Math.random() * 250)}`, locale: "en" as const, actor: null };
  if (options.via === "hot-path") await hot.sign({ ...request, input: { ...input, nameDisplay: input.nameDisplay ?? "initials" }, now: options.now });
  else await signPetition({ db: db(), ...request, input, now: options.now });
  const [row] = await db().select().from(signatures).where(and(eq(signatures.petitionId, petition.id), eq(signatures.email, input.email)));
  if (options.confirm !== false) await confirmSignature({ db: db(), signatureId: row.id, token: signatureToken(row.id, "confirm"), now: options.now });
  return { ...row, email: input.email };
}

describe("public signer names", () => {
  it("lists the latest counted signers as each chose, the default being first name and initial", async () => {
    const petition = await openPetition();
    await signsAndConfirms(petition, { fullName: "Асель Нурланқызы" });
    await signsAndConfirms(petition, { fullName: "Arman Seitkali", nameDisplay: "full" }, { via: "hot-path" });
    await signsAndConfirms(petition, { fullName: "Madina Omarova", nameDisplay: "hidden" });
    await signsAndConfirms(petition, { fullName: "Yerlan Abenov", nameDisplay: "initials" }, { via: "hot-path" });

    const page = await loadPetitionPageData({ db: db(), number: petition.number });
    expect(page!.recentSigners.map((s) => s.name)).toEqual(["Yerlan A.", null, "Arman Seitkali", "Асель Н."]);
    for (const signer of page!.recentSigners) expect(signer.confirmedAt).toBeInstanceOf(Date);
  });

  it("leaves out pending, withdrawn and invalidated signatures", async () => {
    const petition = await openPetition();
    await signsAndConfirms(petition, { fullName: "Counted Person" });
    await signsAndConfirms(petition, { fullName: "Pending Person" }, { confirm: false });
    const withdrawn = await signsAndConfirms(petition, { fullName: "Withdrawn Person" });
    await withdrawSignature({ db: db(), signatureId: withdrawn.id, token: signatureToken(withdrawn.id, "withdraw") });
    const invalidated = await signsAndConfirms(petition, { fullName: "Invalidated Person" });
    await db().update(signatures).set({ state: "invalidated", invalidatedAt: new Date() }).where(eq(signatures.id, invalidated.id));

    expect((await readRecentSigners(db(), petition.id)).map((s) => s.name)).toEqual(["Counted P."]);
  });

  it("shows at most ten, newest first", async () => {
    const petition = await openPetition();
    for (let i = 1; i <= 12; i++) await signsAndConfirms(petition, { fullName: `Signer Number${i}`, nameDisplay: "full" });
    const names = (await readRecentSigners(db(), petition.id)).map((s) => s.name);
    expect(names).toHaveLength(10);
    expect(names[0]).toBe("Signer Number12");
    expect(names[9]).toBe("Signer Number3");
  });

  it("never carries a signer's e-mail or IIN, nor a hidden signer's name", async () => {
    const petition = await openPetition();
    const shown = await signsAndConfirms(petition, { fullName: "Aigerim Sadykova", nameDisplay: "full", iin: "900101300017" });
    const hidden = await signsAndConfirms(petition, { fullName: "Dauren Hiddenov", nameDisplay: "hidden" });
    const page = await loadPetitionPageData({ db: db(), number: petition.number });
    const listed = JSON.stringify(page!.recentSigners);
    for (const secret of [shown.email, hidden.email, "900101300017", shown.iinHash!, "Dauren", "Hiddenov"]) expect(listed).not.toContain(secret);
    expect(listed).toContain("Aigerim Sadykova");
  });

  it("is one probe of the (petition, state, id) index, whatever the petition's size", async () => {
    const petition = await openPetition();
    const query = db()
      .select({ fullName: signatures.fullName })
      .from(signatures)
      .where(and(eq(signatures.petitionId, petition.id), eq(signatures.state, "confirmed")))
      .orderBy(sql`${signatures.id} desc`)
      .limit(10)
      .toSQL();
    // Planned as if the table were large: a sequential scan is the planner's last resort here.
    const plan = await db().transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_sort = off`);
      const inlined = query.sql.replace(/\$(\d+)/g, (_, n) => `'${String(query.params[Number(n) - 1]).replace(/'/g, "''")}'`);
      return rowsOf<{ "QUERY PLAN": string }>(await tx.execute(sql.raw(`explain ${inlined}`))).map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(/Index Scan Backward using signatures_petition_state_idx/);
    expect(plan).toMatch(/Limit/);
  });

  it("stops naming signers once their data is anonymized", async () => {
    const petition = await openPetition();
    await signsAndConfirms(petition, { fullName: "Nurlan Anonymov", nameDisplay: "full" });
    await forcePetition(petition.id, { state: "closed", closedAt: new Date("2001-01-01T04:00:00Z"), closesOn: "2001-01-01" });
    await anonymizeSignatures({ db: db(), now: new Date("2001-08-01T04:00:00Z") });
    expect((await readRecentSigners(db(), petition.id)).map((s) => s.name)).toEqual([null]);
  });
});
