import type { RateLimitRule } from "@/lib/rate-limit/hit-rate-limit";

/**
 * The signing limits kept in this process's memory: the same fixed windows as the database
 * limiter (lib/rate-limit/hit-rate-limit.ts), without a write per request. Each process
 * counts on its own, so N processes behind a balancer allow up to N times the limit; one
 * process per machine is how Birge runs (see README "Counting signatures and the hot path").
 */
export class MemoryRateLimiter {
  private readonly windows = new Map<string, { windowStart: number; hits: number; windowMs: number }>();
  private lastSweep = 0;

  constructor(private readonly maxKeys = 1_000_000) {}

  /** Counts one hit; true while within the limit. */
  hit(rule: RateLimitRule, now: Date = new Date()): boolean {
    const windowMs = rule.windowSeconds * 1000;
    const at = now.getTime();
    const windowStart = Math.floor(at / windowMs) * windowMs;
    this.sweep(at);
    const current = this.windows.get(rule.key);
    if (current && current.windowStart === windowStart) {
      current.hits++;
      return current.hits <= rule.limit;
    }
    this.windows.set(rule.key, { windowStart, hits: 1, windowMs });
    return 1 <= rule.limit;
  }

  /** Drops ended windows now and then, and everything if an attack fills the map. */
  private sweep(at: number) {
    if (this.windows.size >= this.maxKeys) this.windows.clear();
    if (at - this.lastSweep < 60_000) return;
    this.lastSweep = at;
    for (const [key, w] of this.windows) if (w.windowStart + w.windowMs <= at) this.windows.delete(key);
  }

  get size(): number {
    return this.windows.size;
  }
}
