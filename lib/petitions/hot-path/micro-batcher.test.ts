import { describe, expect, it } from "vitest";
import { createMicroBatcher, type ItemResult } from "./micro-batcher";

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
