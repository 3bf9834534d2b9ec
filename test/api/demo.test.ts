import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/server/db/client';
import { generateDemo, type DemoSummary } from '../../src/server/demo/generate';
import { DEMO_TAGS, demoTagKeysOf } from '../../src/server/demo/tags';
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

  it('writes each customer in her store country’s language', async () => {
    const list = await rows<{ country: string; language: string | null; n: number }>(
      t.database.db,
      sql`select s.country, c.language, count(*)::int as n from customers c join stores s on s.id = c.store_id
        group by 1, 2 order by 1, 2`,
    );
    const expected: Record<string, string> = { CN: 'zh-CN', TW: 'zh-TW', JP: 'ja' };
    expect(list.length).toBe(3);
    for (const row of list) expect(row.language).toBe(expected[row.country]);
  });

  it('tags a deterministic fraction of the customers, in the brand’s language', async () => {
    expect(summary.tags).toBe(DEMO_TAGS.length);
    const tagRows = await rows<{ name: string; colour: string }>(
      t.database.db,
      sql`select name, colour from customer_tags order by name`,
    );
    expect(tagRows.map((r) => r.name).sort()).toEqual(DEMO_TAGS.map((d) => d.name['zh-CN']).sort());
    // Every customer carries exactly the tags demoTagKeysOf gives her serial number (from her member number).
    const carried = await rows<{ member_no: string; country: string; names: string[] | null }>(
      t.database.db,
      sql`select c.member_no, s.country, array_remove(array_agg(t.name order by t.name), null) as names
        from customers c join stores s on s.id = c.store_id
        left join customer_tag_assignments a on a.customer_id = c.id left join customer_tags t on t.id = a.tag_id
        group by c.member_no, s.country`,
    );
    expect(carried).toHaveLength(300);
    const nameOf = new Map(DEMO_TAGS.map((d) => [d.key, d.name['zh-CN']]));
    let tagged = 0;
    for (const c of carried) {
      const i = Number(c.member_no.slice('D7'.length)) - 1;
      const want = demoTagKeysOf(i, c.country as 'CN' | 'TW' | 'JP').map((k) => nameOf.get(k)!);
      expect([...(c.names ?? [])].sort(), c.member_no).toEqual(want.sort());
      if (want.length) tagged++;
    }
    expect(summary.tagged).toBe(tagged);
    // A fraction, not everyone nor no one; WeChat only in mainland stores, LINE only in Taiwan and Japan.
    expect(tagged).toBeGreaterThan(60);
    expect(tagged).toBeLessThan(270);
    const channels = await rows<{ country: string; name: string }>(
      t.database.db,
      sql`select distinct s.country, t.name from customer_tag_assignments a join customer_tags t on t.id = a.tag_id
        join customers c on c.id = a.customer_id join stores s on s.id = c.store_id
        where t.name in ('偏好微信联系', '偏好 LINE 联系') order by 1, 2`,
    );
    expect(channels).toEqual([
      { country: 'CN', name: '偏好微信联系' },
      { country: 'JP', name: '偏好 LINE 联系' },
      { country: 'TW', name: '偏好 LINE 联系' },
    ]);
  });

  it('gives the same tags for the same serial numbers every time', () => {
    const a = Array.from({ length: 500 }, (_, i) => demoTagKeysOf(i, 'CN'));
    const b = Array.from({ length: 500 }, (_, i) => demoTagKeysOf(i, 'CN'));
    expect(a).toEqual(b);
    const share = a.filter((k) => k.includes('vip_event')).length / a.length;
    expect(share).toBeGreaterThan(0.06);
    expect(share).toBeLessThan(0.18);
  });
});
