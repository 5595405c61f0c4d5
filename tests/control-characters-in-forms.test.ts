import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agencyItemNotes, agencyResponseTemplates } from "@/db/schema";
import { addItemNote } from "@/lib/agency/add-item-note";
import { saveResponseTemplate } from "@/lib/agency/save-response-template";
import { isDomainError } from "@/lib/errors";
import { agencyCast, petitionAwaitingAnswer } from "./support/agency-items";

// Text pasted with a NUL or another control character (or half of an emoji) gets a message next
// to the field from the domain function the action calls — never a database error, never a row.

const db = () => getDb();
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe("an agency's staff paste text with control characters", () => {
  it("tells a supervisor whose template body holds a NUL which field to fix, and stores no template", async () => {
    const { agency, supervisor } = await agencyCast();
    const error = await refusal(
      saveResponseTemplate({ db: db(), actor: supervisor, agencyId: agency.id, input: { kind: "petition", title: "Standard answer", body: "Dear citizen,\u0000 thank you." } }),
    );
    expect(isDomainError(error) && error.code).toBe("validation");
    expect(isDomainError(error) && error.fieldErrors).toEqual({ body: ["controlCharacters"] });
    expect(await db().select().from(agencyResponseTemplates).where(eq(agencyResponseTemplates.agencyId, agency.id))).toHaveLength(0);
  });

  it("tells a staff member whose note holds a NUL or a lone surrogate which field to fix, and stores no note", async () => {
    const { agency, staff } = await agencyCast();
    const petition = await petitionAwaitingAnswer(agency.id);
    for (const body of ["Call the roads department\u0000", "Cost estimate \ud83d attached"]) {
      const error = await refusal(addItemNote({ db: db(), actor: staff, agencyId: agency.id, kind: "petition", itemId: petition.id, input: { body } }));
      expect(isDomainError(error) && error.fieldErrors).toEqual({ body: ["controlCharacters"] });
    }
    expect(await db().select().from(agencyItemNotes).where(eq(agencyItemNotes.itemId, petition.id))).toHaveLength(0);
  });
});
