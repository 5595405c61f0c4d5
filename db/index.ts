import "server-only";

export { db, getDb, rowsOf, connection, type Database, type Transaction, type Executor } from "./client";
export * from "./schema";
