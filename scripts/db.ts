// `npm run db:migrate` and `npm run db:seed`.
import { runMigrations } from "@/db/migrate";
import { closeDb, connection } from "@/db/client";
import { seedDemoData } from "@/db/seed";

async function main() {
  const command = process.argv[2];
  console.log(`[db] ${command} on ${connection().kind}`);
  await runMigrations();
  if (command === "seed") await seedDemoData();
  await closeDb();
  console.log(`[db] ${command}: done`);
}

main().catch(async (error) => {
  console.error(error);
  await closeDb();
  process.exit(1);
});
