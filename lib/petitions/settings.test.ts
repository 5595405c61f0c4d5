import { describe, expect, it } from "vitest";
import { PETITION_SETTING_DEFAULTS as defaults, responseThresholdFor } from "./settings";

describe("response thresholds by addressee", () => {
  it("asks 50,000 of a national body, 2,500 of a city akimat and 5,000 of a city maslikhat", () => {
    expect(responseThresholdFor(defaults, "national_body", null)).toBe(50_000);
    expect(responseThresholdFor(defaults, "city_akimat", 1_500_000)).toBe(2_500);
    expect(responseThresholdFor(defaults, "city_maslikhat", 1_500_000)).toBe(5_000);
  });

  it("asks 1% of a region's residents of its akimat and 2% of its maslikhat, rounded up", () => {
    expect(responseThresholdFor(defaults, "regional_akimat", 1_134_567)).toBe(11_346);
    expect(responseThresholdFor(defaults, "regional_maslikhat", 1_134_567)).toBe(22_692);
  });

  it("falls back to the national threshold for a regional rule without a region", () => {
    expect(responseThresholdFor(defaults, "regional_akimat", null)).toBe(50_000);
  });
});
