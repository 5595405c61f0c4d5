import { regions } from "@/db/schema";
import type { Database } from "@/db/client";
import { databaseErrorOf, DomainError, isRefusedValue, loggable } from "@/lib/errors";
import { isBigSerialId, isSerialNumber } from "@/lib/validation/numbers";
import { isPlainText } from "@/lib/validation/text";
import { emailDomain } from "../normalize-email";
import { readPetitionSettings, type PetitionSettings } from "../settings";
import { verifySignatureToken } from "../tokens";
import { confirmMany, type ConfirmResult } from "./confirm-many";
import { createCountCache, type PublicCount } from "./count-cache";
import { MemoryRateLimiter } from "./memory-rate-limiter";
import { BatchFailedError, createMicroBatcher } from "./micro-batcher";
import { petitionsByNumber, signMany, signsAsThemselves, type SignablePetitionInfo, type SignatureSubmission, type SignOutcome } from "./sign-many";

export interface HotPathOptions {
  db: Database;
  /** Batches of each kind in flight at once (default 1: the next one fills while one commits). */
  maxConcurrent?: number;
  maxBatchSize?: number;
  maxWaitMs?: number;
  /** How old a count the count endpoint may serve. */
  countMaxAgeMs?: number;
}

/** A deadlock or serialization failure: the batch is retried, as nothing of it was written. */
function isTransient(error: unknown): boolean {
  const code = databaseErrorOf(error)?.code;
  return code === "40P01" || code === "40001";
}

async function withRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 3 || !isTransient(error)) throw error;
    }
  }
}

