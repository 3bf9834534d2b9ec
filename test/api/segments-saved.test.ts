// Saved segments through app.inject on a real database: their counts and customers per caller, the
// export (masked for staff, audited), who may change them, and the audit of saving, changing, deleting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../src/server/db/schema';
import type { Client, TestApp } from '../helpers/app';
import { BIRTHDAY_NEXT, createSegmentsTestApp, DRIFTING, GOLD_UP, SMS } from '../helpers/segments';

let t: TestApp;
let owner: Client;
let staffA: Client;
let staffB: Client;
let ids: Record<string, string>;

beforeAll(async () => {
  ({ t, owner, staffA, staffB, ids } = await createSegmentsTestApp());
});
afterAll(() => t.close());

describe('saved segments', () => {
  it('saves, lists with counts, pages its customers, exports masked and audited, and limits editing', async () => {
    const definition = { kind: 'group', op: 'and', conditions: [GOLD_UP, DRIFTING, BIRTHDAY_NEXT, SMS] };
    const saved = await staffA.post('/api/segments', { name: '金卡以上·沉睡·下月生日', definition });
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json().id as string;
    expect(saved.json()).toMatchObject({ name: '金卡以上·沉睡·下月生日', ownerName: 'lin', canEdit: true });

    const list = (await staffA.get('/api/segments?withCounts=true')).json().items;
    expect(list).toEqual([expect.objectContaining({ id, count: 1 })]);
    // The owner sees the same saved segment over all her stores.
    const ownerList = (await owner.get('/api/segments?withCounts=true')).json().items;
    expect(ownerList).toEqual([expect.objectContaining({ id, count: 2, canEdit: true })]);
    // Staff of another store may use it but not change it.
    expect((await staffB.get(`/api/segments/${id}`)).json().canEdit).toBe(false);
    expect((await staffB.patch(`/api/segments/${id}`, { name: 'x' })).statusCode).toBe(403);

    const page1 = (await owner.get(`/api/segments/${id}/customers?limit=1`)).json();
    expect(page1.count).toBe(2);
    expect(page1.items).toHaveLength(1);
    const page2 = (await owner.get(`/api/segments/${id}/customers?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([page1.items[0].id, page2.items[0].id])).toEqual(new Set([ids['美'], ids['芳']]));

    const csv = await staffA.get(`/api/segments/${id}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('林美');
    expect(lines[1]).toMatch(/\*{4}/); // staff get masked contacts
    const ownerCsv = await owner.request({
      method: 'GET',
      url: `/api/segments/${id}/export`,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(ownerCsv.body).toContain('会员号');
    expect(ownerCsv.body).not.toMatch(/139\*{4}/);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'customers.exported'));
    expect(audit.map((a) => a.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rows: 1, masked: true, segment: '金卡以上·沉睡·下月生日', complete: true }),
        expect.objectContaining({ rows: 2, masked: false }),
      ]),
    );

    const renamed = await staffA.patch(`/api/segments/${id}`, { name: '下月生日的金卡' });
    expect(renamed.json().name).toBe('下月生日的金卡');
    expect((await staffB.del(`/api/segments/${id}`)).statusCode).toBe(403);
    expect((await staffA.del(`/api/segments/${id}`)).statusCode).toBe(200);
    expect((await staffA.get(`/api/segments/${id}`)).statusCode).toBe(404);
  });

  it('a segment saved for one store is not visible from another', async () => {
    const res = await staffA.post('/api/segments', {
      name: '本店',
      storeId: t.mainStoreId,
      definition: { kind: 'group', op: 'and', conditions: [] },
    });
    expect(res.statusCode).toBe(201);
    expect((await staffB.get(`/api/segments/${res.json().id}`)).statusCode).toBe(404);
    expect(
      (
        await staffB.post('/api/segments', {
          name: 'x',
          storeId: t.mainStoreId,
          definition: { kind: 'group', op: 'and', conditions: [] },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('records who saved, changed and deleted a segment in the audit log', async () => {
    const saved = await staffA.post('/api/segments', {
      name: '审计用客群',
      definition: { kind: 'group', op: 'and', conditions: [SMS] },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json().id as string;
    expect((await staffA.patch(`/api/segments/${id}`, { name: '审计用客群·改' })).statusCode).toBe(200);
    expect((await staffA.del(`/api/segments/${id}`)).statusCode).toBe(200);
    const events = (await owner.get(`/api/audit?entityId=${id}`)).json().items as Array<{
      action: string;
      details: Record<string, unknown>;
    }>;
    expect(events.map((e) => e.action).sort()).toEqual(['segment.created', 'segment.deleted', 'segment.updated']);
    expect(events.find((e) => e.action === 'segment.updated')?.details.fields).toEqual(['name']);
    expect(events.find((e) => e.action === 'segment.deleted')?.details.name).toBe('审计用客群·改');
  });
});
