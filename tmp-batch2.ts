import { getDb, closeDb, connection } from "@/db/client";
import { signatures, mailMessages } from "@/db/schema";
import { renderMail } from "@/lib/mail/render-mail";
process.env.AUTH_SECRET ||= "x";
async function main() {
  const db = getDb();
  const [{ id: pid }] = (await connection().sql!`select id from petitions where number = 11`) as unknown as { id: string }[];
  for (const size of [1000, 1000]) {
    const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
    const rows = Array.from({ length: size }, (_, i) => ({ petitionId: pid, fullName: "Bench", nameDisplay: "initials" as const, email: `u${run}-${i}@x.example`, emailNormalized: `u${run}-${i}@x.example`, emailDomain: "x.example", regionCode: "astana", iinHash: null, userId: null, locale: "kk", state: "pending" as const, confirmedAt: null, ipAddress: "x", notify: true, createdAt: new Date() }));
    let t = performance.now();
    const q = db.insert(signatures).values(rows).onConflictDoNothing().returning({ id: signatures.id });
    const built = q.toSQL();
    console.log("build", (performance.now() - t).toFixed(1), "params", built.params.length); t = performance.now();
    await db.transaction(async (tx) => {
      t = performance.now();
      await tx.insert(signatures).values(rows).onConflictDoNothing().returning({ id: signatures.id });
      console.log("insert sigs", (performance.now() - t).toFixed(1)); t = performance.now();
      const mails = rows.map((r) => renderMail("mailPetitions.confirmSignature", "kk", { title: "T", url: "http://x/p/1", confirmUrl: "http://x/c?t=abc", withdrawUrl: "http://x/w?t=abc" }));
      console.log("render", (performance.now() - t).toFixed(1)); t = performance.now();
      await tx.insert(mailMessages).values(mails.map((m, i) => ({ toAddress: rows[i].email, subject: m.subject, textBody: m.text, htmlBody: m.html, template: "x" }))).returning({ id: mailMessages.id });
      console.log("insert mails", (performance.now() - t).toFixed(1)); t = performance.now();
    });
    console.log("commit", (performance.now() - t).toFixed(1));
  }
  await closeDb();
}
main();
