// Exactly-once under crashes: the real sender (`keqing outbox send`) runs in a child process that the
// local SMTP server SIGKILLs at a chosen moment, then a fresh sender takes over once the lease expires.
//   A. after the claim, before anything is sent (killed when it connects)   → one mail, no loss
//   B. after the message data, before the server's 250 (refused, by SMTP)   → one mail, no duplicate
//   C. after the server's 250, before the database acknowledgement          → at least once: a second
//      copy with the same Message-ID, the message 'sent' once, one contact, the attempt log honest.
// Meanwhile a sender that starts while the lease is held sends nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../../src/server/config';
import { openDatabase, rows, type Db } from '../../src/server/db/client';
import { contactLog, customerConsents, customers, outbox, outboxAttempts } from '../../src/server/db/schema';
import { ensureBootstrapped } from '../../src/server/modules/org/bootstrap';
import { enqueueMessage } from '../../src/server/modules/messaging/outbox.service';
import { runOutboxOnce } from '../../src/server/modules/messaging/outbox.sender';
import { smtpTransport } from '../../src/server/modules/messaging/transports';
import { usesPostgres } from '../helpers/db';
import { ROOT } from '../helpers/cli';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

const BIN = join(ROOT, 'bin/keqing.mjs');
const LEASE_SECONDS = 8;
const PUBLIC = 'https://crm.example.test';
const FROM = 'care@yayun.example';

let smtp: TestSmtp;
let dataDir: string | undefined;
let pgUrl: string | undefined;
let orgId: string;
let storeId: string;

const env = () => ({
  ...(pgUrl ? { DATABASE_URL: pgUrl } : { KEQING_DATA_DIR: dataDir! }),
  KEQING_SMTP_URL: smtp.url,
  KEQING_MAIL_FROM: FROM,
  KEQING_PUBLIC_URL: PUBLIC,
  KEQING_ADMIN_EMAIL: 'owner@crash.example',
  KEQING_ADMIN_PASSWORD: 'owner-password-1',
  LOG_LEVEL: 'warn',
});

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase(pgUrl ? { url: pgUrl, poolSize: 2 } : { dataDir: dataDir! });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

type Run = { child: ChildProcess; exited: Promise<{ code: number | null; signal: string | null; out: string }> };

function sender(): Run {
  const child = spawn(process.execPath, [BIN, 'outbox', 'send', '--lease-seconds', String(LEASE_SECONDS), '--json'], {
    cwd: ROOT,
    env: { ...process.env, ...env() },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, out })),
  );
  return { child, exited };
}

async function enqueueFor(label: string) {
  return withDb(async (db) => {
    const [c] = await db
      .insert(customers)
      .values({
        orgId,
        storeId,
        familyName: '林',
        givenName: label,
        displayName: `林${label}`,
        gender: 'female',
        email: `lin.${label}@example.com`,
      })
      .returning();
    await db
      .insert(customerConsents)
      .values({ orgId, customerId: c!.id, channel: 'email', purpose: 'care', granted: true, method: 'written' });
    const { message } = await enqueueMessage(db, {
      orgId,
      customerId: c!.id,
      channel: 'email',
      purpose: 'care',
      subject: '换季关怀',
      body: `林${label}女士，天气转凉，出门记得添件外套。`,
      idempotencyKey: `season:2026-11:${c!.id}`,
    });
    return message.id;
  });
}

async function state(id: string) {
  return withDb(async (db) => ({
    message: (await db.select().from(outbox).where(eq(outbox.id, id)))[0]!,
    attempts: (await db.select().from(outboxAttempts).where(eq(outboxAttempts.messageId, id))).sort(
      (a, b) => a.attemptNo - b.attemptNo,
    ),
    contacts: await db.select().from(contactLog).where(eq(contactLog.outboxMessageId, id)),
  }));
}

/** A sender in this process, started while the killed one's lease still runs: it must leave the message. */
async function senderDuringLease(id: string) {
  return withDb(async (db) => {
    const [held] = await rows<{ held: boolean }>(
      db,
      sql`select lease_expires_at > now() as held from outbox where id = ${id}`,
    );
    if (!held?.held) return null; // the machine was too slow to observe the held lease; nothing to check
    const transport = smtpTransport(smtp.url);
    try {
      return await runOutboxOnce(db, { transports: { email: transport }, mailFrom: FROM, publicUrl: PUBLIC });
    } finally {
      transport.close();
    }
  });
}

/** Sleeps until the lease in the database has run out (same machine, same clock). */
async function waitForLeaseExpiry(leaseExpiresAt: Date | null) {
  const wait = (leaseExpiresAt?.getTime() ?? 0) - Date.now() + 300;
  if (wait > 0) await new Promise((res) => setTimeout(res, wait));
}

const mailsFor = (id: string) => smtp.mails.filter((m) => m.messageId === `<${id}@yayun.example>`);

