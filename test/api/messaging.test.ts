// The contact log, the staff statistics and the contact budget count for the care rules, through
// app.inject against a real database. The outbox, the unsubscribe page and her rights are in
// messaging-outbox.test.ts; the organisation both use is built by test/helpers/messaging.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, contactLog } from '../../src/server/db/schema';
import type { Client, TestApp } from '../helpers/app';
import { createMessagingTestApp, type MessagingTestApp } from '../helpers/messaging';

let t: TestApp;
let manager: Client;
let guide: Client;
let otherStoreGuide: Client;
let guideId: string;
let guide2Id: string;
let customer: MessagingTestApp['customer'];

beforeAll(async () => {
  ({ t, manager, guide, otherStoreGuide, guideId, guide2Id, customer } = await createMessagingTestApp());
});
afterAll(() => t.close());

describe('contact log', () => {
  it('records a call with its outcome and note, lists it on her page and her timeline', async () => {
    const c = await customer(guide);
    const res = await guide.post(`/api/customers/${c.id}/contacts`, {
      channel: 'call',
      purpose: 'after_purchase',
      outcome: 'appointment_booked',
      note: '羊绒衫起球，周六来店处理',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      customerId: c.id,
      userId: guideId,
      userName: 'lin',
      channel: 'call',
      purpose: 'after_purchase',
      outcome: 'appointment_booked',
      note: '羊绒衫起球，周六来店处理',
      outboxMessageId: null,
    });
    const list = (await guide.get(`/api/customers/${c.id}/contacts`)).json();
    expect(list.items).toHaveLength(1);
    const timeline = (await guide.get(`/api/customers/${c.id}/timeline`)).json().items;
    expect(timeline[0]).toMatchObject({
      kind: 'contact',
      actorName: 'lin',
      text: '羊绒衫起球，周六来店处理',
      details: { channel: 'call', outcome: 'appointment_booked', purpose: 'after_purchase' },
    });
  });

  it('refuses an outcome that does not fit the channel, a future date and one older than 90 days', async () => {
    const c = await customer(guide);
    const bad = await guide.post(`/api/customers/${c.id}/contacts`, { channel: 'call', outcome: 'sent' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([
      expect.objectContaining({ field: 'body.outcome', code: 'outcome_not_for_channel' }),
    ]);
    const future = await guide.post(`/api/customers/${c.id}/contacts`, {
      channel: 'visit',
      outcome: 'reached',
      contactedAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.json().fields[0]).toMatchObject({ field: 'body.contactedAt', code: 'in_future' });
    const old = await guide.post(`/api/customers/${c.id}/contacts`, {
      channel: 'letter',
      outcome: 'sent',
      contactedAt: new Date(Date.now() - 100 * 86_400_000).toISOString(),
    });
    expect(old.json().fields[0]).toMatchObject({ code: 'too_old' });
    const unknown = await guide.post(`/api/customers/${c.id}/contacts`, { channel: 'fax', outcome: 'sent' });
    expect(unknown.statusCode).toBe(400);
  });

  it('pages her contacts newest first', async () => {
    const c = await customer(guide);
    for (let i = 0; i < 5; i++)
      await guide.post(`/api/customers/${c.id}/contacts`, {
        channel: 'sms',
        outcome: 'sent',
        messageText: `第${i}条`,
        contactedAt: new Date(Date.now() - (5 - i) * 3_600_000).toISOString(),
      });
    const first = (await guide.get(`/api/customers/${c.id}/contacts?limit=2`)).json();
    expect(first.items.map((x: { messageText: string }) => x.messageText)).toEqual(['第4条', '第3条']);
    const second = (await guide.get(`/api/customers/${c.id}/contacts?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((x: { messageText: string }) => x.messageText)).toEqual(['第2条', '第1条']);
  });

  it("keeps another store's customer out of reach (404), and the managers' lists from staff (403)", async () => {
    const c = await customer(guide);
    expect(
      (await otherStoreGuide.post(`/api/customers/${c.id}/contacts`, { channel: 'call', outcome: 'reached' }))
        .statusCode,
    ).toBe(404);
    expect((await otherStoreGuide.get(`/api/customers/${c.id}/contacts`)).statusCode).toBe(404);
    expect((await guide.get('/api/contacts')).statusCode).toBe(403);
    expect((await guide.get('/api/contacts/stats?from=2026-01-01&to=2026-01-31')).statusCode).toBe(403);
    expect((await guide.get('/api/outbox')).statusCode).toBe(403);
  });
});

describe('staff statistics', () => {
  it('counts contacts per employee and channel in store-local days, with reached and distinct customers', async () => {
    // Asia/Shanghai: 2026-03-31 23:30 local is 15:30 UTC; 2026-04-01 00:30 local is 16:30 UTC the day before.
    const a = await customer(guide);
    const b = await customer(guide);
    const at = (iso: string) => ({ contactedAt: iso });
    await t.database.db.insert(contactLog).values(
      [
        { u: guideId, c: a.id, channel: 'call', outcome: 'reached', purpose: 'care', at: '2026-03-01T02:00:00Z' },
        { u: guideId, c: a.id, channel: 'call', outcome: 'no_answer', purpose: 'care', at: '2026-03-10T02:00:00Z' },
        { u: guideId, c: b.id, channel: 'wechat', outcome: 'sent', purpose: 'care', at: '2026-03-31T15:30:00Z' },
        {
          u: guide2Id,
          c: b.id,
          channel: 'visit',
          outcome: 'reached',
          purpose: 'after_purchase',
          at: '2026-03-15T08:00:00Z',
        },
        { u: guide2Id, c: b.id, channel: 'sms', outcome: 'sent', purpose: 'marketing', at: '2026-03-31T16:30:00Z' }, // April 1st
        { u: guide2Id, c: b.id, channel: 'sms', outcome: 'sent', purpose: 'care', at: '2026-02-28T15:59:00Z' }, // Feb 28th 23:59
        { u: null, c: a.id, channel: 'email', outcome: 'sent', purpose: 'care', at: '2026-03-20T01:00:00Z' },
      ].map((r) => ({
        orgId: t.orgId,
        storeId: t.mainStoreId,
        customerId: r.c,
        userId: r.u,
        channel: r.channel,
        purpose: r.purpose,
        outcome: r.outcome,
        contactedAt: new Date(at(r.at).contactedAt),
      })),
    );
    const res = await manager.get(`/api/contacts/stats?from=2026-03-01&to=2026-03-31&storeId=${t.mainStoreId}`);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats.rows.map((r: { name: string | null; contacts: number }) => [r.name, r.contacts])).toEqual([
      ['lin', 3],
      ['zhou', 1],
      [null, 1],
    ]);
    const lin = stats.rows[0];
    expect(lin).toMatchObject({ reached: 2, customers: 2 });
    expect(lin.byChannel).toMatchObject({ call: 2, wechat: 1, sms: 0 });
    expect(lin.byPurpose).toMatchObject({ care: 3 });
    expect(stats.rows[2]).toMatchObject({ userId: null, byChannel: { email: 1 } });
    expect(stats.totals).toMatchObject({ contacts: 5, reached: 4, customers: 2, byChannel: { call: 2, visit: 1 } });
  });

  it('exports the same figures as CSV with headers in her language, and audits the export', async () => {
    const res = await manager.request({
      method: 'GET',
      url: `/api/contacts/stats?from=2026-03-01&to=2026-03-31&format=csv`,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('员工');
    expect(lines[0]).toContain('联系次数');
    expect(lines[0]).toContain('微信');
    expect(lines.some((l) => l.includes('lin') && l.includes(',3,2,2,'))).toBe(true);
    expect(lines.at(-1)).toContain('合计');
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'contacts.exported'));
    expect(audit).toHaveLength(1);
  });

  it('refuses a period that ends before it starts or spans more than a year', async () => {
    expect((await manager.get('/api/contacts/stats?from=2026-03-31&to=2026-03-01')).json().fields[0].code).toBe(
      'before_from',
    );
    expect((await manager.get('/api/contacts/stats?from=2024-01-01&to=2026-03-01')).json().fields[0].code).toBe(
      'too_long',
    );
  });

  it('lists who contacted whom for the manager, filtered by employee and store-local days', async () => {
    const res = await manager.get(`/api/contacts?from=2026-03-31&to=2026-03-31&userId=${guideId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((x: { channel: string }) => x.channel)).toEqual(['wechat']);
  });
});

describe('the contact budget count (for the care rules)', () => {
  it('counts her outreach since a date, leaving out after-purchase, complaint and failed contacts', async () => {
    const { recentContactCounts } = await import('../../src/server/modules/messaging/contacts.service');
    const a = await customer(guide);
    const b = await customer(guide);
    const day = 86_400_000;
    const rows = [
      { c: a.id, purpose: 'care', outcome: 'reached', ago: 2 },
      { c: a.id, purpose: 'marketing', outcome: 'sent', ago: 10 },
      { c: a.id, purpose: 'after_purchase', outcome: 'reached', ago: 3 },
      { c: a.id, purpose: 'complaint', outcome: 'issue_raised', ago: 4 },
      { c: a.id, purpose: 'care', outcome: 'failed', ago: 5 },
      { c: a.id, purpose: 'care', outcome: 'no_answer', ago: 40 },
      { c: b.id, purpose: 'care', outcome: 'no_answer', ago: 1 },
    ];
    await t.database.db.insert(contactLog).values(
      rows.map((r) => ({
        orgId: t.orgId,
        storeId: t.mainStoreId,
        customerId: r.c,
        userId: guideId,
        channel: 'call',
        purpose: r.purpose,
        outcome: r.outcome,
        contactedAt: new Date(Date.now() - r.ago * day),
      })),
    );
    const since = new Date(Date.now() - 30 * day);
    const counts = await recentContactCounts(t.database.db, t.orgId, [a.id, b.id], since);
    expect(Object.fromEntries(counts)).toEqual({ [a.id]: 2, [b.id]: 1 });
    const everything = await recentContactCounts(t.database.db, t.orgId, [a.id], since, []);
    expect(everything.get(a.id)).toBe(4);
  });
});
