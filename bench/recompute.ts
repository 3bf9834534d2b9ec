// Full recompute of metrics, classes, CLV and tiers on PostgreSQL against one plain GROUP BY customer
// aggregate over the same purchase lines, measured in the same run (issue 5: within 3×). The ratio is
// the first run's (every row new, most customers reach a tier); a second run is reported beside it.
// `steps` is the per-phase breakdown in ms. Needs BENCH_DATABASE_URL;
// a throw-away database is created and dropped (BENCH_KEEP_DB=1 keeps it for EXPLAIN). The data are generated set-based in SQL
// (generate_series), not by the demo generator: BENCH_RECOMPUTE_CUSTOMERS (default 1,000,000) customers
// and about BENCH_RECOMPUTE_LINES (default 10,000,000) lines on receipts of 1–4 lines over three years,
// with a skewed spend (a few heavy buyers, many one-timers, a tenth who never bought).
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/server/config';
import { openDatabase, rows } from '../src/server/db/client';
import { METRICS_WORK_MEM, recomputeAll } from '../src/server/modules/metrics/metrics.service';
import { ensureBootstrapped } from '../src/server/modules/org/bootstrap';

export async function benchRecompute(): Promise<Record<string, unknown>> {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) return { skipped: 'set BENCH_DATABASE_URL=postgres://… to run the recompute benchmark' };
  const customers = Number(process.env.BENCH_RECOMPUTE_CUSTOMERS ?? 1_000_000);
  const lines = Number(process.env.BENCH_RECOMPUTE_LINES ?? 10_000_000);
  const name = `keqing_bench_rc_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  const log = (m: string) => process.stderr.write(`  recompute bench: ${m}\n`);
  try {
    await database.migrate();
    const config = loadConfig({
      KEQING_ADMIN_EMAIL: 'bench@example.com',
      KEQING_ADMIN_PASSWORD: 'bench-password-1',
      LOG_LEVEL: 'silent',
    });
    const boot = await ensureBootstrapped(database.db, config);
    if (!boot.created) throw new Error('fresh database expected');
    const db = database.db;
    const t0 = performance.now();
    await db.execute(sql`set synchronous_commit = off`);
    await db.execute(sql`
      insert into product_categories (org_id, key, labels)
      select ${boot.orgId}, 'cat' || g, jsonb_build_object('en', 'Category ' || g) from generate_series(1, 8) g`);
    await db.execute(sql`
      insert into customers (org_id, store_id, family_name, display_name, member_no, created_at)
      select ${boot.orgId}, ${boot.storeId}, 'B', 'B' || g, 'B' || g, now() - interval '4 years'
      from generate_series(1, ${customers}::int) g`);
    await db.execute(sql`create unlogged table bench_ids as
      select id, (row_number() over (order by member_no))::int as n from customers`);
    await db.execute(sql`create index on bench_ids (n)`);
    log(`${customers} customers (${Math.round(performance.now() - t0)} ms)`);
    // Receipts: customer n = 1 + ⌊0.9·N·u²⌋ — skewed towards the first ones; the last tenth never buys.
    // Their totals are the sums of the lines below (as every write path keeps them): line k of receipt
    // no has the price 5000 + (hashtext(no || k) & 262143) and a discount of 2000 on the second line.
    const receipts = Math.round(lines / 2.5);
    await db.execute(sql`
      insert into receipts (org_id, store_id, customer_id, receipt_no, occurred_at, currency, total_list, total_discount, total_paid, source)
      select ${boot.orgId}, ${boot.storeId}, b.id, s.no, now() - s.age, 'CNY', t.list, t.discount, t.list - t.discount, 'import'
      from (select 'B' || g as no, 1 + floor(0.9 * ${customers}::int * power(random(), 2))::int as n,
                   random() * interval '1095 days' as age
            from generate_series(1, ${receipts}::int) g) s
      cross join lateral (
        select sum(5000 + (hashtext(s.no || k) & 262143))::bigint as list,
               sum(case when k = 2 then 2000 else 0 end)::bigint as discount
        from generate_series(1, 1 + (hashtext(s.no) & 3)) k) t
      join bench_ids b on b.n = s.n`);
    log(`${receipts} receipts (${Math.round(performance.now() - t0)} ms)`);
    await db.execute(sql`
      insert into receipt_lines (org_id, receipt_id, line_no, product_name, category_id, quantity, unit_list_price, discount, paid_amount)
      select r.org_id, r.id, k, 'Item', c.id, 1, p.price, p.discount, p.price - p.discount
      from receipts r
      cross join lateral generate_series(1, 1 + (hashtext(r.receipt_no) & 3)) k
      cross join lateral (select (5000 + (hashtext(r.receipt_no || k) & 262143))::bigint as price,
                                 case when k = 2 then 2000 else 0 end::bigint as discount) p
      join (select id, (row_number() over (order by key))::int - 1 as i from product_categories) c
        on c.i = (abs(hashtext(r.receipt_no)) + k) % 8`);
    await db.execute(sql`drop table bench_ids`);
    await db.execute(sql`vacuum analyze receipts`);
    await db.execute(sql`vacuum analyze receipt_lines`);
    await db.execute(sql`analyze customers`);
    const [counts] = await rows<{ lines: number; receipts: number; mismatched: number }>(
      db,
      sql`select (select count(*) from receipt_lines)::int as lines, (select count(*) from receipts)::int as receipts,
                 (select count(*) from receipts r where r.total_paid <>
                    (select sum(l.paid_amount) from receipt_lines l where l.receipt_id = r.id) and r.id::text < '1')::int as mismatched`,
    );
    if (counts!.mismatched) throw new Error('receipt totals differ from their lines');
    const setupSeconds = Math.round(performance.now() - t0) / 1000;
    log(`${counts!.lines} lines, set-up ${setupSeconds} s`);

    // (a) the baseline: one plain aggregate per customer over the lines, with the same work_mem.
    const baseline = async () => {
      const b0 = performance.now();
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local work_mem = '${METRICS_WORK_MEM}'`));
        await tx.execute(sql`set local jit = off`);
        await tx.execute(sql`
          create temporary table bench_baseline on commit drop as
          select r.customer_id, count(*) as lines, sum(l.paid_amount) as paid
          from receipt_lines l join receipts r on r.id = l.receipt_id group by r.customer_id`);
      });
      return Math.round(performance.now() - b0);
    };
    const warm = await baseline();
    const baselineMs = await baseline();
    log(`baseline GROUP BY ${baselineMs} ms (warm-up ${warm} ms)`);
    // (b) the full recompute: metrics, classes, thresholds, CLV fit and scores, written to customer_metrics.
    const r0 = performance.now();
    const result = await recomputeAll(database, boot.orgId, {
      onProgress: (step, detail) => log(`${step} ${JSON.stringify(detail)}`),
    });
    const recomputeMs = Math.round(performance.now() - r0);
    const [check] = await rows<Record<string, number>>(
      db,
      sql`select count(*)::int as rows, (count(*) filter (where clv_status = 'ok'))::int as with_worth,
                 (count(*) filter (where class_abcd = 'A'))::int as class_a,
                 (count(*) filter (where lapse_status = 'drifting'))::int as drifting
          from customer_metrics`,
    );
    // (c) the same recompute again (the nightly run on an unchanged day: rows exist, tiers are assigned).
    const s0 = performance.now();
    const second = await recomputeAll(database, boot.orgId, {
      onProgress: (step, detail) => log(`second run: ${step} ${JSON.stringify(detail)}`),
    });
    const secondMs = Math.round(performance.now() - s0);
    return {
      customers,
      lines: counts!.lines,
      receipts: counts!.receipts,
      setupSeconds,
      baselineMs,
      recomputeMs,
      ratio: Math.round((recomputeMs / baselineMs) * 100) / 100,
      steps: result.steps,
      models: result.models,
      check,
      secondRun: { ms: secondMs, ratio: Math.round((secondMs / baselineMs) * 100) / 100, steps: second.steps },
    };
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP_DB) log(`kept database ${name}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
