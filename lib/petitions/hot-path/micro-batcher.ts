/**
 * Gathers requests for a few milliseconds and runs them as one batch, so that a thousand
 * signatures cost one transaction instead of a thousand. Each caller's promise settles only
 * when its batch has finished (committed or failed): nothing is acknowledged before it is
 * durable. A batch that fails because of one item's value is split until that item is alone
 * (see `refusalOf`), so one bad request never fails the others.
 */

/** What a batch returns for each of its items, in order. */
export type ItemResult<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface MicroBatcherOptions<I, O> {
  /**
   * Runs one batch, all or nothing. Throwing fails every item of the batch with
   * `BatchFailedError` — unless `refusalOf` blames an item's value.
   */
  run: (items: I[]) => Promise<ItemResult<O>[]>;
  /**
   * When a batch's error is a value the database refused (not a fault of the database), what
   * the item that carries it is refused with; undefined otherwise. Such a batch is run again in
   * halves, each half split again while it fails so, until the item is alone: it alone gets this
   * refusal, every other item its own result. Costs nothing while batches succeed.
   */
  refusalOf?: (error: unknown) => unknown;
  /** Most items in one batch. */
  maxBatchSize?: number;
  /** How long the first item of a batch waits for company when no batch is running (ms); 0: until the requests read in this turn of the event loop are in. */
  maxWaitMs?: number;
  /** Batches running at once (1 for an embedded, single-connection database). */
  maxConcurrent?: number;
  /** Items waiting beyond this are refused at once, so an overload answers 503 instead of queuing forever. */
  maxQueued?: number;
  /** Called when a batch throws, for the log. */
  onBatchError?: (error: unknown, size: number) => void;
}

/** The whole batch an item was in failed; nothing of it was written. */
export class BatchFailedError extends Error {
  constructor(readonly reason: "failed" | "overloaded" | "closed", readonly cause?: unknown) {
    super(`batch ${reason}`);
    this.name = "BatchFailedError";
  }
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export interface MicroBatcher<I, O> {
  /** Queues one item; settles with its own result once its batch is done. */
  add(item: I): Promise<O>;
  /** Refuses new items, runs every queued one, and waits for running batches. */
  close(): Promise<void>;
  /** For tests and the bench: batches run and items seen. */
  stats(): { batches: number; items: number; largestBatch: number; busyMs: number; splits: number };
}

export function createMicroBatcher<I, O>(options: MicroBatcherOptions<I, O>): MicroBatcher<I, O> {
  const maxBatchSize = options.maxBatchSize ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 2;
  const maxConcurrent = options.maxConcurrent ?? 2;
  const maxQueued = options.maxQueued ?? 50_000;
  let queue: Pending<I, O>[] = [];
  let running = 0;
  let timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  let closed = false;
  const idle: Array<() => void> = [];
  const counters = { batches: 0, items: 0, largestBatch: 0, busyMs: 0, splits: 0 };

  const startBatch = () => {
    if (timer) {
      if (maxWaitMs === 0) clearImmediate(timer as NodeJS.Immediate);
      else clearTimeout(timer as NodeJS.Timeout);
      timer = null;
    }
    while (queue.length > 0 && running < maxConcurrent) {
      const batch = queue.length <= maxBatchSize ? queue : queue.slice(0, maxBatchSize);
      queue = queue.length <= maxBatchSize ? [] : queue.slice(maxBatchSize);
      running++;
      counters.batches++;
      counters.items += batch.length;
      counters.largestBatch = Math.max(counters.largestBatch, batch.length);
      void runBatch(batch);
    }
  };

  /** A batch has finished: the next one starts before this one's callers are answered. */
  const batchFinished = () => {
    running--;
    // Items that arrived meanwhile have already waited: go at once — before answering the
    // batch just done, so that the database works on the next batch while this process
    // writes the answers (answering first kept the database idle for that long).
    if (queue.length > 0) startBatch();
    else if (running === 0) while (idle.length) idle.shift()!();
  };

  /**
   * Runs items as one batch and returns each item's result; never throws. A refused value
   * (refusalOf) splits the batch in halves, run one after the other in the batch's order (so the
   * first of two identical sign-ups stays first), until the item that carries it is alone.
   */
  const settle = async (items: I[]): Promise<ItemResult<O>[]> => {
    let error: unknown;
    try {
      const results = await options.run(items);
      if (results.length === items.length) return results;
      error = new Error(`batch returned ${results.length} results for ${items.length} items`);
    } catch (caught) {
      error = caught;
    }
    const refusal = options.refusalOf?.(error);
    if (refusal === undefined || items.length === 1) {
      options.onBatchError?.(error, items.length);
      if (refusal !== undefined) return [{ ok: false, error: refusal }];
      // Nothing of these items was written: each caller may simply try again.
      const failure = new BatchFailedError("failed", error);
      return items.map(() => ({ ok: false, error: failure }));
    }
    counters.splits++;
    const middle = Math.ceil(items.length / 2);
    const first = await settle(items.slice(0, middle));
    return first.concat(await settle(items.slice(middle)));
  };

  const runBatch = async (batch: Pending<I, O>[]) => {
    const startedAt = performance.now();
    const results = await settle(batch.map((p) => p.item));
    counters.busyMs += performance.now() - startedAt;
    batchFinished();
    batch.forEach((p, i) => {
      const result = results[i];
      if (result.ok) p.resolve(result.value);
      else p.reject(result.error);
    });
  };

  return {
    add(item) {
      if (closed) return Promise.reject(new BatchFailedError("closed"));
      if (queue.length >= maxQueued) return Promise.reject(new BatchFailedError("overloaded"));
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (running >= maxConcurrent) return; // the running batch's end picks it up
        if (queue.length >= maxBatchSize) startBatch();
        // 0: start once the requests that arrived in this turn of the event loop are all in.
        else if (!timer) timer = maxWaitMs === 0 ? setImmediate(startBatch) : setTimeout(startBatch, maxWaitMs);
      });
    },
    async close() {
      closed = true;
      if (queue.length > 0) startBatch();
      if (running === 0 && queue.length === 0) return;
      await new Promise<void>((resolve) => idle.push(resolve));
    },
    stats: () => ({ ...counters }),
  };
}
