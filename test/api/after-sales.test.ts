import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
let customerId: string;

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  customerId = (
    await owner.post('/api/customers', {
      storeId: t.mainStoreId,
      familyName: '赵',
      givenName: '敏',
      phones: [{ number: '13512345678' }],
    })
  ).json().id;
});
afterAll(() => t.close());

describe('after-sales (seed 001)', () => {
  it('sells two items, returns one, and offers a 10% exchange at day 40 when the other cannot be repaired', async () => {
    const sale = await owner.post('/api/purchases', {
      storeId: t.mainStoreId,
      customerId,
      receiptNo: 'S-40',
      occurredAt: daysAgo(40),
      lines: [
        { styleNo: 'DR-01', productName: '真丝连衣裙', category: 'clothing', quantity: 1, unitListPrice: 159_900 },
        {
          styleNo: 'LJ-02',
          productName: '羊皮夹克',
          category: 'leather',
          quantity: 1,
          unitListPrice: 320_000,
          discount: 20_000,
        },
      ],
    });
    expect(sale.statusCode, sale.body).toBe(201);
    const [dress, jacket] = sale.json().lines;
    await owner.post(`/api/purchases/${sale.json().id}/returns`, {
      lines: [{ originalLineId: jacket.id, quantity: 1 }],
    });

    const opened = await owner.post(`/api/customers/${customerId}/repairs`, {
      receiptLineId: dress.id,
      fault: '侧缝开线',
      cause: 'quality',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const ticket = opened.json();
    expect(ticket.ticketNo).toMatch(/^R\d{8}-001$/);
    expect(ticket.itemDescription).toContain('真丝连衣裙');
    expect(ticket.whatIfNotRepairable).toMatchObject({
      rule: 'paid_exchange_depreciation',
      depreciationPercent: 10,
      depreciationCharge: 15_990,
      daysSincePurchase: 40,
    });

    const bad = await owner.patch(`/api/repairs/${ticket.id}`, { status: 'collected' });
    expect(bad.statusCode).toBe(400);
    const assessed = await owner.patch(`/api/repairs/${ticket.id}`, {
      status: 'assessed',
      isRepairable: false,
      note: '面料无法修复',
    });
    expect(assessed.json()).toMatchObject({
      status: 'assessed',
      charge: 15_990,
      assessment: { rule: 'paid_exchange_depreciation' },
    });
    const exchanged = (await owner.patch(`/api/repairs/${ticket.id}`, { status: 'exchanged' })).json();
    expect(exchanged.events.map((e: { status: string }) => e.status)).toEqual(['received', 'assessed', 'exchanged']);
    expect(exchanged.events[1]).toMatchObject({ note: '面料无法修复', byName: 'Owner' });

    const register = (await owner.get('/api/registers/repairs')).json().items;
    expect(register.map((r: { ticketNo: string }) => r.ticketNo)).toContain(ticket.ticketNo);
    const csv = await owner.get('/api/registers/repairs?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(ticket.ticketNo);
    expect(csv.body).toContain('真丝连衣裙');
    // Column headings and statuses in the reader's language.
    const before = (await owner.get('/api/me')).json().locale;
    await owner.patch('/api/me/preferences', { locale: 'ja' });
    const ja = await owner.get('/api/registers/repairs?format=csv');
    expect(ja.body.split(/\r?\n/)[0]).toContain('受付番号,受付日,お客様,商品,不具合,原因,状況,適用ルール,費用,通貨');
    expect(ja.body).toContain('品質不良,交換済み,減価償却費をいただいての交換');
    await owner.patch('/api/me/preferences', { locale: 'zh-CN' });
    const q = await owner.get('/api/registers/quality-followups?format=csv');
    expect(q.body.split(/\r?\n/)[0]).toContain('日期');
    await owner.patch('/api/me/preferences', { locale: before ?? 'en' });
  });

  it('repairs a quality fault free after day 15, within warranty', async () => {
    const sale = (
      await owner.post('/api/purchases', {
        storeId: t.mainStoreId,
        customerId,
        receiptNo: 'S-20',
        occurredAt: daysAgo(20),
        lines: [{ styleNo: 'CO-9', productName: '大衣', category: 'clothing', quantity: 1, unitListPrice: 299_900 }],
      })
    ).json();
    const ticket = (
      await owner.post(`/api/customers/${customerId}/repairs`, {
        receiptLineId: sale.lines[0].id,
        fault: '纽扣脱落',
        cause: 'quality',
      })
    ).json();
    const a = (await owner.patch(`/api/repairs/${ticket.id}`, { status: 'assessed', isRepairable: true })).json();
    expect(a).toMatchObject({ charge: 0, assessment: { rule: 'free_repair', isFree: true } });
  });

  it('grants a suit above the configured price one free dry-cleaning, redeemable once', async () => {
    await owner.post('/api/purchases', {
      storeId: t.mainStoreId,
      customerId,
      receiptNo: 'S-SUIT',
      lines: [
        { styleNo: 'SU-1', productName: '西服套装', category: 'suits', quantity: 1, unitListPrice: 380_000 },
        { styleNo: 'SU-2', productName: '便西服', category: 'suits', quantity: 1, unitListPrice: 90_000 },
      ],
    });
    const ents = (await owner.get(`/api/customers/${customerId}/entitlements`)).json().items;
    const dry = ents.filter((e: { kind: string }) => e.kind === 'dry_cleaning');
    expect(dry.map((e: { productName: string }) => e.productName)).toEqual(['西服套装']);
    expect((await owner.post(`/api/entitlements/${dry[0].id}/redeem`)).statusCode).toBe(200);
    expect((await owner.post(`/api/entitlements/${dry[0].id}/redeem`)).statusCode).toBe(409);
  });
});

describe('salon services (seed 004)', () => {
  it('sells a 10-facial card and redeems one with a care log; the balance is the sum of the ledger', async () => {
    const facial = (
      await owner.post('/api/service-items', {
        name: '深层补水护理',
        durationMinutes: 60,
        price: 38_000,
        currency: 'CNY',
      })
    ).json();
    const card = await owner.post(`/api/customers/${customerId}/cards`, {
      kind: 'count',
      name: '补水护理 10 次卡',
      serviceItemId: facial.id,
      count: 10,
      pricePaid: 298_000,
    });
    expect(card.statusCode, card.body).toBe(201);
    expect(card.json().balance).toEqual({ count: 10, value: 0 });
    const visit = await owner.post(`/api/customers/${customerId}/visits`, {
      serviceItemIds: [facial.id],
      skinCondition: 'T 区偏油，两颊干',
      feedback: '很舒服',
      productsUsed: '玻尿酸精华',
      redeem: [{ cardId: card.json().id }],
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const cards = (await owner.get(`/api/customers/${customerId}/cards`)).json().items;
    expect(cards[0].balance.count).toBe(9);
    expect(cards[0].ledger.map((e: { entry: string; countDelta: number }) => [e.entry, e.countDelta])).toEqual([
      ['issue', 10],
      ['redeem', -1],
    ]);
    const visits = (await owner.get(`/api/customers/${customerId}/visits`)).json().items;
    expect(visits[0]).toMatchObject({
      skinCondition: 'T 区偏油，两颊干',
      feedback: '很舒服',
      services: [{ name: '深层补水护理' }],
    });
    const over = await owner.post(`/api/customers/${customerId}/visits`, {
      serviceItemIds: [facial.id],
      redeem: [{ cardId: card.json().id, count: 20 }],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().fields[0]).toMatchObject({ field: 'body.redeem.0', code: 'insufficient_balance' });
    expect((await owner.get(`/api/customers/${customerId}/visits`)).json().items).toHaveLength(1);
    const stats = (await owner.get(`/api/customers/${customerId}/stats`)).json();
    expect(stats.visitsPerMonth6).toBeGreaterThan(0);
  });

  it('refuses an expired card', async () => {
    const card = (
      await owner.post(`/api/customers/${customerId}/cards`, {
        kind: 'value',
        name: '储值卡',
        value: 100_000,
        pricePaid: 100_000,
        expiresOn: '2020-12-31',
      })
    ).json();
    const facial = (await owner.get('/api/service-items')).json().items[0];
    const res = await owner.post(`/api/customers/${customerId}/visits`, {
      serviceItemIds: [facial.id],
      redeem: [{ cardId: card.id, amount: 38_000 }],
    });
    expect(res.json().fields[0].code).toBe('expired');
  });
});
