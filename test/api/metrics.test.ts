// Metrics, classes and worth on a small constructed data set with known answers; the incremental refresh
// against the full recompute; lapse; store access; the job run twice.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLASS_SETTINGS } from '../../src/contracts/metrics';
import { abcdClass, paretoCuts, quintileCuts, rfmSegment, scoreHigher, scoreLower } from '../../src/domain/classes';
import { tablesInDependencyOrder } from '../../src/server/db/backup';
import { rows } from '../../src/server/db/client';
import { recomputeAll, refreshCustomerMetrics } from '../../src/server/modules/metrics/metrics.service';
import {
  organisationsDue,
  runNightlyRecompute,
  runRecomputeLocked,
} from '../../src/server/modules/metrics/recompute.job';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
let staff: Client;
let storeB: string;
const ids: Record<string, string> = {};

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
let receiptNo = 0;
async function buy(who: string, days: number, paid: number, store = t.mainStoreId) {
  const res = await owner.post('/api/purchases', {
    storeId: store,
    customerId: ids[who],
    receiptNo: `M-${++receiptNo}`,
    occurredAt: daysAgo(days),
    lines: [{ styleNo: 'SU-1', productName: '西服', category: 'suits', quantity: 1, unitListPrice: paid, discount: 0 }],
  });
  expect(res.statusCode, res.body).toBe(201);
}

// Window spend in CNY minor units: alice 6,000,000 (75 % of the 8,000,000 total), dan 600,000, …
const HISTORY: Record<string, [number, number][]> = {
  alice: [1, 15, 30, 45, 60, 75].map((d) => [d, 1_000_000]),
  bob: [70, 80, 90, 100, 110].map((d) => [d, 100_000]),
  carol: [[400, 50_000]],
  dan: [[5, 600_000]],
  eve: [
    [20, 200_000],
    [200, 200_000],
  ],
  fay: [[10, 30_000]],
  gus: [
    [150, 80_000],
    [160, 80_000],
  ],
  hal: [[300, 300_000]],
  ivy: [],
  jon: [[3, 10_000]],
};

