// The database client without the "server-only" guard, for scripts, the job worker and tests.
// Application code imports "@/db" instead.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import postgres from "postgres";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import * as schema from "./schema";
import { loggable } from "@/lib/errors";
import { planKeeping } from "./plan-keeping";

/** The Drizzle database. Both drivers share this API; it is typed as the postgres.js one. */
export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle, as passed to `db.transaction(async (tx) => …)`. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or a transaction: domain helpers accept both. */
export type Executor = Database | Transaction;

export type DriverKind = "postgres" | "pglite";

/**
 * The hot path's statements by kind, each on a connection of its own (Postgres): signing
 * batches one after another on one, confirming batches on the other, the two kinds side by side.
 */
export type HotPathLane = "sign" | "confirm";

interface Connection {
  kind: DriverKind;
  db: Database;
  pglite?: PGlite;
  sql?: postgres.Sql;
  /** The hot path's own connection for one kind of statement (Postgres only), opened on first use: see executePrepared. */
  hotPathSql?: (lane?: HotPathLane) => postgres.Sql;
  /** Runs one statement on a lane within its deadline (Postgres only): see createHotPathLanes. */
  runOnLane?: HotPathLanes["run"];
  /** Whether the hot path's statements may keep their plans yet (Postgres only): see executePrepared. */
  keepsPlans?: () => boolean;
  close: () => Promise<void>;
}

/** Where embedded data lives: BIRGE_DATA_DIR, default ./.data; "memory://" for an in-memory database. */
export function dataDir(): string {
  return process.env.BIRGE_DATA_DIR || path.join(process.cwd(), ".data");
}

export function pgliteLocation(): string {
  const dir = dataDir();
  return dir.startsWith("memory://") ? dir : path.join(dir, "pglite");
}

/**
 * The settings of the hot path's own connections. Its statements keep one plan per connection
 * (planning was a fifth of a signing batch's time in Postgres), so a plan made while the
 * tables were small must stay right once they hold millions of rows: these connections use an
 * index wherever one applies, each statement reaches every table by a key that only one
 * index serves, and no plan is kept before `signatures` has some size (KEEP_PLANS_FROM_PAGES)
 * — tests/hot-path-plans.test.ts checks the plans kept then.
 */
export const HOT_PATH_SESSION = { plan_cache_mode: "force_generic_plan", enable_seqscan: "off" } as const;

/**
 * How long one hot-path statement may take before its connection is given up (ms). A batch
 * takes milliseconds (the bench's p99 is under 50 ms); a connection cut while it held prepared statements can leave postgres.js
 * (3.4.9) waiting forever without reconnecting (`npm run chaos`, connections-cut: every
 * confirmation hung from then on). Past the deadline the statement's callers get a
 * "connection destroyed" error (503 with Retry-After: nothing acknowledged, and a retry is
 * safe, as signing and confirming are idempotent) and the lane opens a new connection.
 */
export const HOT_PATH_STATEMENT_DEADLINE_MS = 2_000;

export type HotPathLanes = ReturnType<typeof createHotPathLanes>;

/**
 * The hot path's own connections, one per kind of statement (signing, confirming), each opened
 * on first use: a second batch sent while one runs waits in that connection's pipeline
 * (postgres.js sends it at once), so Postgres starts it the moment the first has committed,
 * with no round trip in between (see executePrepared). A statement that has not settled by
 * `deadlineMs` fails and its lane's connection is replaced (tests/hot-path-stuck-connection.test.ts).
 */
export function createHotPathLanes(url: string, options: { deadlineMs?: number; connectTimeoutSeconds?: number } = {}) {
  const deadlineMs = options.deadlineMs ?? HOT_PATH_STATEMENT_DEADLINE_MS;
  const lanes = new Map<HotPathLane, postgres.Sql>();
  const sql = (lane: HotPathLane = "sign") => {
    let hot = lanes.get(lane);
    if (hot) return hot;
    hot = postgres(url, {
      max: 1,
      onnotice: () => {},
      ...(options.connectTimeoutSeconds ? { connect_timeout: options.connectTimeoutSeconds } : {}),
      connection: { application_name: "birge-hot-path", ...HOT_PATH_SESSION },
    });
    // The same value handling as the main pool (JSON parameters passed through as written).
    drizzlePostgres(hot, { schema });
    lanes.set(lane, hot);
    return hot;
  };
  return {
    sql,
    /** One statement on `lane`, failing with code CONNECTION_DESTROYED (a database away) if it has not settled by the deadline. */
    async run<T>(lane: HotPathLane, text: string, params: unknown[], prepare: boolean): Promise<T[]> {
      const hot = sql(lane);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          // Only the stuck connection is dropped (a lane already replaced stays), and it is left
          // alone: ending it wrote to its socket after the driver had let it go, an uncaught
          // TypeError in postgres.js that stopped the process (`npm run chaos`).
          if (lanes.get(lane) === hot) lanes.delete(lane);
          reject(Object.assign(new Error(`the hot path's ${lane} connection did not answer within ${deadlineMs} ms; it was replaced`), { code: "CONNECTION_DESTROYED" }));
        }, deadlineMs);
      });
      try {
        return (await Promise.race([hot.unsafe(text, params as never[], { prepare }), deadline])) as unknown as T[];
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await Promise.all([...lanes.values()].map((hot) => hot.end({ timeout: 5 })));
    },
  };
}

