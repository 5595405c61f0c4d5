import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hotPathSettings } from "./config";

// An operator tuning the hot path mistypes a setting: the server must refuse to start and say
// which one, not start with a batcher that never writes a batch (NaN batches in flight left
// every signer waiting) or a page cache silently switched off.
describe("an operator's hot path settings", () => {
  const names = ["BIRGE_BATCH_CONCURRENCY", "BIRGE_BATCH_WAIT_MS", "BIRGE_PAGE_CACHE_MS"];
  // Whatever the developer's own shell sets is put back after each test.
  const own = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  beforeEach(() => {
    for (const name of names) delete process.env[name];
  });
  afterEach(() => {
    for (const name of names) {
      if (own[name] === undefined) delete process.env[name];
      else process.env[name] = own[name];
    }
  });

  it("refuses a typo, a fraction or a number out of range, naming the setting", () => {
    for (const [name, asked, range] of [
      ["BIRGE_BATCH_CONCURRENCY", "2x", " from 1"],
      ["BIRGE_BATCH_CONCURRENCY", "0", " from 1"],
      ["BIRGE_BATCH_WAIT_MS", "1.5", ""],
      ["BIRGE_PAGE_CACHE_MS", "-1", ""],
    ]) {
      process.env[name] = asked;
      expect(() => hotPathSettings("postgres")).toThrow(`${name} must be a whole number${range}, not "${asked}"`);
      delete process.env[name];
    }
  });

  it("takes whole numbers, has defaults, and runs one batch at a time on the embedded database", () => {
    expect(hotPathSettings("postgres")).toEqual({ batchConcurrency: 2, batchWaitMs: 0, pageCacheMs: 500 });
    process.env.BIRGE_BATCH_CONCURRENCY = "3";
    process.env.BIRGE_BATCH_WAIT_MS = "2";
    process.env.BIRGE_PAGE_CACHE_MS = "0";
    expect(hotPathSettings("postgres")).toEqual({ batchConcurrency: 3, batchWaitMs: 2, pageCacheMs: 0 });
    expect(hotPathSettings("pglite").batchConcurrency).toBe(1);
  });
});
