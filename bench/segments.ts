// A segment count over 1,000,000 customers (issue 5: under 1 second): "gold or above, drifting,
// birthday next month (solar or lunar), consents to SMS" through the same segmentWhere the API uses,
// against a plain `select count(*) from customers where org_id = …` in the same run. The customers,
// their metrics, tiers and consent records are generated with set-based SQL in a throw-away database:
// PostgreSQL with BENCH_DATABASE_URL, and PGlite (in memory) with BENCH_SEGMENTS_PGLITE=1.
// BENCH_SEGMENT_CUSTOMERS scales it (default 1,000,000); BENCH_SEGMENT_RUNS the timed runs (default 7).
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { SegmentDefinition } from '../src/contracts/segments';
import { loadConfig } from '../src/server/config';
import { openDatabase, rows, type Database } from '../src/server/db/client';
import { stores } from '../src/server/db/schema';
import { ensureBootstrapped } from '../src/server/modules/org/bootstrap';
import { loadSegmentContext, segmentWhere } from '../src/server/modules/segments/segment-sql';
import { summarize, timeIt } from './stats';

const DEFINITION: SegmentDefinition = {
  kind: 'group',
  op: 'and',
  conditions: [
    { kind: 'tier', op: 'rank_at_least', rank: 2 },
    { kind: 'class', class: 'lapseStatus', values: ['drifting'] },
    { kind: 'birthday', calendar: 'any', when: 'next_month' },
    { kind: 'consent', channel: 'sms', purpose: 'marketing', granted: true },
  ],
};

export async function generate(database: Database, n: number) {
  const db = database.db;
  const config = loadConfig({
    KEQING_ADMIN_EMAIL: 'bench@example.com',
    KEQING_ADMIN_PASSWORD: 'bench-password-1',
    LOG_LEVEL: 'silent',
  });
  const boot = await ensureBootstrapped(db, config);
  if (!boot.created) throw new Error('fresh database expected');
  const [tokyo] = await db
    .insert(stores)
    .values({
      orgId: boot.orgId,
      code: 'TYO',
      name: 'Tokyo',
      country: 'JP',
      currency: 'JPY',
      timezone: 'Asia/Tokyo',
      locale: 'ja',
    })
    .returning();
  const org = boot.orgId;
  const t0 = performance.now();
  await db.execute(sql`select setseed(0.42)`);
  // The bootstrap seeds the same four default tiers (loyalty/defaults.ts); a fresh database has them.
  await db.execute(sql`insert into tier_definitions (org_id, key, rank, labels)
    select ${org}, k, r, jsonb_build_object('en', k, 'zh-CN', k, 'zh-TW', k, 'ja', k)
    from (values ('silver', 1), ('gold', 2), ('platinum', 3), ('diamond', 4)) v(k, r)
    on conflict do nothing`);
  // One customer in ten in Tokyo; two in three with a solar birthday, one in four with a lunar one.
  await db.execute(sql`insert into customers
      (org_id, store_id, family_name, display_name, gender, birthday,
       lunar_birth_month, lunar_birth_day, lunar_birth_leap, tier, source)
    select ${org}, case when i % 10 = 0 then ${tokyo!.id}::uuid else ${boot.storeId}::uuid end,
      '林', '林' || i, case when i % 5 = 0 then 'male' else 'female' end,
      case when random() < 0.67 then date '1955-01-01' + (random() * 18000)::int end,
      m, case when m is not null then 1 + (random() * 28)::int end, false,
      (array['silver', 'silver', 'gold', 'platinum', 'diamond', null])[1 + (random() * 5)::int],
      'walk_in'
    from (select i, case when random() < 0.25 then 1 + (random() * 11)::int end as m
          from generate_series(1, ${n}::int) i) g`);
  await db.execute(sql`insert into customer_metrics (customer_id, org_id, store_id, currency, as_of, lapse_status, loyalty_stage)
    select c.id, c.org_id, c.store_id, 'CNY', current_date,
      (array['none', 'active', 'active', 'drifting', 'lost'])[1 + (random() * 4)::int], 'repeat'
    from customers c where c.org_id = ${org}`);
  // Seven in ten granted SMS marketing; one in ten of those withdrew later (the latest record counts).
  await db.execute(sql`insert into customer_consents (org_id, customer_id, channel, purpose, granted, method, recorded_at)
    select c.org_id, c.id, 'sms', 'marketing', true, 'import', now() - interval '300 days'
    from customers c where c.org_id = ${org} and random() < 0.7`);
  await db.execute(sql`insert into customer_consents (org_id, customer_id, channel, purpose, granted, method, recorded_at)
    select org_id, customer_id, 'sms', 'marketing', false, 'verbal', now() - interval '10 days'
    from customer_consents where org_id = ${org} and random() < 0.1`);
  await db.execute(sql`insert into customer_consents (org_id, customer_id, channel, purpose, granted, method, recorded_at)
    select c.org_id, c.id, 'email', 'care', true, 'import', now() - interval '300 days'
    from customers c where c.org_id = ${org} and random() < 0.5`);
  await db.execute(sql`analyze`);
  return { org, storeIds: [boot.storeId, tokyo!.id], setupSeconds: Math.round((performance.now() - t0) / 100) / 10 };
}

