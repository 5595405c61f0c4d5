import { describe, expect, it } from "vitest";
import { linkify } from "./linkify";

const links = (text: string) => linkify(text).filter((part) => part.kind === "link");

describe("linkify: a reader of a petition can follow the addresses written in it", () => {
  it("keeps plain text as one part", () => {
    expect(linkify("No addresses here.")).toEqual([{ kind: "text", text: "No addresses here." }]);
    expect(linkify("")).toEqual([]);
  });

  it("turns an http(s) address into a link and keeps the text around it", () => {
    expect(linkify("See https://gov.kz/memleket/entities/astana for the plan")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://gov.kz/memleket/entities/astana", href: "https://gov.kz/memleket/entities/astana" },
      { kind: "text", text: " for the plan" },
    ]);
  });

  it("leaves sentence punctuation at the end outside the link", () => {
    for (const end of [".", ",", ";", ":", "!", "?", "…", "?!", "."]) {
      expect(linkify(`Read http://example.kz/a${end}`)).toEqual([
        { kind: "text", text: "Read " },
        { kind: "link", text: "http://example.kz/a", href: "http://example.kz/a" },
        { kind: "text", text: end },
      ]);
    }
  });

  it("keeps brackets that belong to the address and drops the one that closes the sentence", () => {
    expect(links("(see https://en.wikipedia.org/wiki/Astana_(city))")).toEqual([
      { kind: "link", text: "https://en.wikipedia.org/wiki/Astana_(city)", href: "https://en.wikipedia.org/wiki/Astana_(city)" },
    ]);
    expect(linkify("(https://stat.gov.kz).")).toEqual([
      { kind: "text", text: "(" },
      { kind: "link", text: "https://stat.gov.kz", href: "https://stat.gov.kz/" },
      { kind: "text", text: ")." },
    ]);
  });

  it("stops at quotes, including Russian and Kazakh guillemets", () => {
    expect(links("сайт «https://egov.kz/cms/ru» и")).toEqual([{ kind: "link", text: "https://egov.kz/cms/ru", href: "https://egov.kz/cms/ru" }]);
    expect(links('"http://a.kz/x"')).toEqual([{ kind: "link", text: "http://a.kz/x", href: "http://a.kz/x" }]);
  });

  it("links a bare www. address over https", () => {
    expect(links("www.akorda.kz.")).toEqual([{ kind: "link", text: "www.akorda.kz", href: "https://www.akorda.kz/" }]);
  });

  it("turns an e-mail address into a mailto link, without the full stop after it", () => {
    expect(linkify("Write to akimat@astana.gov.kz.")).toEqual([
      { kind: "text", text: "Write to " },
      { kind: "link", text: "akimat@astana.gov.kz", href: "mailto:akimat@astana.gov.kz" },
      { kind: "text", text: "." },
    ]);
  });

  it("never links another scheme", () => {
    for (const text of ["javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)", "data:text/html,<b>x</b>", "file:///etc/passwd", "vbscript:msgbox"]) {
      expect(links(text)).toEqual([]);
    }
    // An address hidden after javascript: is linked as itself, never with the scheme in front.
    expect(links("javascript:https://evil.kz")).toEqual([{ kind: "link", text: "https://evil.kz", href: "https://evil.kz/" }]);
    expect(links("javascript://x.kz/%0Aalert(1)")).toEqual([]);
  });

  it("does not link what is not an address", () => {
    expect(links("http:// and https://")).toEqual([]);
    expect(links("https://localhost/")).toEqual([]);
    expect(links("user@localhost")).toEqual([]);
    expect(links("xhttp://example.kz")).toEqual([]);
  });

  it("finds several addresses in Cyrillic text", () => {
    const parts = linkify("Толығырақ: https://adilet.zan.kz/kaz/docs/Z1500000401, сұрақтар — info@birge.kz!");
    expect(parts.filter((p) => p.kind === "link").map((p) => p.kind === "link" && p.href)).toEqual([
      "https://adilet.zan.kz/kaz/docs/Z1500000401",
      "mailto:info@birge.kz",
    ]);
    expect(parts.map((p) => p.text).join("")).toBe("Толығырақ: https://adilet.zan.kz/kaz/docs/Z1500000401, сұрақтар — info@birge.kz!");
  });

  it("always gives back the whole text", () => {
    const samples = ["a https://x.kz/(b c) d", "((www.x.kz))", "e-mail: a.b+c@d-e.kz; http://f.kz?q=1&r=2#h.", "https://x.kz/?a=)"];
    for (const text of samples) expect(linkify(text).map((p) => p.text).join("")).toBe(text);
  });
});
