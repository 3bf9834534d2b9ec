// The outbox sender against a real SMTP server (smtp-server) and a local HTTP SMS gateway: headers and
// unsubscribe link, not before not_before, consent re-checked at send time, back-off and the attempt
// log, permanent failures, two senders at once. The crash scenarios are in test/cli/outbox-crash.test.ts.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../../../../test/helpers/app';
import { startSmtp, type TestSmtp } from '../../../../test/helpers/smtp';
import { openDatabase, rows, type Database } from '../../db/client';
import { contactLog, outbox, outboxAttempts } from '../../db/schema';
import { usesPostgres } from '../../../../test/helpers/db';
import { enqueueMessage } from './outbox.service';
import { runOutboxOnce, type SenderOptions } from './outbox.sender';
import { httpSmsGateway, smtpTransport } from './transports';

let t: TestApp;
let owner: Client;
let smtp: TestSmtp;
let options: SenderOptions;

const PUBLIC = 'https://crm.example.test';

async function newCustomer(extra: Record<string, unknown> = {}) {
  const email = `wang.${Math.random().toString(36).slice(2)}@example.com`;
  const res = await owner.post('/api/customers', {
    storeId: t.mainStoreId,
    familyName: '王',
    givenName: '丽',
    gender: 'female',
    email,
    phones: [{ number: '13800138000' }],
    consents: [
      { channel: 'email', purpose: 'care', granted: true },
      { channel: 'sms', purpose: 'care', granted: true },
    ],
    allowDuplicate: true,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: (res.json() as { id: string }).id, email };
}

const enqueue = (customerId: string, extra: Partial<Parameters<typeof enqueueMessage>[1]> = {}) =>
  enqueueMessage(t.database.db, {
    orgId: t.orgId,
    customerId,
    channel: 'email',
    purpose: 'care',
    subject: '生日快乐',
    body: '王女士，祝您生日快乐，心想事成！\n——小林',
    ...extra,
  });

const messageRow = async (id: string) => (await t.database.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;
const attemptsOf = (id: string) =>
  t.database.db.select().from(outboxAttempts).where(eq(outboxAttempts.messageId, id)).orderBy(outboxAttempts.attemptNo);

/** Makes a queued message due now (back-off waits are minutes; tests do not wait them out). */
const makeDue = (id: string) =>
  t.database.db
    .update(outbox)
    .set({ nextAttemptAt: sql`now() - interval '1 second'` })
    .where(eq(outbox.id, id));

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  smtp = await startSmtp();
  options = {
    transports: { email: smtpTransport(smtp.url) },
    mailFrom: 'care@yayun.example',
    publicUrl: PUBLIC,
    policy: { baseSeconds: 60, maxSeconds: 3600, maxAttempts: 3 },
  };
});
afterAll(async () => {
  options.transports.email?.close();
  await smtp.close();
  await t.close();
});
beforeEach(() => {
  smtp.onMessage = null;
  smtp.mails.length = 0;
});

