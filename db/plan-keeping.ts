/**
 * Whether the hot path's statements may keep their plans yet: false until `ask` (is
 * `signatures` big enough? see KEEP_PLANS_FROM_PAGES in db/client.ts) has once answered yes,
 * then true for the life of the process (the table does not shrink back). Never waits: each
 * call answers at once from what is known, and starts a new question when none is in flight
 * and the last one started at least `everyMs` ago — so a look held up by a lock on the table
 * does not pile up others behind it. A failed look is reported once, then tried again later.
 */
export function planKeeping(
  ask: () => Promise<boolean>,
  options: { everyMs?: number; now?: () => number; reportFailure?: (error: unknown) => void } = {},
): () => boolean {
  const everyMs = options.everyMs ?? 1000;
  const now = options.now ?? Date.now;
  let keeps = false;
  let asking = false;
  let askedAt = -Infinity;
  let reported = false;
  return () => {
    if (keeps || asking || now() - askedAt < everyMs) return keeps;
    asking = true;
    askedAt = now();
    ask().then(
      (answer) => {
        if (answer) keeps = true;
        asking = false;
      },
      (error: unknown) => {
        asking = false;
        if (!reported) options.reportFailure?.(error);
        reported = true;
      },
    );
    return false;
  };
}
