import { describe, expect, it } from "vitest";
import { BatchFailedError, createMicroBatcher, type ItemResult } from "./micro-batcher";

/** A batch runner whose batches finish when the test says so. */
function controlledRunner() {
  const batches: Array<{ items: number[]; finish: () => void }> = [];
  const events: string[] = [];
  const run = (items: number[]) =>
    new Promise<ItemResult<number>[]>((resolve) => {
      events.push(`run ${items.join(",")}`);
      batches.push({ items, finish: () => resolve(items.map((value) => ({ ok: true, value }))) });
    });
  return { batches, events, run };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the hot path's batches on one busy petition", () => {
  it("gathers the requests read in one turn of the event loop into one batch when nothing is running", async () => {
    const runner = controlledRunner();
    const batcher = createMicroBatcher({ run: runner.run, maxWaitMs: 0, maxConcurrent: 1 });
    const answers = [1, 2, 3].map((n) => batcher.add(n));
    await settle();
    expect(runner.events).toEqual(["run 1,2,3"]);
    runner.batches[0].finish();
    expect(await Promise.all(answers)).toEqual([1, 2, 3]);
  });

  it("sends the requests that arrived during a batch as the next one, before answering the batch that finished", async () => {
    const runner = controlledRunner();
    const batcher = createMicroBatcher({ run: runner.run, maxWaitMs: 0, maxConcurrent: 1 });
    const first = batcher.add(1);
    await settle();
    // These arrive while batch 1 is in the database: they wait for it, then go together.
    const later = [2, 3].map((n) => batcher.add(n));
    await settle();
    expect(runner.events).toEqual(["run 1"]);

    void first.then(() => runner.events.push("answered 1"));
    runner.batches[0].finish();
    await settle();
    // The database gets batch 2 first; the signer of batch 1 is answered right after, while it runs.
    expect(runner.events).toEqual(["run 1", "run 2,3", "answered 1"]);
    runner.batches[1].finish();
    expect(await Promise.all(later)).toEqual([2, 3]);
  });

  it("answers no one before their own batch has finished", async () => {
    const runner = controlledRunner();
    const batcher = createMicroBatcher({ run: runner.run, maxWaitMs: 0, maxConcurrent: 1 });
    let answered = false;
    void batcher.add(1).then(() => (answered = true));
    await settle();
    await settle();
    expect(answered).toBe(false);
    runner.batches[0].finish();
    await settle();
    expect(answered).toBe(true);
  });
});

describe("a batch that carries one value the database refuses", () => {
  /** A database stand-in: refuses a whole batch with a data error when any item is negative, or fails it outright at "down". */
  function refusingRunner(options: { down?: boolean } = {}) {
    const batches: number[][] = [];
    const committed: number[] = [];
    const run = async (items: number[]): Promise<ItemResult<number>[]> => {
      batches.push(items);
      if (options.down) throw Object.assign(new Error("connection refused"), { code: "ECONNREFUSED" });
      if (items.some((n) => n < 0)) throw Object.assign(new Error("value out of range"), { code: "22003" });
      committed.push(...items);
      return items.map((value) => ({ ok: true, value }));
    };
    return { batches, committed, run };
  }
  const refusalOf = (error: unknown) => ((error as { code?: string }).code === "22003" ? new Error("refused") : undefined);

  it("splits it until the bad item is alone: the others commit in their order, the bad one alone is refused", async () => {
    const runner = refusingRunner();
    const batcher = createMicroBatcher({ run: runner.run, maxWaitMs: 0, maxConcurrent: 1, refusalOf });
    const items = [1, 2, 3, 4, -5, 6, 7, 8];
    const settled = await Promise.allSettled(items.map((n) => batcher.add(n)));
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
    expect((settled[4] as PromiseRejectedResult).reason).toEqual(new Error("refused"));
    expect(runner.committed).toEqual([1, 2, 3, 4, 6, 7, 8]);
    // One batch, then halves down to the bad item: a handful of runs, not one per item.
    expect(runner.batches).toEqual([[1, 2, 3, 4, -5, 6, 7, 8], [1, 2, 3, 4], [-5, 6, 7, 8], [-5, 6], [-5], [6], [7, 8]]);
    expect(batcher.stats()).toMatchObject({ batches: 1, splits: 3 });
  });

  it("does not split a batch the database failed as a whole: every item is told to try again", async () => {
    const runner = refusingRunner({ down: true });
    const batcher = createMicroBatcher({ run: runner.run, maxWaitMs: 0, maxConcurrent: 1, refusalOf });
    const settled = await Promise.allSettled([1, 2, 3, 4].map((n) => batcher.add(n)));
    expect(settled.every((s) => s.status === "rejected" && s.reason instanceof BatchFailedError)).toBe(true);
    expect(runner.batches).toHaveLength(1);
  });
});