describe('sending e-mail', () => {
  it('sends once, with a stable Message-ID, RFC 8058 unsubscribe headers and a footer link; logs the contact', async () => {
    const c = await newCustomer();
    const { message } = await enqueue(c.id, { idempotencyKey: `birthday:2026:${c.id}` });
    const first = await runOutboxOnce(t.database.db, options);
    expect(first).toMatchObject({ claimed: 1, sent: 1 });
    expect(await runOutboxOnce(t.database.db, options)).toMatchObject({ claimed: 0, sent: 0 });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual([c.email]);
    expect(mail.messageId).toBe(`<${message.id}@yayun.example>`);
    expect(mail.subject).toBe('生日快乐');
    expect(mail.from).toContain('care@yayun.example');
    expect(mail.text).toContain('王女士，祝您生日快乐');
    const link = new RegExp(`${PUBLIC}/unsubscribe/[A-Za-z0-9_-]{48}`).exec(mail.text)?.[0];
    expect(link).toBeDefined();
    expect(mail.headers.get('list-unsubscribe')).toBe(`<${link}>`);
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    const row = await messageRow(message.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, leaseToken: null });
    expect((await attemptsOf(message.id)).map((a) => a.outcome)).toEqual(['sent']);
    const contacts = await t.database.db.select().from(contactLog).where(eq(contactLog.outboxMessageId, message.id));
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ channel: 'email', outcome: 'sent', customerId: c.id });
  });

  it('never sends before not_before', async () => {
    const c = await newCustomer();
    const { message } = await enqueue(c.id, { notBefore: new Date(Date.now() + 3_600_000) });
    expect(await runOutboxOnce(t.database.db, options)).toMatchObject({ claimed: 0 });
    await t.database.db
      .update(outbox)
      .set({ notBefore: sql`now() - interval '1 second'`, nextAttemptAt: sql`now() - interval '1 second'` })
      .where(eq(outbox.id, message.id));
    expect(await runOutboxOnce(t.database.db, options)).toMatchObject({ sent: 1 });
  });

  it('cancels a message whose customer opted out between enqueue and send, and sends nothing', async () => {
    const c = await newCustomer();
    const { message } = await enqueue(c.id);
    const opt = await owner.post(`/api/customers/${c.id}/consents`, {
      channel: 'email',
      purpose: 'care',
      granted: false,
    });
    expect(opt.statusCode).toBe(200);
    expect(await runOutboxOnce(t.database.db, options)).toMatchObject({ claimed: 1, cancelled: 1, sent: 0 });
    expect(smtp.mails).toHaveLength(0);
    expect(await messageRow(message.id)).toMatchObject({ status: 'cancelled', cancelReason: 'consent_withdrawn' });
    expect((await attemptsOf(message.id)).map((a) => a.outcome)).toEqual(['cancelled']);
  });

  it('retries a refused mail with back-off, logs every attempt without her address, then gives up', async () => {
    const c = await newCustomer();
    const { message } = await enqueue(c.id, { maxAttempts: 3 });
    smtp.onMessage = () => 'refuse-transient';
    expect(await runOutboxOnce(t.database.db, options)).toMatchObject({ retried: 1 });
    let row = await messageRow(message.id);
    expect(row.status).toBe('queued');
    const wait = (row.nextAttemptAt.getTime() - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(25); // half of the 60 s base at least
    expect(wait).toBeLessThanOrEqual(61);
    expect(await runOutboxOnce(t.database.db, options)).toMatchObject({ claimed: 0 }); // not due yet
    await makeDue(message.id);
    expect(await runOutboxOnce(t.database.db, options)).toMatchObject({ retried: 1 });
    await makeDue(message.id);
    expect(await runOutboxOnce(t.database.db, options)).toMatchObject({ failed: 1 });
    row = await messageRow(message.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    const attempts = await attemptsOf(message.id);
    expect(attempts.map((a) => [a.attemptNo, a.outcome])).toEqual([
      [1, 'retry'],
      [2, 'retry'],
      [3, 'failed'],
    ]);
    expect(attempts.every((a) => a.finishedAt && a.error?.includes('451'))).toBe(true);
    expect(attempts.some((a) => a.error?.includes(c.email!))).toBe(false);
    expect(smtp.mails).toHaveLength(0);
  });

  it('fails a permanently refused mail at once and keeps the recipient out of the error', async () => {
    const c = await newCustomer();
    const { message } = await enqueue(c.id);
    smtp.onMessage = () => 'refuse-permanent';
    expect(await runOutboxOnce(t.database.db, options)).toMatchObject({ failed: 1 });
    const row = await messageRow(message.id);
    expect(row.status).toBe('failed');
    expect(row.lastError).toContain('550');
    expect(row.lastError).not.toContain('@');
  });

  it('leaves e-mail queued while SMTP, the From address or the public address is missing', async () => {
    const c = await newCustomer();
    const { message } = await enqueue(c.id);
    expect(await runOutboxOnce(t.database.db, { ...options, publicUrl: undefined })).toMatchObject({ claimed: 0 });
    expect(await runOutboxOnce(t.database.db, { transports: {} })).toMatchObject({ claimed: 0 });
    expect((await messageRow(message.id)).status).toBe('queued');
    await runOutboxOnce(t.database.db, options);
  });

  it('hands each message to exactly one of several senders running at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await enqueue((await newCustomer()).id)).message.id);
    let other: Database | undefined;
    if (usesPostgres()) {
      // A second app instance: its own connection pool on the same database.
      const [{ name }] = (await rows<{ name: string }>(t.database.db, sql`select current_database() as name`)) as [
        { name: string },
      ];
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      other = await openDatabase({ url: url.toString(), poolSize: 3 });
    }
    try {
      const dbs = [t.database.db, other?.db ?? t.database.db, t.database.db];
      const results = await Promise.all(
        dbs.map((db, i) => runOutboxOnce(db, { ...options, batchSize: 2, worker: `w${i}` })),
      );
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
      expect(smtp.mails).toHaveLength(12);
      expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(12);
      for (const id of ids) expect((await attemptsOf(id)).map((a) => a.outcome)).toEqual(['sent']);
      if (usesPostgres()) {
        const workers = await rows<{ worker: string }>(
          t.database.db,
          sql`select distinct worker from outbox_attempts where message_id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
        );
        expect(workers.length).toBeGreaterThan(1); // the work really was shared
      }
    } finally {
      await other?.close();
    }
  });
});

describe('SMS through the HTTP gateway', () => {
  type Call = { headers: IncomingMessage['headers']; body: { to: string; text: string; reference: string } };
  let gateway: Server;
  let calls: Call[];
  let answer: (call: Call) => { status: number; body?: string; headers?: Record<string, string> };
  let url: string;

  beforeAll(async () => {
    calls = [];
    gateway = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        const call = { headers: req.headers, body: JSON.parse(raw) as Call['body'] };
        calls.push(call);
        const a = answer(call);
        res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
        res.end(a.body ?? '');
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/v1/messages`;
  });
  afterAll(() => new Promise<void>((r) => gateway.close(() => r())));

  const smsOptions = (): SenderOptions => ({
    transports: { sms: httpSmsGateway({ url, token: 'gw-secret' }) },
    publicUrl: PUBLIC,
    policy: { baseSeconds: 60, maxSeconds: 3600, maxAttempts: 3 },
  });

  it('posts JSON with a bearer token and the outbox id as Idempotency-Key, and keeps the provider id', async () => {
    calls.length = 0;
    answer = () => ({ status: 202, body: JSON.stringify({ id: 'gw-771' }) });
    const c = await newCustomer();
    const { message } = await enqueue(c.id, { channel: 'sms', subject: null, body: '王女士，天气转凉，注意添衣。' });
    expect(await runOutboxOnce(t.database.db, smsOptions())).toMatchObject({ sent: 1 });
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.headers.authorization).toBe('Bearer gw-secret');
    expect(call.headers['idempotency-key']).toBe(message.id);
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.body.to).toBe('+8613800138000');
    expect(call.body.reference).toBe(message.id);
    expect(call.body.text).toMatch(
      new RegExp(`^王女士，天气转凉，注意添衣。\\n退订：${PUBLIC}/unsubscribe/[A-Za-z0-9_-]{48}$`),
    );
    expect(await messageRow(message.id)).toMatchObject({ status: 'sent', providerMessageId: 'gw-771' });
  });

  it('retries 503 after the Retry-After the gateway asks for, with the same Idempotency-Key; fails on 400', async () => {
    calls.length = 0;
    answer = () => ({ status: 503, body: '{"error":"busy"}', headers: { 'retry-after': '600' } });
    const c = await newCustomer();
    const { message } = await enqueue(c.id, { channel: 'sms', subject: null, body: '您好' });
    expect(await runOutboxOnce(t.database.db, smsOptions())).toMatchObject({ retried: 1 });
    const wait = ((await messageRow(message.id)).nextAttemptAt.getTime() - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(590);
    await makeDue(message.id);
    answer = () => ({ status: 400, body: '{"error":"invalid number +8613800138000"}' });
    expect(await runOutboxOnce(t.database.db, smsOptions())).toMatchObject({ failed: 1 });
    expect(calls.map((x) => x.headers['idempotency-key'])).toEqual([message.id, message.id]);
    const row = await messageRow(message.id);
    expect(row.status).toBe('failed');
    expect(row.lastError).toContain('HTTP 400');
    expect(row.lastError).not.toContain('13800138000');
  });

  it('treats an unreachable gateway as a transient error', async () => {
    const c = await newCustomer();
    const { message } = await enqueue(c.id, { channel: 'sms', subject: null, body: '您好' });
    const dead = {
      ...smsOptions(),
      transports: { sms: httpSmsGateway({ url: 'http://127.0.0.1:9/none', timeoutMs: 2000 }) },
    };
    expect(await runOutboxOnce(t.database.db, dead)).toMatchObject({ retried: 1 });
    expect((await messageRow(message.id)).lastError).toContain('gateway unreachable');
  });
});
