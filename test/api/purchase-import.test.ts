// The purchase import: line-level and receipt-level POS exports, encodings, messy rows, idempotency.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/server/modules/imports';
import { importPurchases } from '../../src/server/modules/imports/purchases/purchase-import';
import type { Actor } from '../../src/server/modules/customers/customers.service';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
let actor: Actor;

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

async function run(bytes: Buffer, name: string, extra: { createCustomers?: boolean; dryRun?: boolean } = {}) {
  const table = await readTable(bytes, name);
  return importPurchases(t.database.db, actor, table, {
    storeId: t.mainStoreId,
    createCustomers: extra.createCustomers ?? false,
    dryRun: extra.dryRun ?? false,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  for (const [no, family, phone] of [
    ['V001', '王', '13800000001'],
    ['V002', '李', '13800000002'],
  ]) {
    await owner.post('/api/customers', {
      storeId: t.mainStoreId,
      familyName: family,
      memberNo: no,
      phones: [{ number: phone }],
    });
  }
  actor = { principal: null, userId: null, orgId: t.orgId, storeIds: [t.mainStoreId] };
});
afterAll(() => t.close());

describe('import purchases', () => {
  it('imports a line-level GB18030 export with Chinese headers, and creates nothing the second time', async () => {
    const text = csv([
      ['小票号', '日期', '会员号', '款号', '品名', '尺码', '数量', '单价', '折扣', '实付'],
      ['P1001', '2026/10/01 14:30', 'V001', 'DR-01', '真丝连衣裙', 'M', '1', '1599', '100', '1499'],
      ['P1001', '2026/10/01 14:30', 'V001', 'KN-02', '羊绒衫', 'M', '2', '999', '0', '1998'],
      ['P1002', '2026-10-02', '', 'AC-03', '丝巾', '', '1', '399', '0', '399'],
    ]);
    const first = await run(iconv.encode(text, 'gb18030'), 'pos.csv');
    expect(first).toMatchObject({ created: 2, unchanged: 0, rejected: [] });
    const stats = (await owner.get('/api/customers?q=V001')).json().items[0];
    const s = (await owner.get(`/api/customers/${stats.id}/stats`)).json();
    expect(s).toMatchObject({ lifetimeSpend: 349_700, receiptCount: 1, visitCount: 1 });
    const again = await run(iconv.encode(text, 'gb18030'), 'pos.csv');
    expect(again).toMatchObject({ created: 0, unchanged: 2, rejected: [] });
  });

  it('imports a receipt-level file (receipt_no,member_no,date,amount), creating unknown members on request', async () => {
    const text = csv([
      ['receipt_no', 'member_no', 'date', 'amount'],
      ['R-1', 'V002', '2026-09-01', '1,280.00'],
      ['R-2', 'NEW9', '2026-09-02', '560'],
    ]);
    const refused = await run(Buffer.from(text), 'r.csv');
    expect(refused.created).toBe(1);
    expect(refused.rejected).toEqual([
      { line: 3, field: 'member_no', message: expect.stringContaining('--create-customers') },
    ]);
    const created = await run(Buffer.from(text), 'r.csv', { createCustomers: true });
    expect(created).toMatchObject({ created: 1, unchanged: 1, customersCreated: 1 });
    expect((await owner.get('/api/customers?q=NEW9')).json().items).toHaveLength(1);
  });

  it('reports each bad row of a messy file and applies the rest; a receipt never half-applies', async () => {
    const text = csv([
      ['receipt_no', 'date', 'member_no', 'style_no', 'product', 'qty', 'price', 'amount', 'type'],
      ['M1', '2026-02-30', 'V001', 'X1', 'Shirt', '1', '100', '100', 'sale'],
      ['M2', '2026-03-01', 'NOPE', 'X2', 'Skirt', '1', '200', '200', 'sale'],
      ['M3', '2026-03-02', 'V001', 'X3', 'Scarf', '1', 'abc', '50', 'sale'],
      ['M4', '2026-03-03', 'V001', 'X4', 'Belt', '1', '80', '80', 'sale'],
      ['M4', '2026-03-04', 'V001', 'X5', 'Hat', '1', '90', '90', 'sale'],
      ['M5', '2026-03-05', 'V001', 'X6', 'Coat', '1', '900', '900', 'sale'],
      ['M5', '2026-03-05', 'V002', 'X7', 'Bag', '1', '500', '500', 'sale'],
      ['M6', '2026-03-06', 'V001', 'X8', 'Tee', '-1', '60', '-60', 'sale'],
      ['M7', '2026-10-03', 'V001', 'DR-01', '真丝连衣裙', '-1', '1599', '-1499', '退货'],
      ['M8', '2026-03-07', 'V002', 'X9', 'Socks', '2', '30', '60', 'sale'],
    ]);
    const res = await run(Buffer.from(text), 'messy.csv');
    const byLine = Object.fromEntries(res.rejected.map((r) => [r.line, r.field]));
    expect(byLine).toEqual({
      2: 'date',
      3: 'member_no',
      4: 'price',
      5: 'date',
      6: 'date',
      7: 'customer',
      8: 'customer',
      9: 'quantity',
    });
    expect(res.created).toBe(2); // M7 (a return of the dress bought in the first file) and M8
    const ret = (await owner.get('/api/purchases?limit=50'))
      .json()
      .items.find((r: { receiptNo: string }) => r.receiptNo === 'M7');
    expect(ret).toMatchObject({ kind: 'return', totalPaid: -149_900 });
    expect(ret.lines[0].originalLineId).toBeTruthy();
  });

  it('reads Shift_JIS with Japanese headers and changes nothing on a dry run', async () => {
    const text = csv([
      ['レシート番号', '日付', '会員番号', '品番', '商品名', '数量', '単価', '支払額'],
      ['J1', '2026年10月5日', 'V002', 'SK-1', '美容液', '1', '5800', '5800'],
    ]);
    const dry = await run(iconv.encode(text, 'shift_jis'), 'jp.csv', { dryRun: true });
    expect(dry).toMatchObject({ created: 1, rejected: [] });
    const real = await run(iconv.encode(text, 'shift_jis'), 'jp.csv');
    expect(real.created).toBe(1);
  });
});

describe('import purchases: matching and aggregates', () => {
  it('matches a customer by phone when the export has no member number, and counts her visit days', async () => {
    const text = csv([
      ['receipt_no', 'date', 'phone', 'style_no', 'product', 'qty', 'price', 'amount'],
      ['PH1', '2026-11-01 10:00', '138-0000-0002', 'PH-A', '"Scarf, silk"', '1', '300', '300'],
      ['PH1', '2026-11-01 10:00', '138-0000-0002', 'PH-B', 'Belt', '1', '200', '200'],
      ['PH2', '2026-11-01 18:00', '13800000002', 'PH-C', 'Hat', '1', '100', '100'],
      ['PH3', '2026-11-02', '13999999999', 'PH-D', 'Tee', '1', '50', '50'],
    ]);
    const before = (await owner.get('/api/customers?q=V002')).json().items[0];
    const s0 = (await owner.get(`/api/customers/${before.id}/stats`)).json();
    const res = await run(Buffer.from('\ufeff' + text), 'phones.csv');
    expect(res.created).toBe(2);
    expect(res.rejected).toEqual([{ line: 5, field: 'phone', message: 'No customer has this phone number' }]);
    const s1 = (await owner.get(`/api/customers/${before.id}/stats`)).json();
    expect(s1.lifetimeSpend - s0.lifetimeSpend).toBe(60_000);
    expect(s1.receiptCount - s0.receiptCount).toBe(2);
    expect(s1.visitCount - s0.visitCount).toBe(1); // two receipts on one day are one visit
    const lines = (await owner.get('/api/purchases?limit=50'))
      .json()
      .items.find((r: { receiptNo: string }) => r.receiptNo === 'PH1').lines;
    expect(lines.map((l: { lineNo: number; productName: string }) => [l.lineNo, l.productName])).toEqual([
      [1, 'Scarf, silk'],
      [2, 'Belt'],
    ]);
  });
});
