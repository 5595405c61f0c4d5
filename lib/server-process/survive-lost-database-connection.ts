import { isDatabaseUnavailable, loggable } from "@/lib/errors";

/**
 * postgres.js (3.4.9) runs a query of its own on each new connection (the array types,
 * `fetch_types`) and drops its promise: when that connection is cut or Postgres shuts down
 * at that moment — pg_terminate_backend, a restart while the pool reconnects — the error is
 * an unhandled rejection no caller can catch (porsager/postgres#1192, #1223), and Node stops
 * the whole process, every request in it with it (found by `npm run chaos`). A rejection that
 * says the database is away is therefore logged, and the pool connects again on the next query;
 * any other unhandled rejection still stops the process as Node would.
 * tests/server-survives-lost-database-connection.test.ts.
 */
export function surviveLostDatabaseConnection(log: (line: string) => void = (line) => console.error(line)): void {
  process.on("unhandledRejection", (reason) => {
    if (!isDatabaseUnavailable(reason)) throw reason;
    log(`[birge] a database connection was lost outside any request; the next query connects again: ${loggable(reason).split("\n")[0]}`);
  });
}