async function metricsRows() {
  return rows<Record<string, unknown>>(
    t.database.db,
    sql`select * from customer_metrics where org_id = ${t.orgId} order by customer_id`,
  );
}
const strip = (r: Record<string, unknown> | undefined) => {
  const { computed_at: _c, ...rest } = r ?? {};
  return rest;
};

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  for (const name of Object.keys(HISTORY)) {
    const res = await owner.post('/api/customers', {
      storeId: t.mainStoreId,
      familyName: name,
      ...(name === 'jon' ? { referredById: ids.alice } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = res.json().id;
  }
  for (const [name, list] of Object.entries(HISTORY)) for (const [d, paid] of list) await buy(name, d, paid);
  storeB = (
    await owner.post('/api/stores', {
      code: 'TPE01',
      name: '台北信義店',
      country: 'TW',
      currency: 'TWD',
      timezone: 'Asia/Taipei',
      locale: 'zh-TW',
    })
  ).json().id;
  ids.mei = (await owner.post('/api/customers', { storeId: storeB, familyName: '美' })).json().id;
  await buy('mei', 2, 2_500_000, storeB);
  await owner.post('/api/users', {
    email: 'staff@test.example',
    displayName: '小李',
    role: 'staff',
    password: 'staff-password-1',
    storeIds: [t.mainStoreId],
  });
  staff = await loginAs(t.app, 'staff@test.example', 'staff-password-1');
}, 120_000);
afterAll(() => t.close());

describe('customer metrics and classes', () => {
  it('a full recompute classes the constructed customers as expected', async () => {
    const result = await recomputeAll(t.database, t.orgId);
    expect(result.customers).toBe(11);
    const m = async (who: string) => (await owner.get(`/api/customers/${ids[who]}/metrics`)).json();
    const alice = await m('alice');
    expect(alice).toMatchObject({
      frequencyWindow: 6,
      monetaryWindow: 6_000_000,
      classAbcd: 'A',
      classValue: 'vip',
      classSize: 'medium',
      loyaltyStage: 'advocate', // she referred jon
      lapseStatus: 'active',
      referralsMade: 1,
      categories: ['suits'],
      rfmSegment: 'champions',
    });
    expect(alice.usualIntervalDays).toBeCloseTo(14.8, 0);
    expect(await m('bob')).toMatchObject({ lapseStatus: 'drifting', loyaltyStage: 'repeat', classAbcd: 'B' });
    expect(await m('carol')).toMatchObject({
      lapseStatus: 'lost',
      classAbcd: null,
      classValue: null,
      frequencyWindow: 0,
      monetaryLifetime: 50_000,
      loyaltyStage: 'first_purchase',
    });
    expect(await m('dan')).toMatchObject({ classAbcd: 'A', classValue: 'important', loyaltyStage: 'first_purchase' });
    expect(await m('fay')).toMatchObject({ classAbcd: 'D', classValue: 'ordinary', classSize: 'small' });
    const ivy = await m('ivy');
    expect(ivy).toMatchObject({ loyaltyStage: 'suspect', lapseStatus: 'none', rfmSegment: null, frequencyLifetime: 0 });
    expect(ivy.worth).toEqual({
      status: 'not_enough_data',
      reason: 'no_purchases',
      pAlive: null,
      expectedPurchases90: null,
      expectedPurchases365: null,
      expectedValue365: null,
    });
    // Nine buyers in CNY: below the 100-customer minimum of the models, so no worth, and it says why.
    expect((await m('alice')).worth).toMatchObject({ status: 'not_enough_data', reason: 'too_few_customers' });
  });

  it('the SQL thresholds and scores are the domain rules applied to the same figures', async () => {
    const all = (await metricsRows()).filter((r) => r.currency === 'CNY' && Number(r.frequency_lifetime) > 0);
    const [th] = await rows<Record<string, number[]>>(
      t.database.db,
      sql`select * from classification_thresholds where org_id = ${t.orgId} and partition_key = 'CNY'`,
    );
    const rec = all.map((r) => Number(r.recency_days));
    const f = all.map((r) => Number(r.frequency_window));
    const mon = all.map((r) => Number(r.monetary_window));
    expect(th!.recency_cuts).toEqual(quintileCuts(rec));
    expect(th!.frequency_cuts).toEqual(quintileCuts(f));
    expect(th!.monetary_cuts).toEqual(quintileCuts(mon));
    const cuts = paretoCuts(
      all.map((r) => ({ id: String(r.customer_id), spend: Number(r.monetary_window) })),
      DEFAULT_CLASS_SETTINGS.abcd.shares,
    );
    expect(th!.abcd_cuts).toEqual(cuts);
    expect(cuts).toEqual([600_000, 300_000, 160_000]);
    for (const r of all) {
      const R = scoreLower(Number(r.recency_days), th!.recency_cuts!);
      const F = scoreHigher(Number(r.frequency_window), th!.frequency_cuts!);
      const M = scoreHigher(Number(r.monetary_window), th!.monetary_cuts!);
      expect([r.rfm_r, r.rfm_f, r.rfm_m]).toEqual([R, F, M]);
      expect(r.rfm_segment).toBe(rfmSegment(R, F, M));
      expect(r.class_abcd).toBe(abcdClass(Number(r.monetary_window), Number(r.frequency_window) > 0, cuts));
    }
  });

  it('a sale refreshes her row at once, exactly as the next full recompute writes it', async () => {
    await buy('alice', 0, 1_000_000);
    const incremental = (await metricsRows()).find((r) => r.customer_id === ids.alice);
    expect({ ...incremental, monetary_window: Number(incremental?.monetary_window) }).toMatchObject({
      frequency_window: 7,
      monetary_window: 7_000_000,
      recency_days: 0,
    });
    await recomputeAll(t.database, t.orgId);
    const full = (await metricsRows()).find((r) => r.customer_id === ids.alice);
    expect(strip(incremental)).toEqual(strip(full));
    // And every customer refreshed alone matches the full run's row.
    const before = await metricsRows();
    await refreshCustomerMetrics(t.database.db, t.orgId, Object.values(ids));
    expect((await metricsRows()).map(strip)).toEqual(before.map(strip));
    // So does the bulk refresh an import runs (over temporary tables), twice in one transaction.
    await t.database.db.transaction(async (tx) => {
      await refreshCustomerMetrics(tx, t.orgId, Object.values(ids), { bulkFrom: 1 });
      await refreshCustomerMetrics(tx, t.orgId, Object.values(ids), { bulkFrom: 1 });
    });
    expect((await metricsRows()).map(strip)).toEqual(before.map(strip));
  });

  it('a fitted model with b < 2 does not break the refresh of a customer who never bought', async () => {
    // ln(b + x - 1) with x = -1 (no purchase) is the log of a negative number; the demo brand hit it.
    const [saved] = await rows<{ status: string; params: unknown }>(
      t.database.db,
      sql`select status, params from clv_models where org_id = ${t.orgId} and currency = 'CNY'`,
    );
    expect(saved).toBeDefined();
    await t.database.db.execute(sql`
      update clv_models set status = 'ok',
        params = '{"r":0.5,"alpha":3,"a":0.8,"b":1.5,"p":2,"q":3,"gamma":100}'::jsonb
      where org_id = ${t.orgId} and currency = 'CNY'`);
    try {
      await refreshCustomerMetrics(t.database.db, t.orgId, [ids.ivy!, ids.alice!]);
      await t.database.db.transaction((tx) =>
        refreshCustomerMetrics(tx, t.orgId, [ids.ivy!, ids.alice!], { bulkFrom: 1 }),
      );
      const byId = new Map((await metricsRows()).map((r) => [r.customer_id, r]));
      expect(byId.get(ids.ivy)).toMatchObject({ frequency_lifetime: 0, p_alive: null });
      expect(byId.get(ids.alice)?.frequency_lifetime).toBeGreaterThan(1);
    } finally {
      await t.database.db.execute(sql`
        update clv_models set status = ${saved!.status}, params = ${JSON.stringify(saved!.params)}::jsonb
        where org_id = ${t.orgId} and currency = 'CNY'`);
      await recomputeAll(t.database, t.orgId);
    }
  });

  it('running the recompute twice gives the same rows; the nightly job runs once a day', async () => {
    const first = (await metricsRows()).map(strip);
    await recomputeAll(t.database, t.orgId);
    expect((await metricsRows()).map(strip)).toEqual(first);
    const now = new Date();
    now.setUTCHours(20); // 04:00 in Shanghai, past the nightly hour
    expect(await organisationsDue(t.database, now)).toContain(t.orgId);
    expect(await runNightlyRecompute(t.database, now)).toEqual([t.orgId]);
    expect(await runNightlyRecompute(t.database, now)).toEqual([]);
    expect((await metricsRows()).map(strip)).toEqual(first);
    // Two at once (two app instances, or the CLI during the nightly run): one runs, the other steps aside.
    const both = await Promise.all([runRecomputeLocked(t.database, t.orgId), runRecomputeLocked(t.database, t.orgId)]);
    expect(both.filter((r) => r === null)).toHaveLength(1);
    expect((await metricsRows()).map(strip)).toEqual(first);
  });

  it('gives a large organisation a partition of its own, built anew on each full run; the refresh writes into it', async () => {
    const partition = `customer_metrics_o${t.orgId.replace(/-/g, '')}`;
    const where = async () =>
      rows<{ oid: number; parent: string; n: number }>(
        t.database.db,
        sql`select c.oid::int as oid, p.relname as parent, (select count(*)::int from customer_metrics m where m.tableoid = c.oid) as n
            from pg_class c join pg_inherits i on i.inhrelid = c.oid join pg_class p on p.oid = i.inhparent
            where c.relname = ${partition}`,
      );
    const inDefault = async () =>
      (
        await rows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from customer_metrics_default where org_id = ${t.orgId}`,
        )
      )[0]!.n;
    // A boutique's rows stay in the default partition (upserted)…
    await recomputeAll(t.database, t.orgId);
    const kept = (await metricsRows()).map(strip);
    expect(await where()).toEqual([]);
    expect(await inDefault()).toBe(kept.length);
    // …a large organisation gets a partition of its own, with the same rows,
    await recomputeAll(t.database, t.orgId, { partitionFrom: 1 });
    const [before] = await where();
    expect(before).toMatchObject({ parent: 'customer_metrics', n: kept.length });
    expect((await metricsRows()).map(strip)).toEqual(kept);
    expect(await inDefault()).toBe(0);
    // …and keeps it: each full run builds it anew.
    await recomputeAll(t.database, t.orgId);
    const [after] = await where();
    // A new table with the same rows, not the old one rewritten (so no dead rows to vacuum).
    expect(after!.oid).not.toBe(before!.oid);
    expect((await metricsRows()).map(strip)).toEqual(kept);
    // Nothing of the organisation is left in the default partition, and a refresh lands in hers.
    expect(await inDefault()).toBe(0);
    await refreshCustomerMetrics(t.database.db, t.orgId, [ids.alice!]);
    const [alice] = await rows<{ part: string }>(
      t.database.db,
      sql`select tableoid::regclass::text as part from customer_metrics where customer_id = ${ids.alice!}`,
    );
    expect(alice!.part).toBe(partition);
    // A backup reads the rows once, through customer_metrics, not again from its partitions.
    const tables = await tablesInDependencyOrder(t.database.db);
    expect(tables).toContain('customer_metrics');
    expect(tables.filter((n) => n.startsWith('customer_metrics_'))).toEqual([]);
  });

  it('vacuums what the tier pass rewrote where no autovacuum runs (PGlite, or a server with it off)', async () => {
    const [setting] = await rows<{ on: string }>(t.database.db, sql`select current_setting('autovacuum') as on`);
    const expected = t.database.kind === 'pglite' || setting?.on !== 'on';
    // Every tier taken away, so that the pass gives them back (as on a first run).
    await t.database.db.execute(sql`update customers set tier = null where org_id = ${t.orgId}`);
    const progress: Record<string, unknown> = {};
    const result = await recomputeAll(t.database, t.orgId, { onProgress: (s, d) => (progress[s] = d) });
    expect('vacuum' in result.steps).toBe(expected);
    if (!expected) return;
    // customer_metrics is not among them: the organisation's partition (the test above) is new.
    expect(progress.vacuum).toMatchObject({ tables: ['customers', 'customer_tier_changes'] });
    const [stat] = await rows<{ last_vacuum: string | null }>(
      t.database.db,
      sql`select last_vacuum from pg_stat_user_tables where relname = 'customers'`,
    );
    expect(stat?.last_vacuum).not.toBeNull();
  });
});

describe('access and lists', () => {
  it('staff see metrics of their own stores only', async () => {
    expect((await staff.get(`/api/customers/${ids.alice}/metrics`)).statusCode).toBe(200);
    expect((await staff.get(`/api/customers/${ids.mei}/metrics`)).statusCode).toBe(404);
    const mei = (await owner.get(`/api/customers/${ids.mei}/metrics`)).json();
    expect(mei).toMatchObject({ currency: 'TWD', storeId: storeB, classValue: 'important' });
    const list = (await staff.get('/api/metrics/customers?sort=monetary_window&limit=50')).json();
    expect(list.items.map((i: { customerId: string }) => i.customerId)).not.toContain(ids.mei);
  });

  it('pages through the worth list in order', async () => {
    const seen: { monetaryWindow: number; customerId: string }[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/metrics/customers?sort=monetary_window&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await owner.get(url)).json();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(11);
    expect(new Set(seen.map((s) => s.customerId)).size).toBe(11);
    const spends = seen.map((s) => s.monetaryWindow);
    expect(spends).toEqual([...spends].sort((a, b) => b - a));
    const asc = (await owner.get('/api/metrics/customers?sort=recency_days&order=asc&limit=2')).json();
    expect(asc.items[0].customerId).toBe(ids.alice);
  });

  it('settings: owner edits with validation, staff may not, and the last run is shown', async () => {
    const view = (await owner.get('/api/metrics/settings')).json();
    expect(view.isDefault).toBe(true);
    expect(view.thresholds.find((x: { partition: string }) => x.partition === 'CNY').abcdCuts).toEqual([
      600_000, 300_000, 160_000,
    ]);
    expect(view.models.map((x: { reason: string }) => x.reason)).toContain('too_few_customers');
    expect(view.lastRun.status).toBe('ok');
    const bad = await owner.request({
      method: 'PUT',
      url: '/api/metrics/settings',
      payload: { ...view.settings, abcd: { shares: [0.9, 0.8, 0.99] } },
    });
    expect(bad.statusCode).toBe(400);
    const good = await owner.request({
      method: 'PUT',
      url: '/api/metrics/settings',
      payload: { ...view.settings, lapse: { ...view.settings.lapse, lostDays: 65 } },
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().isDefault).toBe(false);
    expect(
      (await staff.request({ method: 'PUT', url: '/api/metrics/settings', payload: view.settings })).statusCode,
    ).toBe(403);
    // The new rule applies from the next recompute: bob (last visit 70 days ago) is now lost.
    expect((await owner.post('/api/metrics/recompute')).statusCode).toBe(200);
    expect((await owner.get(`/api/customers/${ids.bob}/metrics`)).json().lapseStatus).toBe('lost');
  });
});
