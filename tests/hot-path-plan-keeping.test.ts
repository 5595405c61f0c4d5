import { describe, expect, it } from "vitest";
import { planKeeping } from "@/db/plan-keeping";

// The hot path keeps its statements' plans only once `signatures` is big enough (db/client.ts,
// KEEP_PLANS_FROM_PAGES): a viral petition's first batches must never wait for that look, and a
// look held up (a migration's lock on the table) must not queue others behind it.

/** A question whose answer the test gives when it likes. */
function pendingQuestions() {
  const asked: Array<{ answer: (yes: boolean) => void; fail: (error: Error) => void }> = [];
  const ask = () =>
    new Promise<boolean>((resolve, reject) => {
      asked.push({ answer: resolve, fail: reject });
    });
  return { ask, asked };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the hot path on a first day: when its plans start being kept", () => {
  it("answers at once without waiting for the look at the table, and keeps plans from the first yes on", async () => {
    let clock = 0;
    const { ask, asked } = pendingQuestions();
    const keepsPlans = planKeeping(ask, { everyMs: 1000, now: () => clock });

    expect(keepsPlans()).toBe(false);
    expect(asked).toHaveLength(1);
    asked[0].answer(false);
    await settle();
    clock = 500;
    expect(keepsPlans()).toBe(false);
    expect(asked).toHaveLength(1); // not asked again within a second
    clock = 1000;
    expect(keepsPlans()).toBe(false);
    expect(asked).toHaveLength(2);
    asked[1].answer(true);
    await settle();
    expect(keepsPlans()).toBe(true);
    clock = 60_000;
    expect(keepsPlans()).toBe(true);
    expect(asked).toHaveLength(2); // never asked again
  });

  it("asks one question at a time: a look held up by a lock does not pile up others", async () => {
    let clock = 0;
    const { ask, asked } = pendingQuestions();
    const keepsPlans = planKeeping(ask, { everyMs: 1000, now: () => clock });
    keepsPlans();
    for (clock = 1000; clock <= 10_000; clock += 1000) expect(keepsPlans()).toBe(false);
    expect(asked).toHaveLength(1);
    asked[0].answer(true);
    await settle();
    expect(keepsPlans()).toBe(true);
  });

  it("a failing look is reported once, then tried again a second later", async () => {
    let clock = 0;
    const { ask, asked } = pendingQuestions();
    const failures: unknown[] = [];
    const keepsPlans = planKeeping(ask, { everyMs: 1000, now: () => clock, reportFailure: (error) => failures.push(error) });
    keepsPlans();
    asked[0].fail(new Error("lock timeout"));
    await settle();
    clock = 1000;
    keepsPlans();
    asked[1].fail(new Error("lock timeout"));
    await settle();
    expect(failures).toHaveLength(1);
    clock = 2000;
    keepsPlans();
    asked[2].answer(true);
    await settle();
    expect(keepsPlans()).toBe(true);
    expect(asked).toHaveLength(3);
  });
});
