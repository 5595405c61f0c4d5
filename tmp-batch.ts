import { getDb, closeDb } from "@/db/client";
import { signMany } from "@/lib/petitions/hot-path/sign-many";
process.env.AUTH_SECRET ||= "x";
async function main() {
  const db = getDb();
  for (const size of [32, 32, 32, 200, 1000]) {
    const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
    const items = Array.from({ length: size }, (_, i) => ({ petitionNumber: 11, input: { fullName: "Bench Signer", email: `t${run}-${i}@d${i}.example`, regionCode: "astana", nameDisplay: "initials" as const, consent: true as const, notify: true, iin: undefined }, ip: "x", locale: "kk" as const, actor: null, now: new Date() }));
    const t0 = performance.now();
    await db.transaction((tx) => signMany(tx, items));
    console.log(size, (performance.now() - t0).toFixed(1), "ms");
  }
  await closeDb();
}
main();
