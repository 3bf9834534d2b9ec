// The contact log, the staff statistics, the outbox API and the public unsubscribe page, through
// app.inject against a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, contactLog, customerConsents, outbox } from '../../src/server/db/schema';
import { signUnsubscribeToken, unsubscribeKey } from '../../src/server/modules/messaging/unsubscribe-token';
import { createTestApp, loginAs, OWNER, type Client, type TestApp, addGinzaStore } from '../helpers/app';

let t: TestApp;
let owner: Client;
let manager: Client;
let guide: Client;
let otherStoreGuide: Client;
let guideId: string;
let guide2Id: string;
let storeB: string;

const consentAll = [
  { channel: 'email', purpose: 'care', granted: true },
  { channel: 'sms', purpose: 'care', granted: true },
  { channel: 'phone', purpose: 'care', granted: true },
];

async function customer(as: Client, extra: Record<string, unknown> = {}) {
  const res = await as.post('/api/customers', {
    storeId: t.mainStoreId,
    familyName: '陈',
    givenName: '静',
    gender: 'female',
    email: `chen.${Math.random().toString(36).slice(2)}@example.com`,
    phones: [{ number: '13900139000' }],
    consents: consentAll,
    allowDuplicate: true,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; storeId: string };
}

async function user(email: string, role: string, storeIds: string[]) {
  const res = await owner.post('/api/users', {
    email,
    displayName: email.split('@')[0],
    role,
    password: 'password-12345',
    storeIds,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, client: await loginAs(t.app, email, 'password-12345') };
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  storeB = await addGinzaStore(owner);
  manager = (await user('mgr@test.example', 'store_manager', [t.mainStoreId])).client;
  const g = await user('lin@test.example', 'staff', [t.mainStoreId]);
  guide = g.client;
  guideId = g.id;
  const g2 = await user('zhou@test.example', 'staff', [t.mainStoreId]);
  guide2Id = g2.id;
  otherStoreGuide = (await user('sato@test.example', 'staff', [storeB])).client;
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

describe('outbox API', () => {
  it('queues an e-mail with her consent, once per idempotency key, audited without the text', async () => {
    const c = await customer(guide);
    const body = {
      customerId: c.id,
      channel: 'email',
      purpose: 'care',
      subject: '生日快乐',
      body: '陈女士，生日快乐！',
      idempotencyKey: `birthday:2026:${c.id}`,
    };
    const first = await guide.post('/api/outbox', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ created: true, status: 'queued', locale: 'zh-CN', customerName: '陈静' });
    const again = await guide.post('/api/outbox', { ...body, body: '改过的内容' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, id: first.json().id, body: '陈女士，生日快乐！' });
    const other = await customer(guide);
    const clash = await guide.post('/api/outbox', { ...body, customerId: other.id });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('idempotency_conflict');
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'message.enqueued'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain('生日快乐');
    const timeline = (await guide.get(`/api/customers/${c.id}/timeline`)).json().items;
    expect(timeline[0]).toMatchObject({
      kind: 'message',
      text: '生日快乐',
      details: { status: 'queued', channel: 'email' },
    });
    expect((await guide.get(`/api/customers/${c.id}/messages`)).json().items).toHaveLength(1);
  });

  it('refuses without consent, to a do-not-contact customer, without an address, and an e-mail without subject', async () => {
    const noConsent = await customer(guide, { consents: [] });
    const r1 = await guide.post('/api/outbox', {
      customerId: noConsent.id,
      channel: 'email',
      subject: 'Hi',
      body: 'x',
    });
    expect(r1.statusCode).toBe(409);
    expect(r1.json().code).toBe('consent_required');
    const marketing = await guide.post('/api/outbox', {
      customerId: noConsent.id,
      channel: 'sms',
      purpose: 'marketing',
      body: '新品上市',
    });
    expect(marketing.json().code).toBe('consent_required');

    const dnc = await customer(guide);
    await guide.patch(`/api/customers/${dnc.id}/flags`, { doNotContact: true });
    const r2 = await guide.post('/api/outbox', { customerId: dnc.id, channel: 'email', subject: 'Hi', body: 'x' });
    expect(r2.json().code).toBe('not_contactable');

    const noMail = await customer(guide, { email: null });
    const r3 = await guide.post('/api/outbox', { customerId: noMail.id, channel: 'email', subject: 'Hi', body: 'x' });
    expect(r3.json().code).toBe('no_contact_address');

    const r4 = await guide.post('/api/outbox', { customerId: noMail.id, channel: 'email', body: 'x' });
    expect(r4.statusCode).toBe(400);
    expect(r4.json().fields[0].field).toBe('body.subject');
    expect(
      (await otherStoreGuide.post('/api/outbox', { customerId: noMail.id, channel: 'sms', body: 'x' })).statusCode,
    ).toBe(404);
  });

  it('lets a manager see pending messages, cancel a queued one (once) and retry only a failed one', async () => {
    const c = await customer(guide);
    const m = (
      await guide.post('/api/outbox', { customerId: c.id, channel: 'sms', body: '天气转凉，注意保暖。' })
    ).json();
    const pending = (await manager.get('/api/outbox?status=pending')).json().items;
    expect(pending.map((x: { id: string }) => x.id)).toContain(m.id);
    expect((await manager.post(`/api/outbox/${m.id}/retry`)).json().code).toBe('outbox_state');
    expect((await manager.post(`/api/outbox/${m.id}/cancel`)).statusCode).toBe(200);
    const again = await manager.post(`/api/outbox/${m.id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('outbox_state');
    const detail = (await manager.get(`/api/outbox/${m.id}`)).json();
    expect(detail).toMatchObject({ status: 'cancelled', cancelReason: 'manager', attemptLog: [] });

    const f = (await guide.post('/api/outbox', { customerId: c.id, channel: 'sms', body: '您好' })).json();
    await t.database.db
      .update(outbox)
      .set({ status: 'failed', attempts: 6, lastError: 'HTTP 400' })
      .where(eq(outbox.id, f.id));
    expect((await manager.post(`/api/outbox/${f.id}/retry`)).statusCode).toBe(200);
    expect((await manager.get(`/api/outbox/${f.id}`)).json()).toMatchObject({ status: 'queued', maxAttempts: 12 });
    const actions = (await t.database.db.select().from(auditEvents)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['message.cancelled', 'message.retried']));
    expect((await manager.get('/api/outbox/status')).json()).toEqual({ email: false, sms: false });
  });

  it("hides another store's messages from a manager of this one", async () => {
    const tokyo = (
      await owner.post('/api/customers', {
        storeId: storeB,
        familyName: '佐藤',
        givenName: '花子',
        phones: [{ number: '09012345678' }],
        consents: [{ channel: 'sms', purpose: 'care', granted: true }],
      })
    ).json();
    const m = (await owner.post('/api/outbox', { customerId: tokyo.id, channel: 'sms', body: 'お元気ですか' })).json();
    expect(m.locale).toBe('ja');
    expect((await manager.get(`/api/outbox/${m.id}`)).statusCode).toBe(404);
    expect((await manager.post(`/api/outbox/${m.id}/cancel`)).statusCode).toBe(404);
    expect((await manager.get('/api/outbox')).json().items.map((x: { id: string }) => x.id)).not.toContain(m.id);
  });
});

describe('unsubscribe page', () => {
  const tokenFor = async (customerId: string, locale: 'zh-CN' | 'ja' | 'en' = 'zh-CN') =>
    signUnsubscribeToken(await unsubscribeKey(t.database.db, t.orgId), {
      customerId,
      channel: 'email',
      purpose: 'care',
      locale,
    });

  it('greets her in the message language and changes nothing on GET', async () => {
    const c = await customer(guide, { familyName: '王', givenName: '芳', memberNo: 'VIP-8899' });
    const token = await tokenFor(c.id);
    const res = await t.app.inject({ method: 'GET', url: `/unsubscribe/${token}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain('王女士，您好');
    expect(res.body).toContain('关怀邮件');
    // Nothing but the greeting: no given name, e-mail, phone or member number.
    for (const leak of ['芳', '@example.com', '13900139000', '139', 'VIP-8899']) expect(res.body).not.toContain(leak);
    const consents = await t.database.db.select().from(customerConsents).where(eq(customerConsents.customerId, c.id));
    expect(consents.every((k) => k.granted)).toBe(true);
  });

  it('records the opt-out on POST (page button or RFC 8058 one-click) once, append-only and audited', async () => {
    const c = await customer(guide);
    const token = await tokenFor(c.id, 'ja');
    const oneClick = await t.app.inject({
      method: 'POST',
      url: `/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain('配信を停止しました');
    const button = await t.app.inject({
      method: 'POST',
      url: `/unsubscribe/${token}`,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="confirm"\r\n\r\n1\r\n--x--\r\n',
    });
    expect(button.statusCode).toBe(200);
    const rows = await t.database.db.select().from(customerConsents).where(eq(customerConsents.customerId, c.id));
    const optOuts = rows.filter((k) => k.channel === 'email' && k.purpose === 'care' && !k.granted);
    expect(optOuts).toHaveLength(1);
    expect(optOuts[0]).toMatchObject({ method: 'unsubscribe_link', recordedBy: null });
    expect(rows.filter((k) => k.granted)).toHaveLength(3); // the earlier consents stay: append-only
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'customer.unsubscribed'));
    expect(audit.filter((a) => a.entityId === c.id)).toHaveLength(1);
    expect(audit.find((a) => a.entityId === c.id)!.details).toMatchObject({
      channel: 'email',
      purpose: 'care',
      oneClick: true,
    });
    // Her file now refuses care e-mail.
    const refused = await guide.post('/api/outbox', { customerId: c.id, channel: 'email', subject: 'Hi', body: 'x' });
    expect(refused.json().code).toBe('consent_required');
    const profile = (await owner.get(`/api/customers/${c.id}`)).json();
    expect(profile.consents).toContainEqual(
      expect.objectContaining({ channel: 'email', granted: false, method: 'unsubscribe_link' }),
    );
  });

  it('answers a forged or damaged link with the same "not valid" page, in the reader\'s language', async () => {
    const c = await customer(guide);
    const token = await tokenFor(c.id);
    const flipped = `${token.slice(0, 40)}${token[40] === 'A' ? 'B' : 'A'}${token.slice(41)}`;
    const otherKey = signUnsubscribeToken(Buffer.alloc(32, 7), {
      customerId: c.id,
      channel: 'email',
      purpose: 'care',
      locale: 'en',
    });
    for (const bad of [flipped, otherKey, 'short', 'x'.repeat(48)]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/unsubscribe/${bad}`,
        headers: { 'accept-language': 'zh-TW' },
      });
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('連結無效');
    }
    const consents = await t.database.db.select().from(customerConsents).where(eq(customerConsents.customerId, c.id));
    expect(consents.every((k) => k.granted)).toBe(true);
  });

  it('is rate-limited per address', async () => {
    let last = 0;
    for (let i = 0; i < 32; i++) {
      last = (await t.app.inject({ method: 'GET', url: '/unsubscribe/nope', remoteAddress: '203.0.113.9' })).statusCode;
    }
    expect(last).toBe(429);
    expect(
      (await t.app.inject({ method: 'GET', url: '/unsubscribe/nope', remoteAddress: '203.0.113.10' })).statusCode,
    ).toBe(404);
  });
});

describe('her rights', () => {
  it('exports her contacts and messages, and erasure blanks them and cancels what is queued', async () => {
    const c = await customer(guide);
    await guide.post(`/api/customers/${c.id}/contacts`, {
      channel: 'call',
      outcome: 'reached',
      note: '她女儿下月结婚',
    });
    const m = (await guide.post('/api/outbox', { customerId: c.id, channel: 'sms', body: '恭喜！' })).json();
    const exported = (await owner.get(`/api/customers/${c.id}/export`)).json();
    expect(exported.contacts[0]).toMatchObject({ channel: 'call', note: '她女儿下月结婚' });
    expect(exported.messages[0]).toMatchObject({ body: '恭喜！', status: 'queued' });
    expect((await owner.post(`/api/customers/${c.id}/erase`, { confirm: true, reason: '本人要求' })).statusCode).toBe(
      200,
    );
    const [contact] = await t.database.db.select().from(contactLog).where(eq(contactLog.customerId, c.id));
    expect(contact).toMatchObject({ note: null, channel: 'call', outcome: 'reached' });
    const [msg] = await t.database.db.select().from(outbox).where(eq(outbox.id, m.id));
    expect(msg).toMatchObject({ body: '', status: 'cancelled', cancelReason: 'not_contactable' });
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
