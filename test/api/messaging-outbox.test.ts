// The outbox API, the public unsubscribe page and her rights (export and erasure of her contacts and
// messages), through app.inject against a real database. The contact log and the staff statistics are
// in messaging.test.ts; the organisation both use is built by test/helpers/messaging.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, contactLog, customerConsents, outbox } from '../../src/server/db/schema';
import { signUnsubscribeToken, unsubscribeKey } from '../../src/server/modules/messaging/unsubscribe-token';
import type { Client, TestApp } from '../helpers/app';
import { createMessagingTestApp, type MessagingTestApp } from '../helpers/messaging';

let t: TestApp;
let owner: Client;
let manager: Client;
let guide: Client;
let otherStoreGuide: Client;
let storeB: string;
let customer: MessagingTestApp['customer'];

beforeAll(async () => {
  ({ t, owner, manager, guide, otherStoreGuide, storeB, customer } = await createMessagingTestApp());
});
afterAll(() => t.close());

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