function open(): Connection {
  const url = process.env.DATABASE_URL;
  if (url) {
    const sql = postgres(url, {
      max: Number(process.env.DATABASE_POOL_SIZE || 10),
      onnotice: () => {},
      // postgres.js prepares every statement; they keep their parse but are planned on each
      // run with its values: a plan frozen while a table was small (a viral petition's first
      // seconds) would stay the plan as it grows to millions of rows.
      connection: { application_name: "birge", plan_cache_mode: "force_custom_plan" },
    });
    const lanes = createHotPathLanes(url);
    const hotPathSql = lanes.sql;
    const keepsPlans = planKeeping(() => signaturesCanKeepPlans((text) => sql.unsafe(text)), {
      reportFailure: (error) => console.error("[birge] could not read the size of signatures; the hot path plans each batch until it can:", loggable(error)),
    });
    return {
      kind: "postgres",
      db: drizzlePostgres(sql, { schema }),
      sql,
      hotPathSql,
      runOnLane: lanes.run,
      keepsPlans,
      close: async () => {
        await Promise.all([sql.end({ timeout: 5 }), lanes.close()]);
      },
    };
  }
  const location = pgliteLocation();
  if (!location.startsWith("memory://")) mkdirSync(location, { recursive: true });
  // Tests start each file from a migrated snapshot instead of migrating again.
  const template = location.startsWith("memory://") ? process.env.BIRGE_PGLITE_TEMPLATE : undefined;
  const pglite = new PGlite(location, {
    extensions: { pg_trgm },
    ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}),
  });
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  return { kind: "pglite", db, pglite, close: () => pglite.close() };
}

type GlobalWithConnection = typeof globalThis & { __birgeConnection?: Connection };

/**
 * One connection per process, kept on globalThis: the custom server, the job worker and
 * Next's own bundles load this module separately, and PGlite allows one opener per folder.
 */
export function connection(): Connection {
  const g = globalThis as GlobalWithConnection;
  if (!g.__birgeConnection) g.__birgeConnection = open();
  return g.__birgeConnection;
}

export function getDb(): Database {
  return connection().db;
}

export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithConnection;
  const current = g.__birgeConnection;
  g.__birgeConnection = undefined;
  if (current) await current.close();
}

/**
 * The database, opened on first use so that importing it (during `next build`, say)
 * touches nothing.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    return Reflect.get(getDb() as object, property);
  },
});

/** Rows of a raw `db.execute(sql)` result, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export { schema };

const dialect = new PgDialect();

/**
 * How big `signatures` must be (in 8 kB pages, about 2,000 signatures) before the hot path's
 * statements keep a plan. On an empty or nearly empty table every index that starts with
 * petition_id costs the planner the same, and when the table was analysed while empty it
 * picks among them as it likes — a plan kept from then walked every pending signature by
 * (petition_id, state, id) on each confirming batch until autovacuum analysed the table again.
 * Planned while the table has some pages, the planner sizes it from its pages, whatever the
 * statistics say, and chooses the indexes that find each row (tests/hot-path-plans.test.ts).
 */
export const KEEP_PLANS_FROM_PAGES = 64;

/** True once `signatures` holds KEEP_PLANS_FROM_PAGES pages: one look at its size, not a count. */
export async function signaturesCanKeepPlans(query: (text: string) => Promise<ReadonlyArray<Record<string, unknown>>>): Promise<boolean> {
  const [row] = await query("select pg_relation_size('signatures') / current_setting('block_size')::int as pages");
  return Number(row.pages) >= KEEP_PLANS_FROM_PAGES;
}

/**
 * `db.execute(query)`'s rows, but on Postgres outside a transaction on the hot path's own
 * connection for `lane`, as a named prepared statement once `signatures` has some size (before that,
 * planned on each run with the table's current size: KEEP_PLANS_FROM_PAGES): parsed,
 * described and planned once per connection instead of on every run, with a plan that
 * reaches every table by an index. An ANALYZE of a table the plan reads (autovacuum's, as
 * tables grow) makes Postgres plan it again. For the hot path's two statements (signing,
 * confirming), run thousands of times a second with the same text (their rows travel as one
 * JSON parameter); not for anything whose best plan depends on its parameters. Each lane is
 * one connection: statements sent while one runs are pipelined on it and run in order.
 */
export async function executePrepared<T>(executor: Executor, query: SQL, lane?: HotPathLane): Promise<T[]> {
  const current = connection();
  if (current.kind === "postgres" && current.runOnLane && executor === current.db) {
    const { sql: text, params } = dialect.sqlToQuery(query);
    const prepare = current.keepsPlans?.() ?? false;
    return current.runOnLane<T>(lane ?? "sign", text, params, prepare);
  }
  return rowsOf<T>(await executor.execute(query));
}
