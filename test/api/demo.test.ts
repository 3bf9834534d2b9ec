import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/server/db/client';
import { generateDemo, type DemoSummary } from '../../src/server/demo/generate';
import { createTestApp, loginAs, OWNER, type TestApp } from '../helpers/app';

let t: TestApp;
let summary: DemoSummary;

beforeAll(async () => {
  t = await createTestApp();
  summary = await generateDemo(t.database.db, t.orgId, t.mainStoreId, {
    customers: 300,
    purchases: 1200,
    stores: 3,
    seed: 7,
  });
});
afterAll(() => t.close());

describe('keqing demo', () => {
  it('loads exactly the requested purchase lines across three markets', async () => {
    expect(summary).toMatchObject({ stores: 3, customers: 300, lines: 1200 });
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from receipt_lines l join receipts r on r.id = l.receipt_id where r.kind = 'sale'`,
    );
    expect(n).toBe(1200);
    const currencies = await rows<{ currency: string }>(
      t.database.db,
      sql`select distinct currency from receipts order by 1`,
    );
    expect(currencies.map((c) => c.currency)).toEqual(['CNY', 'JPY', 'TWD']);
  });

  it('has Pareto-shaped spend: the top fifth of buyers brings more than half the revenue', async () => {
    const spend = await rows<{ s: string }>(
      t.database.db,
      sql`select lifetime_spend as s from customer_stats where lifetime_spend > 0 order by lifetime_spend desc`,
    );
    const values = spend.map((x) => Number(x.s));
    const total = values.reduce((a, b) => a + b, 0);
    const top = values.slice(0, Math.ceil(values.length / 5)).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.5);
  });

  it('keeps aggregates equal to the receipts they summarise', async () => {
    const [a] = await rows<{ stats: string; receipts: string }>(
      t.database.db,
      sql`select (select sum(lifetime_spend) from customer_stats) as stats, (select sum(total_paid) from receipts where customer_id is not null) as receipts`,
    );
    expect(Number(a!.stats)).toBe(Number(a!.receipts));
  });

  it('gives searchable customers and staff who can log in', async () => {
    const owner = await loginAs(t.app, OWNER.email, OWNER.password);
    const res = (await owner.get('/api/customers?q=D7000001')).json();
    expect(res.items).toHaveLength(1);
    const guide = await loginAs(t.app, 'demo7-s1-1@example.com', summary.staffPassword);
    expect((await guide.get('/api/customers?limit=5')).json().items.length).toBeGreaterThan(0);
  });
});
