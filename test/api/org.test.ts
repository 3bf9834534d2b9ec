import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
});
afterAll(() => t.close());

describe('stores and regions', () => {
  it('opens a store in a region and lists it', async () => {
    const region = await owner.post('/api/regions', { code: 'JP', name: '日本' });
    expect(region.statusCode).toBe(201);
    const store = await owner.post('/api/stores', {
      code: 'tky01',
      name: '銀座店',
      regionId: region.json().id,
      country: 'JP',
      currency: 'JPY',
      timezone: 'Asia/Tokyo',
      locale: 'ja',
    });
    expect(store.statusCode).toBe(201);
    expect(store.json()).toMatchObject({ code: 'TKY01', currency: 'JPY', isActive: true });
    const regions = (await owner.get('/api/regions')).json().items;
    expect(regions.find((r: { code: string }) => r.code === 'JP').storeCount).toBe(1);
  });

  it('explains every bad field of a store at once', async () => {
    const res = await owner.post('/api/stores', {
      code: 'bad code!',
      name: '',
      country: 'Japan',
      currency: 'yen',
      timezone: 'Mars/Olympus',
      locale: 'fr',
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .fields.map((f: { field: string }) => f.field)
      .sort();
    expect(fields).toEqual(['body.code', 'body.country', 'body.currency', 'body.locale', 'body.name', 'body.timezone']);
  });

  it('refuses a duplicate store code and an unknown currency', async () => {
    const dup = await owner.post('/api/stores', {
      code: 'MAIN',
      name: 'x',
      country: 'CN',
      currency: 'CNY',
      timezone: 'Asia/Shanghai',
      locale: 'zh-CN',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'store_code_taken', params: { code: 'MAIN' } });
    const cur = await owner.post('/api/stores', {
      code: 'X1',
      name: 'x',
      country: 'CN',
      currency: 'ABC',
      timezone: 'Asia/Shanghai',
      locale: 'zh-CN',
    });
    expect(cur.statusCode).toBe(400);
    expect(cur.json().fields[0].field).toBe('body.currency');
  });
});

describe('audit log', () => {
  it('records log-ins and changes, filters by prefix, pages with a cursor', async () => {
    for (let i = 0; i < 3; i++) await owner.post('/api/regions', { code: `R${i}`, name: `Region ${i}` });
    const page1 = (await owner.get('/api/audit?action=region.&limit=2')).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((e: { action: string }) => e.action.startsWith('region.'))).toBe(true);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = (await owner.get(`/api/audit?action=region.&limit=2&cursor=${page1.nextCursor}`)).json();
    const ids = new Set([...page1.items, ...page2.items].map((e: { id: string }) => e.id));
    expect(ids.size).toBe(page1.items.length + page2.items.length);
    const logins = (await owner.get('/api/audit?action=auth.login')).json().items;
    expect(logins[0]).toMatchObject({ actorName: 'Owner', ip: '127.0.0.1' });
    expect(logins[0].requestId).toBeTruthy();
  });

  it('cannot be altered, even by SQL', async () => {
    await expect(t.database.db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    const n = (await owner.get('/api/audit?limit=1')).json().items.length;
    expect(n).toBe(1);
  });

  it('rejects a forged cursor with a field error', async () => {
    const res = await owner.get('/api/audit?cursor=garbage');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('query.cursor');
  });
});
