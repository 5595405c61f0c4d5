import { describe, expect, it } from "vitest";
import { isValidIin } from "./iin";
import { normalizeEmail } from "./normalize-email";

describe("IIN check", () => {
  it("accepts the reference's valid examples", () => {
    for (const iin of ["921029350851", "880515300120", "950101400012"]) expect(isValidIin(iin)).toBe(true);
  });
  it("refuses a wrong check digit, a wrong length, letters and an impossible date", () => {
    expect(isValidIin("921029350852")).toBe(false);
    expect(isValidIin("92102935085")).toBe(false);
    expect(isValidIin("92102935085a")).toBe(false);
    expect(isValidIin("921329350851")).toBe(false);
  });
});

describe("e-mail normalization", () => {
  it("treats Gmail's dots, +tags and case as the same address", () => {
    expect(normalizeEmail(" A.Sem+petition@GMail.com ")).toBe("asem@gmail.com");
    expect(normalizeEmail("a.sem@googlemail.com")).toBe("asem@gmail.com");
  });
  it("keeps dots and plus signs where the provider does not ignore them", () => {
    expect(normalizeEmail("a.sem+x@mail.kz")).toBe("a.sem+x@mail.kz");
    expect(normalizeEmail("a.sem+x@outlook.com")).toBe("a.sem@outlook.com");
  });
});
