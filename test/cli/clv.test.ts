// `keqing clv fit` and `keqing recompute` on a database loaded with the public CDNOW 1/10 sample: the
// SQL summary must give the very fit the domain gets from the raw file (the domain's own test checks
// the published estimates on the master file), and the stored worth must be the domain's scores.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CDNOW_CALIBRATION_END,
  fitClv,
  parseCdnow,
  rfmSummary,
  scoreCustomers,
  type Transaction,
} from '../../src/domain/clv';
import { openDatabase, rows } from '../../src/server/db/client';
import { refreshCustomerMetrics } from '../../src/server/modules/metrics/metrics.service';
import { computedCapsSql, custSql } from '../../src/server/modules/metrics/metrics.sql';
import { runCli } from '../helpers/cli';
import { usesPostgres } from '../helpers/db';

const data = mkdtempSync(join(tmpdir(), 'keqing-cdnow-'));
const env = {
  KEQING_DATA_DIR: data,
  KEQING_STORE_COUNTRY: 'US',
  KEQING_STORE_CURRENCY: 'USD',
  KEQING_STORE_TIMEZONE: 'UTC',
  KEQING_STORE_LOCALE: 'en',
};
let transactions: Transaction[];

describe.skipIf(usesPostgres())('CLV on the CDNOW sample', () => {
  beforeAll(async () => {
    transactions = parseCdnow(
      readFileSync(new URL('../fixtures/cdnow/CDNOW_sample.txt', import.meta.url), 'utf8'),
      'sample',
    );
    const first = await runCli(['migrate'], env);
    expect(first.code, first.stderr).toBe(0);
    const database = await openDatabase({ dataDir: data });
    try {
      const db = database.db;
      const ids = [...new Set(transactions.map((t) => t.customerId))];
      await db.execute(sql`
        insert into customers (org_id, store_id, family_name, display_name, member_no)
        select s.org_id, s.id, 'CD' || m, 'CD' || m, m
        from stores s, jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) m`);
      await db.execute(sql`
        insert into receipts (org_id, store_id, customer_id, receipt_no, occurred_at, currency, total_list, total_discount, total_paid, source)
        select c.org_id, c.store_id, c.id, 'CD-' || t.i, (t.date || 'T12:00:00Z')::timestamptz, 'USD',
               round(t.amount * 100)::bigint, 0, round(t.amount * 100)::bigint, 'import'
        from jsonb_to_recordset(${JSON.stringify(transactions.map((t, i) => ({ ...t, i })))}::jsonb)
             as t(i int, "customerId" text, date text, amount float8)
        join customers c on c.member_no = t."customerId"`);
      await db.execute(sql`
        insert into receipt_lines (org_id, receipt_id, line_no, product_name, quantity, unit_list_price, paid_amount)
        select org_id, id, 1, 'CD', 1, total_paid, total_paid from receipts`);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('keqing clv fit prints the fit of the literature on purchases up to week 39', async () => {
    const r = await runCli(['clv', 'fit', '--until', CDNOW_CALIBRATION_END, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(Object.keys(out)).toEqual(['customers', 'bgnbd', 'gammagamma']);
    expect(Object.keys(out.bgnbd)).toEqual(['r', 'alpha', 'a', 'b', 'loglik']);
    expect(Object.keys(out.gammagamma)).toEqual(['p', 'q', 'gamma']);
    const domain = fitClv(transactions, { calibrationEnd: CDNOW_CALIBRATION_END, spendCapQuantile: null });
    if (domain.status !== 'ok') throw new Error('domain fit failed');
    expect(out.customers).toBe(2357);
    for (const k of ['r', 'alpha', 'a', 'b', 'loglik'] as const) expect(out.bgnbd[k]).toBeCloseTo(domain.bgnbd[k], 3);
    for (const k of ['p', 'q', 'gamma'] as const) expect(out.gammagamma[k]).toBeCloseTo(domain.gammagamma[k], 3);
  }, 60_000);

  it('keqing recompute stores the domain’s worth per customer; a refresh alone gives the same rows', async () => {
    const r = await runCli(['recompute', '--as-of', CDNOW_CALIBRATION_END, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(result.models).toMatchObject([{ currency: 'USD', status: 'ok', customers: 2357 }]);
    const fit = fitClv(
      transactions.map((t) => ({ ...t, amount: Math.round(t.amount * 100) })),
      { calibrationEnd: CDNOW_CALIBRATION_END },
    );
    if (fit.status !== 'ok') throw new Error('domain fit failed');
    const summary = rfmSummary(transactions, { calibrationEnd: CDNOW_CALIBRATION_END });
    const cents = summary.map((s) => ({ ...s, repeatValues: s.repeatValues.map((v) => Math.round(v * 100)) }));
    const scores = new Map(scoreCustomers(fit, cents).map((s) => [s.customerId, s]));
    const database = await openDatabase({ dataDir: data });
    try {
      const [model] = await rows<{ params: Record<string, number>; spend_cap: number }>(
        database.db,
        sql`select params, spend_cap from clv_models`,
      );
      expect(model!.params.r).toBeCloseTo(fit.bgnbd.r, 6);
      expect(model!.params.q).toBeCloseTo(fit.gammagamma.q, 4);
      expect(model!.spend_cap).toBe(fit.spendCap);
      const stored = await rows<Record<string, unknown>>(
        database.db,
        sql`select c.member_no, m.* from customer_metrics m join customers c on c.id = m.customer_id order by c.member_no`,
      );
      expect(stored).toHaveLength(2357);
      for (const row of stored) {
        const s = scores.get(String(row.member_no))!;
        expect(row.clv_status).toBe('ok');
        expect(Number(row.p_alive)).toBeCloseTo(s.pAlive, 5);
        expect(Number(row.expected_purchases_365)).toBeCloseTo(s.expected365, 4);
        expect(Math.abs(Number(row.expected_value_365) - s.value365)).toBeLessThanOrEqual(1 + 1e-5 * s.value365);
      }
      const orgId = String(stored[0]!.org_id);
      const some = stored.slice(0, 300).map((r) => String(r.customer_id));
      await refreshCustomerMetrics(database.db, orgId, some, { asOf: CDNOW_CALIBRATION_END });
      const again = await rows<Record<string, unknown>>(
        database.db,
        sql`select c.member_no, m.* from customer_metrics m join customers c on c.id = m.customer_id order by c.member_no`,
      );
      const strip = ({ computed_at: _c, ...rest }: Record<string, unknown>) => rest;
      expect(again.map(strip)).toEqual(stored.map(strip));
    } finally {
      await database.close();
    }
  }, 120_000);

  it('a sampled spend cap is the cap of the sampled customers alone (the fit’s sample, above FIT_SAMPLE)', async () => {
    const database = await openDatabase({ dataDir: data });
    try {
      await database.db.transaction(async (tx) => {
        const [{ org_id: orgId } = { org_id: '' }] = await rows<{ org_id: string }>(
          tx,
          sql`select org_id from organizations`,
        );
        const scope = { orgId, asOf: CDNOW_CALIBRATION_END, ids: null };
        const home = { currency: 'USD', timezone: 'UTC' };
        await tx.execute(sql`create temporary table _m_cust on commit drop as ${custSql(scope)}`);
        const cap = async (sample?: Record<string, number>, ids: string[] | null = null) => {
          const [c] = await rows<{ cap: number }>(tx, computedCapsSql({ ...scope, ids }, home, 0.99, sample));
          return Number(c!.cap);
        };
        const all = await cap();
        const sampled = await cap({ USD: 3 });
        const third = await rows<{ customer_id: string }>(
          tx,
          sql`select customer_id from _m_cust where mod(abs(hashtext(customer_id::text)), 3) = 0`,
        );
        expect(
          await cap(
            {},
            third.map((c) => c.customer_id),
          ),
        ).toBe(sampled);
        // A third of the customers: not the same cap as everyone's (so the sample was applied).
        expect(sampled).not.toBe(all);
      });
    } finally {
      await database.close();
    }
  }, 60_000);
});