export async function measure(database: Database, n: number, runs: number) {
  const { org, storeIds, setupSeconds } = await generate(database, n);
  const db = database.db;
  const baselineQuery = sql`select count(*)::int as n from customers where org_id = ${org}`;
  const segmentCount = async () => {
    // Context loading (store days, question bank) is part of what a preview pays.
    const ctx = await loadSegmentContext(db, org, storeIds);
    const [r] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from customers c where ${segmentWhere(DEFINITION, ctx)}`,
    );
    return Number(r!.n);
  };
  // Warm both once (caches, plans), then alternate.
  const total = Number((await rows<{ n: number }>(db, baselineQuery))[0]!.n);
  const matched = await segmentCount();
  const base: number[] = [];
  const seg: number[] = [];
  for (let i = 0; i < runs; i++) {
    base.push(...(await timeIt(1, async () => void (await rows(db, baselineQuery)))));
    seg.push(...(await timeIt(1, async () => void (await segmentCount()))));
  }
  const ctx = await loadSegmentContext(db, org, storeIds);
  const plan = await rows<Record<string, string>>(
    db,
    sql`explain (analyze, costs off, timing off) select count(*) from customers c where ${segmentWhere(DEFINITION, ctx)}`,
  );
  return {
    customers: total,
    matched,
    setupSeconds,
    baselineCountMs: summarize(base),
    segmentCountMs: summarize(seg),
    ratioP50: Math.round((summarize(seg).p50 / summarize(base).p50) * 10) / 10,
    plan: plan
      .map((p) => Object.values(p)[0])
      .filter((l) => /Scan|Join|Hash|Filter|SubPlan|rows=/.test(String(l)))
      .slice(0, 14),
  };
}

export async function benchSegments(): Promise<Record<string, unknown>> {
  const n = Number(process.env.BENCH_SEGMENT_CUSTOMERS ?? 1_000_000);
  const runs = Number(process.env.BENCH_SEGMENT_RUNS ?? 7);
  const out: Record<string, unknown> = {};
  const base = process.env.BENCH_DATABASE_URL;
  if (base) {
    const name = `keqing_bench_seg_${Date.now()}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), poolSize: 2 });
    try {
      await database.migrate();
      out.postgres = await measure(database, n, runs);
    } finally {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else out.postgres = { skipped: 'set BENCH_DATABASE_URL=postgres://… to run on PostgreSQL' };
  if (process.env.BENCH_SEGMENTS_PGLITE === '1') {
    const database = await openDatabase({ inMemory: true });
    try {
      await database.migrate();
      out.pglite = await measure(database, n, runs);
    } finally {
      await database.close();
    }
  } else out.pglite = { skipped: 'set BENCH_SEGMENTS_PGLITE=1 to run on embedded PGlite too' };
  return out;
}
