import { afterEach, describe, expect, it, vi } from "vitest";

// BIRGE_MAIL_CONNECTIONS is read when the worker's mail module loads: a value that is not a
// whole number from 1 must stop the start, not finish every delivery job without sending.
describe("the number of SMTP connections a deployment asks for", () => {
  afterEach(() => {
    delete process.env.BIRGE_MAIL_CONNECTIONS;
    vi.resetModules();
  });

  it("refuses 0, a negative, a fraction or a typo, saying which setting is wrong", async () => {
    for (const asked of ["0", "-1", "2.5", "5x"]) {
      vi.resetModules();
      process.env.BIRGE_MAIL_CONNECTIONS = asked;
      await expect(import("./deliver-mail")).rejects.toThrow(`BIRGE_MAIL_CONNECTIONS must be a whole number from 1, not "${asked}"`);
    }
  });

  it("takes a whole number, and 5 when unset", async () => {
    process.env.BIRGE_MAIL_CONNECTIONS = "12";
    expect((await import("./deliver-mail")).MAIL_CONNECTIONS).toBe(12);
    vi.resetModules();
    delete process.env.BIRGE_MAIL_CONNECTIONS;
    expect((await import("./deliver-mail")).MAIL_CONNECTIONS).toBe(5);
  });
});
