import { describe, expect, it } from "vitest";
import { publicSignerName } from "./signer-names";

describe("a signer's name on the petition page", () => {
  it("shows the first name and the surname's initial by default choice", () => {
    expect(publicSignerName("Асель Нурланқызы", "initials")).toBe("Асель Н.");
    expect(publicSignerName("  Arman   seitkali ", "initials")).toBe("Arman S.");
    expect(publicSignerName("Айгүл Серікқызы Ахметова", "initials")).toBe("Айгүл А.");
  });

  it("shows a one-word name as it is", () => {
    expect(publicSignerName("Мадина", "initials")).toBe("Мадина");
  });

  it("shows the full name when chosen, spaces tidied", () => {
    expect(publicSignerName("Асель  Нурланқызы", "full")).toBe("Асель Нурланқызы");
  });

  it("shows nothing when the signer chose not to be named", () => {
    expect(publicSignerName("Асель Нурланқызы", "hidden")).toBeNull();
  });
});
