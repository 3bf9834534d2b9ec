// The VIP programme's set-based tier pass on PostgreSQL against one plain GROUP BY customer over the
// same receipts, measured in the same run (issue 5's performance target for the full recompute is
// "within 3 times the plain aggregate"). Needs BENCH_DATABASE_URL; a throw-away database is created and
// dropped. BENCH_TIER_CUSTOMERS (default 200,000) and BENCH_TIER_RECEIPTS (default 2,000,000) scale it.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { previewTiers, loadTiers, recomputeTiers, reviewTiers } from '../src/server/modules/loyalty/loyalty.service';
import { ensureBootstrapped } from '../src/server/modules/org/bootstrap';

const ms = (t0: number) => Math.round(performance.now() - t0);

export async function benchTiers(): Promise<Record<string, unknown>> {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) return { skipped: 'set BENCH_DATABASE_URL=postgres://… to run the tiers benchmark' };
  const customers = Number(process.env.BENCH_TIER_CUSTOMERS ?? 200_000);
  const receipts = Number(process.env.BENCH_TIER_RECEIPTS ?? 2_000_000);
  const name = `keqing_bench_tiers_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
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
    const { orgId, storeId } = boot;
    const t0 = performance.now();
    await db.execute(sql`insert into customers (org_id, store_id, family_name, display_name)
      select ${orgId}, ${storeId}, 'B', 'B' || g from generate_series(1, ${customers}) g`);
    // Skewed spend (a few big buyers), spread over the last two years.
    await db.execute(sql`
      with c as (select id, row_number() over (order by id) as n from customers where org_id = ${orgId})
      insert into receipts (org_id, store_id, customer_id, receipt_no, kind, occurred_at, currency, total_list, total_discount, total_paid)
      select ${orgId}, ${storeId}, c.id, 'R' || g, 'sale', now() - (random() * 730) * interval '1 day', 'CNY', p, 0, p
      from (select g, 1 + floor(power(random(), 2) * ${customers})::int as n, (10000 + floor(random() * 300000))::bigint as p
            from generate_series(1, ${receipts}) g) x
      join c on c.n = x.n`);
    await db.execute(sql`analyze`);
    const setupSeconds = Math.round((performance.now() - t0) / 100) / 10;

    const b0 = performance.now();
    await db.execute(
      sql`select customer_id, count(*), sum(total_paid) from receipts where org_id = ${orgId} group by customer_id`,
    );
    const groupByMs = ms(b0);
    const r0 = performance.now();
    const first = await recomputeTiers(db, orgId);
    const recomputeMs = ms(r0);
    const r1 = performance.now();
    const second = await recomputeTiers(db, orgId);
    const recomputeAgainMs = ms(r1);
    const tiers = await loadTiers(db, orgId);
    const p0 = performance.now();
    const preview = await previewTiers(db, orgId, {
      tiers: tiers.map((t) =>
        t.key === 'gold'
          ? {
              key: t.key,
              rank: t.rank,
              isActive: true,
              qualification: { spend: { CNY: 300_000 }, combine: 'or' as const },
            }
          : { key: t.key, rank: t.rank, isActive: t.isActive, qualification: t.qualification },
      ),
    });
    const previewMs = ms(p0);
    const v0 = performance.now();
    const review = await reviewTiers(db, orgId, { dryRun: true });
    const reviewMs = ms(v0);
    return {
      customers,
      receipts,
      setupSeconds,
      baseline: { groupByCustomerMs: groupByMs },
      recomputeTiers: {
        ms: recomputeMs,
        upgraded: first.upgraded,
        ratio: Math.round((recomputeMs / groupByMs) * 10) / 10,
      },
      recomputeAgain: { ms: recomputeAgainMs, upgraded: second.upgraded },
      preview: { ms: previewMs, up: preview.up, down: preview.down },
      reviewDryRun: { ms: reviewMs, inGrace: review.inGrace, downgraded: review.downgraded },
    };
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