beforeAll(async () => {
  smtp = await startSmtp();
  if (usesPostgres()) {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `keqing_crash_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    pgUrl = url.toString();
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'keqing-outbox-crash-'));
  }
  const database = await openDatabase(pgUrl ? { url: pgUrl, poolSize: 2 } : { dataDir: dataDir! });
  try {
    await database.migrate();
    const boot = await ensureBootstrapped(database.db, loadConfig(env()));
    if (!boot.created) throw new Error('scratch database was not empty');
    orgId = boot.orgId;
    storeId = boot.storeId;
  } finally {
    await database.close();
  }
});

afterAll(async () => {
  await smtp.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (pgUrl) {
    const name = new URL(pgUrl).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});

describe('the outbox sender killed mid-send', () => {
  it('A: killed after the claim, before sending — the next sender sends it once', { timeout: 120_000 }, async () => {
    const id = await enqueueFor('A');
    // The child needs seconds to start; the hook is in place long before it connects.
    const run = sender();
    smtp.onConnect = () => run.child.kill('SIGKILL');
    const killed = await run.exited;
    smtp.onConnect = null;
    expect(killed.signal, killed.out).toBe('SIGKILL');

    // First, while the dead sender's lease still runs: another sender must leave the message alone.
    const during = await senderDuringLease(id);
    expect(during, 'the lease ran out before the check; raise LEASE_SECONDS').not.toBeNull();
    expect(during!.claimed).toBe(0);
    expect(mailsFor(id)).toHaveLength(0);

    let s = await state(id);
    expect(s.message).toMatchObject({ status: 'sending', attempts: 1 });
    expect(s.attempts.map((a) => a.outcome)).toEqual([null]);

    await waitForLeaseExpiry(s.message.leaseExpiresAt);
    const second = await sender().exited;
    expect(second.code, second.out).toBe(0);
    expect(JSON.parse(second.out.trim().split('\n').at(-1)!)).toMatchObject({ sent: 1, reclaimed: 1 });

    s = await state(id);
    expect(mailsFor(id)).toHaveLength(1);
    expect(s.message).toMatchObject({ status: 'sent', attempts: 2 });
    expect(s.attempts.map((a) => a.outcome)).toEqual(['abandoned', 'sent']);
    expect(s.contacts).toHaveLength(1);
  });

  it(
    'B: killed after the data, before the 250 reply — not accepted, sent once later',
    { timeout: 120_000 },
    async () => {
      const id = await enqueueFor('B');
      const run = sender();
      smtp.onMessage = () => {
        run.child.kill('SIGKILL'); // the server has the data but has not said 250: not accepted
        return 'refuse-transient';
      };
      const killed = await run.exited;
      smtp.onMessage = null;
      expect(killed.signal, killed.out).toBe('SIGKILL');
      expect(mailsFor(id)).toHaveLength(0);
      const held = (await state(id)).message;
      expect(held.status).toBe('sending');

      await waitForLeaseExpiry(held.leaseExpiresAt);
      const second = await sender().exited;
      expect(second.code, second.out).toBe(0);

      const s = await state(id);
      expect(mailsFor(id)).toHaveLength(1);
      expect(mailsFor(id)[0]!.text).toContain('林B女士，天气转凉');
      expect(s.message).toMatchObject({ status: 'sent', attempts: 2 });
      expect(s.attempts.map((a) => a.outcome)).toEqual(['abandoned', 'sent']);
      expect(s.contacts).toHaveLength(1);
    },
  );

  it(
    'C: killed after the 250, before the acknowledgement — resent with the same Message-ID (at least once)',
    { timeout: 120_000 },
    async () => {
      const id = await enqueueFor('C');
      const run = sender();
      smtp.afterAccept = () => run.child.kill('SIGKILL'); // 250 written, then the sender dies at once
      const killed = await run.exited;
      smtp.afterAccept = null;
      expect(killed.signal, killed.out).toBe('SIGKILL');
      expect(mailsFor(id)).toHaveLength(1);
      let s = await state(id);
      expect(s.message.status).toBe('sending'); // the database never heard of the 250
      expect(s.contacts).toHaveLength(0);

      await waitForLeaseExpiry(s.message.leaseExpiresAt);
      const second = await sender().exited;
      expect(second.code, second.out).toBe(0);

      s = await state(id);
      const copies = mailsFor(id);
      expect(copies).toHaveLength(2);
      expect(copies[0]!.messageId).toBe(copies[1]!.messageId);
      expect(copies[0]!.headers.get('list-unsubscribe')).toBe(copies[1]!.headers.get('list-unsubscribe'));
      expect(s.message).toMatchObject({ status: 'sent', attempts: 2 });
      expect(s.attempts.map((a) => a.outcome)).toEqual(['abandoned', 'sent']);
      expect(s.contacts).toHaveLength(1); // her timeline and the statistics count it once
    },
  );
});
