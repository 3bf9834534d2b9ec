import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
let customerId: string;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  customerId = (
    await owner.post('/api/customers', {
      storeId: t.mainStoreId,
      familyName: '李',
      givenName: '娜',
      memberNo: 'V100',
      phones: [{ number: '13600001111' }],
    })
  ).json().id;
  token = (await owner.post('/api/tokens', { name: 'POS', storeId: t.mainStoreId })).json().token;
});
afterAll(() => t.close());

const sale = (receiptNo: string, extra: Record<string, unknown> = {}) => ({
  storeId: t.mainStoreId,
  receiptNo,
  occurredAt: '2026-10-01T10:00:00+08:00',
  lines: [
    {
      styleNo: 'SU-2601',
      productName: '羊毛西服',
      category: 'suits',
      size: 'M',
      colour: '藏青',
      quantity: 1,
      unitListPrice: 268_000,
      discount: 18_000,
    },
    {
      styleNo: 'KN-1102',
      productName: '羊绒衫',
      category: 'knitwear',
      size: 'M',
      quantity: 2,
      unitListPrice: 99_900,
      discount: 0,
    },
  ],
  ...extra,
});

describe('purchases', () => {
  it('records a sale, fills the catalogue, updates her spend and visits at once', async () => {
    const res = await owner.post('/api/purchases', sale('POS-0001', { customerId }));
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      totalList: 467_800,
      totalDiscount: 18_000,
      totalPaid: 449_800,
      currency: 'CNY',
      kind: 'sale',
    });
    expect(r.lines[0]).toMatchObject({ category: 'suits', paidAmount: 250_000 });
    const stats = (await owner.get(`/api/customers/${customerId}/stats`)).json();
    expect(stats).toMatchObject({ lifetimeSpend: 449_800, receiptCount: 1, visitCount: 1, currency: 'CNY' });
    expect((await owner.get(`/api/customers/${customerId}`)).json().lastVisitAt).toBe('2026-10-01T02:00:00.000Z');
    const products = (await owner.get('/api/products?styleNo=SU')).json().items;
    expect(products[0]).toMatchObject({ styleNo: 'SU-2601', name: '羊毛西服', listPrice: 268_000 });
  });

  it('returns a line: the refund reduces her spend and cannot exceed what was bought', async () => {
    const [receipt] = (await owner.get(`/api/purchases?customerId=${customerId}`)).json().items;
    const knit = receipt.lines.find((l: { styleNo: string }) => l.styleNo === 'KN-1102');
    const tooMany = await owner.post(`/api/purchases/${receipt.id}/returns`, {
      lines: [{ originalLineId: knit.id, quantity: 3 }],
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().fields[0].field).toBe('body.lines.0.quantity');
    const ret = await owner.post(`/api/purchases/${receipt.id}/returns`, {
      lines: [{ originalLineId: knit.id, quantity: 1 }],
    });
    expect(ret.statusCode, ret.body).toBe(201);
    expect(ret.json()).toMatchObject({ kind: 'return', totalPaid: -99_900 });
    expect((await owner.get(`/api/customers/${customerId}/stats`)).json().lifetimeSpend).toBe(449_800 - 99_900);
    const again = (await owner.get(`/api/purchases/${receipt.id}`)).json();
    expect(again.lines.find((l: { id: string }) => l.id === knit.id).returnedQuantity).toBe(1);
  });

  it('rejects a wrong currency, an unknown category and a discount larger than the line', async () => {
    const res = await owner.post('/api/purchases', {
      ...sale('POS-0002'),
      currency: 'JPY',
      lines: [{ productName: 'x', category: 'spaceships', quantity: 1, unitListPrice: 100 }],
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(['body.currency']);
    const cat = await owner.post('/api/purchases', {
      ...sale('POS-0002'),
      lines: [{ productName: 'x', category: 'spaceships', quantity: 1, unitListPrice: 100 }],
    });
    expect(cat.json().fields[0].field).toBe('body.lines.0.category');
    const disc = await owner.post('/api/purchases', {
      ...sale('POS-0002'),
      lines: [{ productName: 'x', quantity: 1, unitListPrice: 100, discount: 500 }],
    });
    expect(disc.json().fields[0].field).toBe('body.lines.0.discount');
  });

  it('is idempotent for a POS: the same request twice in parallel records one receipt', async () => {
    const body = JSON.stringify(sale('POS-0100', { memberNo: 'v100' }));
    const headers = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': 'pos-0100-try',
    };
    const [a, b] = await Promise.all([
      t.app.inject({ method: 'POST', url: '/api/purchases', headers, payload: body }),
      t.app.inject({ method: 'POST', url: '/api/purchases', headers, payload: body }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']]).toContain('true');
    const list = (await owner.get(`/api/purchases?customerId=${customerId}`))
      .json()
      .items.filter((r: { receiptNo: string }) => r.receiptNo === 'POS-0100');
    expect(list).toHaveLength(1);
    expect(list[0].source).toBe('pos');
    // The same key for a different request is refused; the same receipt number without a key is a safe retry.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/purchases',
      headers,
      payload: JSON.stringify(sale('POS-0101')),
    });
    expect(other.json().code).toBe('idempotency_conflict');
    const retry = await t.app.inject({
      method: 'POST',
      url: '/api/purchases',
      headers: { authorization: headers.authorization, 'content-type': 'application/json' },
      payload: body,
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(a.json().id);
    const different = await t.app.inject({
      method: 'POST',
      url: '/api/purchases',
      headers: { authorization: headers.authorization, 'content-type': 'application/json' },
      payload: JSON.stringify({
        ...sale('POS-0100'),
        lines: [{ productName: 'other', quantity: 1, unitListPrice: 1 }],
      }),
    });
    expect(different.statusCode).toBe(409);
  });

  it('lets only API tokens of the store post to it', async () => {
    const other = (
      await owner.post('/api/stores', {
        code: 'B2',
        name: 'B2',
        country: 'CN',
        currency: 'CNY',
        timezone: 'Asia/Shanghai',
        locale: 'zh-CN',
      })
    ).json().id;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/purchases',
      headers: { authorization: `Bearer ${token}` },
      payload: { ...sale('X1'), storeId: other },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('body.storeId');
  });

  it('merging two buyers moves every receipt to the survivor and adds up her spend', async () => {
    const mk = async (memberNo: string, phone: string) =>
      (
        await owner.post('/api/customers', {
          storeId: t.mainStoreId,
          familyName: '周',
          givenName: '敏',
          memberNo,
          phones: [{ number: phone }],
        })
      ).json().id as string;
    const a = await mk('M-A1', '13600003331');
    const b = await mk('M-B1', '13600003332');
    expect((await owner.post('/api/purchases', sale('MG-1', { customerId: a }))).statusCode).toBe(201);
    expect((await owner.post('/api/purchases', sale('MG-2', { customerId: b }))).statusCode).toBe(201);
    const merged = await owner.post(`/api/customers/${a}/merge`, { otherId: b, take: {} });
    expect(merged.statusCode, merged.body).toBe(200);
    const stats = (await owner.get(`/api/customers/${a}/stats`)).json();
    expect(stats).toMatchObject({ lifetimeSpend: 2 * 449_800, receiptCount: 2 });
  });
});
