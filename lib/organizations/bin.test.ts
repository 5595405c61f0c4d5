import { describe, expect, it } from "vitest";
import { binProblem, isValidBin, normalizeBin } from "./bin";
import { slugify } from "./slug";

describe("BIN", () => {
  it("accepts a well-formed BIN with the right check digit", () => {
    expect(isValidBin("210540027181")).toBe(true);
  });

  it("says what is wrong with a bad one", () => {
    expect(binProblem("12345")).toBe("format");
    expect(binProblem("21054002718a")).toBe("format");
    expect(binProblem("211340027181")).toBe("month");
    expect(binProblem("210570027181")).toBe("type");
    expect(binProblem("210540027182")).toBe("checkDigit");
  });

  it("drops spaces and dashes people type", () => {
    expect(normalizeBin("2105 4002-7181")).toBe("210540027181");
  });
});

describe("organization slugs", () => {
  it("transliterates Kazakh and Russian names into Latin", () => {
    expect(slugify("Общественный фонд «Adal Qogam»")).toBe("obshchestvennyi-fond-adal-qogam");
    expect(slugify("Қоғамдық бірлестік Ашық әкімдік")).toBe("qogamdyq-birlestik-ashyq-akimdik");
  });

  it("never produces a reserved or empty slug", () => {
    expect(slugify("Register")).toBe("org-register");
    expect(slugify("«»")).toBe("org-ngo");
  });
});
