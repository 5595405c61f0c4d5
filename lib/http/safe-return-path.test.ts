import { describe, expect, it } from "vitest";
import { pathOfOwnUrl, safeReturnPath } from "./safe-return-path";

describe("where a visitor is sent next", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    for (const path of ["/", "/petitions/12", "/petitions?q=%D0%B0%D0%B1&page=2", "/my/petitions#drafts", "/search?q=a%20b"]) {
      expect(safeReturnPath(path)).toBe(path);
    }
  });

  it("refuses every way of pointing a browser at another site", () => {
    const hostile = [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/%09/evil.example",
      "/%0a/evil.example",
      "/%2F/evil.example",
      "/%5Cevil.example",
      "/%252F/evil.example",
      "%2F%2Fevil.example",
      "javascript:alert(1)",
      " /petitions",
      "/%E0%A4%A",
      "",
      "petitions",
    ];
    for (const value of hostile) expect(safeReturnPath(value), JSON.stringify(value)).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(["/a"])).toBe("/");
  });

  it("turns our own absolute URL into its path and refuses anyone else's", () => {
    expect(pathOfOwnUrl("http://localhost:3000/petitions/3?x=1", "http://localhost:3000")).toBe("/petitions/3?x=1");
    expect(pathOfOwnUrl("http://evil.example/petitions/3", "http://localhost:3000")).toBe("/");
    expect(pathOfOwnUrl("/agency", "http://localhost:3000")).toBe("/agency");
    expect(pathOfOwnUrl("http://localhost:3000/\\evil", "http://localhost:3000")).toBe("/");
  });
});