/** A value read now and then instead of on every request. */
function refreshed<T>(load: () => Promise<T>, maxAgeMs: number) {
  let value: T | undefined;
  let at = 0;
  let pending: Promise<T> | null = null;
  /** The value while it is fresh, without waiting: most requests need no promise for it. */
  const peek = (): T | undefined => (value !== undefined && Date.now() - at < maxAgeMs ? value : undefined);
  return {
    peek,
    async get(): Promise<T> {
      const fresh = peek();
      if (fresh !== undefined) return fresh;
      pending ??= load()
        .then((v) => {
          value = v;
          at = Date.now();
          return v;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    invalidate() {
      at = 0;
    },
  };
}

/** Petitions by number, each read at most once per `maxAgeMs` (signMany re-checks the state in its INSERT). */
function createPetitionCache(db: Database, maxAgeMs: number) {
  const entries = new Map<number, { value: SignablePetitionInfo | undefined; at: number }>();
  return async (numbers: number[]): Promise<Map<number, SignablePetitionInfo>> => {
    const now = Date.now();
    const stale = numbers.filter((n) => !entries.has(n) || now - entries.get(n)!.at >= maxAgeMs);
    if (stale.length) {
      const fresh = await petitionsByNumber(db, stale);
      if (entries.size > 10_000) entries.clear();
      for (const n of stale) entries.set(n, { value: fresh.get(n), at: now });
    }
    const result = new Map<number, SignablePetitionInfo>();
    for (const n of numbers) {
      const value = entries.get(n)?.value;
      if (value) result.set(n, value);
    }
    return result;
  };
}

/** A request that passed its checks: its batch's promise. */
interface Queued<T> {
  queued: Promise<T>;
}

/**
 * The signing, confirming and counting that the custom server answers itself (see
 * hot-path/http-handler.ts): the same rules as signPetition and confirmSignature — same
 * schema, same limits, same dedupe and mail — with writes grouped into batches.
 */
export function createHotPath(options: HotPathOptions) {
  const { db } = options;
  const settings = refreshed(() => readPetitionSettings(db), 5_000);
  const regionCodes = refreshed(async () => new Set((await db.select({ code: regions.code }).from(regions)).map((r) => r.code)), 60_000);
  const limiter = new MemoryRateLimiter();
  const petitionCache = createPetitionCache(db, 1_000);
  const counts = createCountCache(db, options.countMaxAgeMs ?? 200);
  const batcherOptions = {
    maxConcurrent: options.maxConcurrent ?? 1,
    maxBatchSize: options.maxBatchSize ?? 1000,
    maxWaitMs: options.maxWaitMs ?? 0,
    onBatchError: (error: unknown, size: number) => console.error(`[hot-path] a batch of ${size} failed:`, loggable(error).split("\n")[0]),
    // A value the checks below let through and the database refused: the batch is split until
    // the request that carries it is found, refused alone as invalid; the others commit.
    refusalOf: (error: unknown) => (isRefusedValue(error) ? new DomainError("validation", "validation") : undefined),
  };

  const signing = createMicroBatcher<SignatureSubmission, { outcome: SignOutcome }>({
    ...batcherOptions,
    run: async (items) => {
      const known = await petitionCache([...new Set(items.map((item) => item.petitionNumber))]);
      // One statement, atomic by itself: no BEGIN and COMMIT round trips. A transaction only
      // when someone signed in is confirmed at once, as the counts then move too.
      if (!items.some(signsAsThemselves)) return withRetry(() => signMany(db, items, { petitions: known }));
      return withRetry(() => db.transaction((tx) => signMany(tx, items, { petitions: known })));
    },
  });

  const confirming = createMicroBatcher<{ signatureId: number; now: Date }, ConfirmResult>({
    ...batcherOptions,
    // One statement, atomic by itself (see confirmMany): no transaction around it.
    run: (items) => {
      const now = items.reduce((latest, item) => (item.now > latest ? item.now : latest), items[0].now);
      return withRetry(() => confirmMany(db, items.map((item) => item.signatureId), now));
    },
  });

  // Requests still reading the settings or regions before they can be queued (those checked
  // from the cache are queued at once): shutdown waits for them.
  let closing = false;
  let admitting = 0;
  let allAdmitted: (() => void) | null = null;
  /**
   * Runs the checks, then queues; resolves to the batch's promise. Checks that can answer from
   * what is cached run at once (the common case); those that must read first are counted in
   * `admitting` until their item is queued, so that shutdown waits for them.
   */
  const admit = <T>(checkAndQueue: () => Queued<T> | Promise<Queued<T>>): Promise<T> => {
    if (closing) return Promise.reject(new BatchFailedError("closed"));
    let checked: Queued<T> | Promise<Queued<T>>;
    try {
      checked = checkAndQueue();
    } catch (error) {
      return Promise.reject(error);
    }
    if (!(checked instanceof Promise)) return checked.queued;
    admitting++;
    const admitted = () => {
      if (--admitting === 0) allAdmitted?.();
    };
    return checked.then(
      ({ queued }) => (admitted(), queued),
      (error: unknown) => {
        admitted();
        throw error;
      },
    );
  };

  type SignRequest = Omit<SignatureSubmission, "now"> & { now?: Date };

  /** The checks of one signature against the current settings and regions; queues it when it passes. */
  function checkWith(current: PetitionSettings, known: Set<string>, request: SignRequest): Queued<{ outcome: SignOutcome }> {
    const now = request.now ?? new Date();
    const { input } = request;
    // What the database would refuse, refused here for this request alone before it joins a
    // batch: a number out of int4's range, or text it cannot store (the input's own fields were
    // checked by signatureFormSchema, one pass each).
    if (!isSerialNumber(request.petitionNumber)) throw new DomainError("not_found", "notFound");
    if ((request.supportToken !== undefined && !isPlainText(request.supportToken)) || !isPlainText(request.ip)) throw new DomainError("validation", "validation");
    if (current.requireIin && !input.iin) throw new DomainError("validation", "validation", { iin: ["iinRequired"] });
    if (!known.has(input.regionCode)) throw new DomainError("validation", "validation", { regionCode: ["chooseRegion"] });
    const withinIpLimit = limiter.hit({ key: `sign:ip:${request.ip}`, limit: current.signaturesPerIpPerHour, windowSeconds: 3600 }, now);
    const withinDomainLimit = limiter.hit(
      { key: `sign:domain:${emailDomain(input.email)}`, limit: current.signaturesPerEmailDomainPerMinute, windowSeconds: 60 },
      now,
    );
    if (!withinIpLimit || !withinDomainLimit) throw new DomainError("rate_limited", "rateLimited");
    return { queued: signing.add({ ...request, now }) };
  }

  /** With fresh settings and a known region, at once; otherwise after reading them (a region unknown to the cache is read again). */
  function checkSignature(request: SignRequest): Queued<{ outcome: SignOutcome }> | Promise<Queued<{ outcome: SignOutcome }>> {
    const current = settings.peek();
    const known = regionCodes.peek();
    if (current && known?.has(request.input.regionCode)) return checkWith(current, known, request);
    return (async () => {
      const loaded = await settings.get();
      let regionsNow = await regionCodes.get();
      if (!regionsNow.has(request.input.regionCode)) {
        regionCodes.invalidate();
        regionsNow = await regionCodes.get();
      }
      return checkWith(loaded, regionsNow, request);
    })();
  }

  return {
    /** Signs (input already parsed with signatureFormSchema); settles once its batch committed. */
    sign(request: SignRequest): Promise<{ outcome: SignOutcome }> {
      return admit(() => checkSignature(request));
    },

    /** Confirms from the e-mailed link; settles once its batch committed. */
    confirm(request: { signatureId: number; token: string; now?: Date }): Promise<ConfirmResult> {
      return admit(() => {
        if (!isBigSerialId(request.signatureId) || !verifySignatureToken(request.signatureId, "confirm", request.token)) {
          throw new DomainError("not_found", "signatureLinkInvalid");
        }
        return { queued: confirming.add({ signatureId: request.signatureId, now: request.now ?? new Date() }) };
      });
    },

    /** The public count of a petition, at most countMaxAgeMs old; null when it is not public. */
    count(petitionNumber: number): Promise<PublicCount | null> {
      return counts.get(petitionNumber);
    },

    /** Refuses new requests, writes every one already taken, and waits for it: call before closing the database. */
    async close(): Promise<void> {
      closing = true;
      if (admitting > 0) await new Promise<void>((resolve) => (allAdmitted = resolve));
      await Promise.all([signing.close(), confirming.close()]);
    },

    stats() {
      return { signing: signing.stats(), confirming: confirming.stats(), rateLimitKeys: limiter.size };
    },
  };
}

export type HotPath = ReturnType<typeof createHotPath>;
