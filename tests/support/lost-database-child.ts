// A child process for tests/server-survives-lost-database-connection.test.ts: the guard a
// Birge server process installs (unless told otherwise), then an unhandled rejection of the
// kind CHILD_REJECTION names — the real PostgresError of a connection terminated by an
// administrator, as postgres.js drops it when a new connection is cut while it reads the
// array types, or a programming error. Prints "still serving" and exits 0 if it survives.
import postgres from "postgres";
import { surviveLostDatabaseConnection } from "@/lib/server-process/survive-lost-database-connection";

if (process.env.WITHOUT_BIRGE_HANDLER !== "1") surviveLostDatabaseConnection();

const { PostgresError } = postgres as unknown as { PostgresError: new (fields: Record<string, string>) => Error };
const terminated = new PostgresError({ severity: "FATAL", code: "57P01", message: "terminating connection due to administrator command" });
void Promise.reject(process.env.CHILD_REJECTION === "bug" ? new TypeError("a programming error") : terminated);
setTimeout(() => {
  console.log("still serving");
  process.exit(0);
}, 300);
