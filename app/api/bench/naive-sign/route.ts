import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jsonError } from "@/lib/http/json-error";

export const dynamic = "force-dynamic";

/**
 * The naive design `npm run bench` compares against — NOT used by the site: a Next.js route
 * handler that writes one INSERT and one UPDATE of a single counter row per signature.
 * Answers 404 unless the bench started the server with BIRGE_BENCH_ROUTES=1.
 */
export async function POST(request: Request) {
  if (process.env.BIRGE_BENCH_ROUTES !== "1") return jsonError("not_found", "Not found");
  const body = (await request.json().catch(() => null)) as { petitionId?: string; email?: string; fullName?: string; regionCode?: string } | null;
  if (!body?.petitionId || !body.email) return jsonError("validation", "Send petitionId and email");
  const email = body.email.trim().toLowerCase();
  const inserted = await getDb().transaction(async (tx) => {
    const rows = await tx.execute(sql`
      insert into signatures (petition_id, full_name, email, email_normalized, email_domain, region_code, state, confirmed_at)
      values (${body.petitionId}, ${body.fullName ?? "Naive Signer"}, ${email}, ${email}, ${email.slice(email.indexOf("@") + 1)}, ${body.regionCode ?? "almaty"}, 'confirmed', now())
      on conflict do nothing returning id`);
    const count = Array.isArray(rows) ? rows.length : ((rows as { rows?: unknown[] }).rows?.length ?? 0);
    if (count) await tx.execute(sql`update petition_count_shards set confirmed = confirmed + 1 where petition_id = ${body.petitionId} and shard = 0`);
    return count > 0;
  });
  return Response.json({ outcome: inserted ? "stored" : "duplicate" }, { status: 202 });
}
