import { describe, expect, it } from "vitest";
import { noteSchema, templateSchema } from "@/lib/agency/schema";
import { profileSchema } from "@/lib/auth/schema";
import { organizationFormSchema } from "@/lib/organizations/schema";
import { petitionFormSchema, signatureFormSchema } from "@/lib/petitions/schema";
import { observationSchema } from "@/lib/public-control/forms/schema";
import { activityFormSchema } from "@/lib/public-control/schema";
import { fieldErrorsOf } from "./field-errors";
import { isPlainText, searchText } from "./text";

const UNSTORABLE = ["NUL \u0000 here", "escape \u001b[31m", "bell \u0007", "lone high \ud800", "lone low \udc00 here", "reversed \udc00\ud800 pair"];

describe("the one refinement of free text", () => {
  it("keeps what people write: Kazakh and Russian letters, tabs, line breaks and emoji", () => {
    for (const text of ["Ақмола облысы, Көкшетау", "Улица\tАбая,\r\nдом 5", "Рахмет 😀👍🏽", "«Жол» — 2026"]) expect(isPlainText(text), text).toBe(true);
  });

  it("refuses control characters and halves of a surrogate pair", () => {
    for (const text of UNSTORABLE) expect(isPlainText(text), JSON.stringify(text)).toBe(false);
  });

  it("is used by the forms' schemas: each refuses such text with the field's own message", () => {
    const cases: Array<[string, { safeParse: (value: unknown) => { success: boolean; error?: unknown } }, Record<string, unknown>, string]> = [
      ["petition title", petitionFormSchema, { title: "Build a footbridge\u0000 now", request: "Build a footbridge over the ring road.", reasons: "Children cross six lanes every morning.", agencyId: "a1" }, "title"],
      ["profile name", profileSchema, { name: "Aru \ud800", locale: "kk" }, "name"],
      ["activity title", activityFormSchema, { title: "Monitoring of \u0007 school meals", subjectMatter: "x".repeat(30), goals: "y".repeat(30), agencyId: "a1", forms: ["monitoring"], plannedStart: "2026-01-10", plannedEnd: "2026-02-10" }, "title"],
      ["agency note", noteSchema, { body: "Call the roads department\u0000" }, "body"],
      ["template body", templateSchema, { kind: "petition", title: "Standard answer", body: "Dear \udc00 citizen" }, "body"],
      ["organization name", organizationFormSchema, { name: "Public \u001b Fund", bin: "", contactEmail: "fund@example.kz" }, "name"],
      ["observation text", observationSchema, { observedOn: "2026-01-10", place: "School 45", text: "The canteen was closed\u0000 at noon." }, "text"],
      ["signer's name", signatureFormSchema, { fullName: "Dana \ud800", email: "dana@example.kz", regionCode: "astana", consent: true }, "fullName"],
    ];
    for (const [what, schema, value, field] of cases) {
      const result = schema.safeParse(value);
      expect(result.success, what).toBe(false);
      expect(fieldErrorsOf(result.error as never)[field], what).toEqual(["controlCharacters"]);
    }
  });

  it("turns them into spaces in a search box instead, as a search is forgiving", () => {
    expect(searchText(100).parse("bridge\u0000 \ud800road")).toBe("bridge   road");
  });
});
