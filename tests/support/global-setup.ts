// Once before the integration files run in parallel: on Postgres, migrate the database;
// on PGlite, migrate an in-memory database and save it as a snapshot that every test file
// loads (much faster than migrating once per file).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function globalSetup(project: TestProject) {
  const { runMigrations } = await import("../../db/migrate");
  const { closeDb, connection, getDb } = await import("../../db/client");
  const { insertReferenceData } = await import("./reference-data");
  if (!process.env.DATABASE_URL) {
    process.env.BIRGE_DATA_DIR = "memory://";
    delete process.env.BIRGE_PGLITE_TEMPLATE;
  }
  await runMigrations();
  await insertReferenceData(getDb());
  if (!process.env.DATABASE_URL) {
    const dump = await connection().pglite!.dumpDataDir("none");
    const file = path.join(process.cwd(), ".data-test", `template-${process.pid}.tar`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("pgliteTemplate", file);
    await closeDb();
    return () => rmSync(file, { force: true });
  }
  await closeDb();
}
