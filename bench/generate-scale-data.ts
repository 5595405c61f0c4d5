// Generates the scale data set of `npm run bench -- --scale`: 10,000 petitions and 10 million
// signatures (sizes adjustable), with their maintained counts, into a database of its own.
// Signatures go in with COPY, secondary indexes dropped meanwhile and rebuilt after, as a
// bulk load should be. Runnable alone:
//   npx tsx bench/generate-scale-data.ts postgres://postgres@127.0.0.1:5432/birge_scale 10000000 10000
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import postgres from "postgres";

const WORDS = [
  "road", "school", "park", "budget", "water", "bus", "lighting", "clinic", "bridge", "library", "playground", "tram", "heating",
  "air", "trees", "parking", "sidewalk", "stadium", "market", "kindergarten", "crossing", "river", "transparency", "recycling",
];
const PLACES = ["Almaty", "Astana", "Shymkent", "Karaganda", "Aktobe", "Taraz", "Pavlodar", "Oskemen", "Semey", "Atyrau", "Kostanay", "Kyzylorda"];
const STATES = [
  ["open", 0.7],
  ["closed", 0.15],
  ["responded", 0.1],
  ["rejected", 0.05],
] as const;

/** A small fast generator, so a run is reproducible. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generateScaleData(options: { url: string; signatures: number; petitions: number; log: (line: string) => void }) {
  const { url, log } = options;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const rnd = random(42);
  try {
    const regions = (await sql<{ code: string }[]>`select code from regions order by code`).map((r) => r.code);
    const agencies = (await sql<{ id: string }[]>`select id from agencies order by slug`).map((r) => r.id);
    const [creator] = await sql<{ id: string }[]>`select id from users order by created_at limit 1`;
    if (!regions.length || !agencies.length || !creator) throw new Error("seed the database first");

    // Petitions: skewed sizes (Zipf-like), as real petitions are: a few huge, most small.
    const weights = Array.from({ length: options.petitions }, (_, k) => 1 / Math.pow(k + 1, 0.9));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const sizes = weights.map((w) => Math.floor((w / totalWeight) * options.signatures));
    sizes[0] += options.signatures - sizes.reduce((a, b) => a + b, 0);
    const now = Date.now();
    const petitions = sizes.map((size, k) => {
      let pick = rnd();
      const state = STATES.find(([, p]) => (pick -= p) < 0)?.[0] ?? "open";
      const openedAt = new Date(now - Math.floor(rnd() * 170 + 5) * 86_400_000);
      const words = [WORDS[Math.floor(rnd() * WORDS.length)], WORDS[Math.floor(rnd() * WORDS.length)]];
      return {
        id: randomUUID(),
        size,
        state,
        opened_at: openedAt.toISOString(),
        title: `Fix the ${words[0]} and the ${words[1]} in ${PLACES[k % PLACES.length]} (${k + 1})`,
        request: `Repair and maintain the ${words[0]} near district ${k % 97} of ${PLACES[k % PLACES.length]} this year.`,
        reasons: `Residents have asked for years; the ${words[1]} is unsafe and the budget line exists. Petition ${k + 1} of the scale set.`,
        agency_id: agencies[k % agencies.length],
      };
    });
    log(`scale: ${options.petitions} petitions`);
    for (let i = 0; i < petitions.length; i += 1000) {
      const chunk = petitions.slice(i, i + 1000).map((p) => ({ ...p, support_token: randomUUID() }));
      await sql`
        insert into petitions (id, creator_id, agency_id, title, request, reasons, state, support_token, response_threshold, response_working_days,
          submitted_at, opened_at, closes_on, closed_at, threshold_reached_at, responded_at, created_at, updated_at)
        select x.id, ${creator.id}, x.agency_id, x.title, x.request, x.reasons, x.state, x.support_token, 50000, 40,
          x.opened_at, x.opened_at, (x.opened_at + interval '6 months')::date,
          case when x.state in ('closed', 'responded') then x.opened_at + interval '30 days' end,
          null, case when x.state = 'responded' then x.opened_at + interval '60 days' end, x.opened_at, x.opened_at
        from json_to_recordset(${sql.json(chunk)}::json) as x(id text, agency_id text, title text, request text, reasons text, state text,
          support_token text, opened_at timestamptz)`;
    }

    // Signatures by COPY, with the secondary indexes and the integrity triggers off meanwhile.
    const indexes = await sql<{ indexname: string; indexdef: string }[]>`
      select indexname, indexdef from pg_indexes where tablename = 'signatures' and indexname <> 'signatures_pkey'`;
    for (const index of indexes) await sql.unsafe(`drop index if exists ${index.indexname}`);
    await sql`set session_replication_role = replica`;
    const started = Date.now();
    const copy = await sql`copy signatures (petition_id, full_name, name_display, email, email_normalized, email_domain, region_code,
      locale, state, ip_address, notify, created_at, confirmed_at) from stdin`.writable();
    let written = 0;
    let lines: string[] = [];
    for (let k = 0; k < petitions.length; k++) {
      const p = petitions[k];
      const opened = Date.parse(p.opened_at);
      const span = Math.max(1, now - opened);
      for (let i = 0; i < p.size; i++) {
        const created = new Date(opened + Math.floor(rnd() * span)).toISOString();
        const r = rnd();
        const state = r < 0.9 ? "confirmed" : r < 0.98 ? "pending" : "withdrawn";
        const email = `s${k}x${i}@mail${i % 500}.example`;
        lines.push(
          `${p.id}\tScale Signer ${i}\tinitials\t${email}\t${email}\tmail${i % 500}.example\t${regions[(i * 7 + k) % regions.length]}\t${
            i % 3 === 0 ? "ru" : "kk"
          }\t${state}\t2001:db8::${(i % 65536).toString(16)}\tt\t${created}\t${state === "pending" ? "\\N" : created}`,
        );
        if (lines.length === 5000) {
          written += lines.length;
          if (!copy.write(lines.join("\n") + "\n")) await once(copy, "drain");
          lines = [];
          if (written % 1_000_000 === 0) log(`scale: ${written.toLocaleString("en")} signatures (${Math.round(written / ((Date.now() - started) / 1000))}/s)`);
        }
      }
    }
    if (lines.length) copy.write(lines.join("\n") + "\n");
    written += lines.length;
    copy.end();
    await once(copy, "finish");
    await sql`set session_replication_role = origin`;
    log(`scale: ${written.toLocaleString("en")} signatures copied in ${Math.round((Date.now() - started) / 1000)} s; rebuilding ${indexes.length} indexes`);
    await sql`set maintenance_work_mem = '512MB'`;
    for (const index of indexes) await sql.unsafe(index.indexdef);

    // The maintained counts, once, from the data (never on a request path).
    const generated = sql`(select id from petitions where reasons like '%of the scale set.')`;
    await sql`delete from petition_count_shards where petition_id in ${generated}`;
    await sql`
      insert into petition_count_shards (petition_id, shard, confirmed, invalidated)
      select petition_id, 0, count(*) filter (where state = 'confirmed'), 0 from signatures where petition_id in ${generated} group by petition_id
      on conflict (petition_id, shard) do update set confirmed = excluded.confirmed`;
    await sql`
      update petition_totals t set confirmed = s.confirmed
      from (select petition_id, sum(confirmed) as confirmed from petition_count_shards where petition_id in ${generated} group by petition_id) s
      where t.petition_id = s.petition_id`;
    await sql`
      insert into petition_region_counts (petition_id, region_code, confirmed)
      select petition_id, region_code, count(*) from signatures where state = 'confirmed' and petition_id in ${generated} group by petition_id, region_code
      on conflict (petition_id, region_code, shard) do update set confirmed = excluded.confirmed`;
    await sql`
      insert into petition_daily_counts (petition_id, day, confirmed)
      select petition_id, (confirmed_at at time zone 'Asia/Almaty')::date, count(*) from signatures where state = 'confirmed' and petition_id in ${generated} group by 1, 2
      on conflict (petition_id, day, shard) do update set confirmed = excluded.confirmed`;
    await sql`vacuum analyze`;
    await sql`
      insert into settings (key, value) values ('bench.scale', ${sql.json({ signatures: options.signatures, petitions: options.petitions })})
      on conflict (key) do update set value = excluded.value, updated_at = now()`;
    log(`scale: done in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await sql.end();
  }
}

if (process.argv[1]?.endsWith("generate-scale-data.ts")) {
  const [url, signatures = "10000000", petitions = "10000"] = process.argv.slice(2);
  generateScaleData({ url, signatures: Number(signatures), petitions: Number(petitions), log: console.log }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
