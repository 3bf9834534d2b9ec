// The outbox sender: claim due messages, check again that she may be contacted, send, acknowledge.
//
// Exactly once, and where it stops being exactly once:
//   1. Claim (one transaction): due rows are locked FOR UPDATE SKIP LOCKED — a second sender on the
//      same PostgreSQL skips them — and set to 'sending' with a lease token and expiry (database time),
//      attempts + 1, and an attempt row. A crash before this commits changes nothing.
//   2. Renew the lease and re-check consent, flags and address (an opt-out since enqueue cancels).
//   3. Send. SMTP: the message counts as accepted only at the server's 250 reply to the final dot
//      (RFC 5321); a crash before it means the server has not taken the mail. HTTP gateway: a 2xx.
//   4. Acknowledge (one transaction, fenced by the lease token): status 'sent' and a contact_log row.
//   A crash after 1 and before 3 completes — no mail accepted — leaves the row 'sending' until its lease
//   expires; the next sender (any instance) reclaims it, marks the open attempt 'abandoned' and sends:
//   no loss, no duplicate. A crash between the server's acceptance and 4 is the one window no protocol
//   without a shared transaction can close: the row is reclaimed and sent again — at least once. The
//   copy carries the same Message-ID (`<outbox id@domain>`) or Idempotency-Key (the outbox id), so mail
//   systems and gateways that honour them drop it; the attempt log shows the abandoned attempt.
//   The lease (5 minutes by default) is renewed just before sending and is longer than every transport
//   timeout, so a slow but living sender is never overtaken by another one.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '../../../contracts/common';
import type { OutboxChannel } from '../../../contracts/messaging';
import { consentChannelFor, consentPurposeFor, type ContactPurpose } from '../../../domain/contacts';
import {
  DEFAULT_RETRY,
  nextStep,
  sanitizeError,
  type RetryPolicy,
  type SendResult,
} from '../../../domain/outbox-retry';
import { appText } from '../../../i18n/server';
import { rows, type Db } from '../../db/client';
import { contactLog, outbox, outboxAttempts, stores } from '../../db/schema';
import type { OutboxRow } from './outbox.service';
import { checkReachable, customerInOrg } from './reachability';
import type { EmailTransport, SmsTransport } from './transports';
import { signUnsubscribeToken, unsubscribeKey } from './unsubscribe-token';

export type SenderOptions = {
  transports: { email?: EmailTransport; sms?: SmsTransport };
  /** The From address; e-mail is only sent when this and `publicUrl` are set. */
  mailFrom?: string;
  /** Where customers reach this server: the unsubscribe links point here. */
  publicUrl?: string;
  leaseSeconds?: number;
  batchSize?: number;
  policy?: RetryPolicy;
  /** Stop claiming new batches after this long (the next run carries on). */
  maxRunMs?: number;
  worker?: string;
};

export type SenderSummary = {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
  /** Leases of stopped senders taken over (their attempts marked abandoned). */
  reclaimed: number;
};

export const DEFAULT_LEASE_SECONDS = 300;

/** The channels this sender can serve; messages of other channels wait in the outbox. */
export function configuredChannels(opts: SenderOptions): OutboxChannel[] {
  const channels: OutboxChannel[] = [];
  if (opts.transports.email && opts.mailFrom && opts.publicUrl) channels.push('email');
  if (opts.transports.sms) channels.push('sms');
  return channels;
}

type Claimed = { row: OutboxRow; attemptId: string; leaseToken: string };

const inList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

async function claimBatch(
  db: Db,
  channels: OutboxChannel[],
  limit: number,
  leaseSeconds: number,
  worker: string,
): Promise<{ claimed: Claimed[]; reclaimed: number; gaveUp: number }> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const leaseToken = randomUUID();
    // A sender stopped during the last allowed attempt: give up rather than loop on a message that may
    // be what kills it.
    const gaveUp = await rows<{ id: string }>(
      tx,
      sql`update outbox set status = 'failed', lease_token = null, lease_expires_at = null, updated_at = now(),
                 last_error = 'The sender stopped during the last attempt; not tried again'
          where id in (select id from outbox
                       where status = 'sending' and lease_expires_at < now() and attempts >= max_attempts
                       for update skip locked)
          returning id`,
    );
    const due = await rows<{ id: string; was: string }>(
      tx,
      sql`with due as (
            select id, status from outbox
            where channel in (${inList(channels)})
              and ((status = 'queued' and next_attempt_at <= now() and not_before <= now())
                   or (status = 'sending' and lease_expires_at < now()))
            order by next_attempt_at, id
            limit ${limit}
            for update skip locked)
          update outbox o
          set status = 'sending', lease_token = ${leaseToken}::uuid,
              lease_expires_at = now() + make_interval(secs => ${leaseSeconds}::int),
              attempts = o.attempts + 1, updated_at = now()
          from due where o.id = due.id
          returning o.id, due.status as was`,
    );
    const stale = [...gaveUp.map((r) => r.id), ...due.filter((d) => d.was === 'sending').map((d) => d.id)];
    if (stale.length)
      await tx
        .update(outboxAttempts)
        .set({
          finishedAt: new Date(),
          outcome: 'abandoned',
          error: 'The sender stopped before recording a result (lease expired)',
        })
        .where(and(inArray(outboxAttempts.messageId, stale), sql`${outboxAttempts.finishedAt} is null`));
    if (!due.length) return { claimed: [], reclaimed: 0, gaveUp: gaveUp.length };
    const claimedRows = await tx
      .select()
      .from(outbox)
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      );
    const attempts = await tx
      .insert(outboxAttempts)
      .values(claimedRows.map((r) => ({ orgId: r.orgId, messageId: r.id, attemptNo: r.attempts, worker })))
      .returning({ id: outboxAttempts.id, messageId: outboxAttempts.messageId });
    const attemptOf = new Map(attempts.map((a) => [a.messageId, a.id]));
    claimedRows.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
    return {
      claimed: claimedRows.map((row) => ({ row, attemptId: attemptOf.get(row.id)!, leaseToken })),
      reclaimed: due.filter((d) => d.was === 'sending').length,
      gaveUp: gaveUp.length,
    };
  });
}

type Ending =
  | { status: 'sent'; providerId: string | null }
  | { status: 'queued'; delaySeconds: number; error: string }
  | { status: 'failed'; error: string }
  | { status: 'cancelled'; reason: 'consent_withdrawn' | 'not_contactable' | 'no_address' };

const ATTEMPT_OUTCOME = { sent: 'sent', queued: 'retry', failed: 'failed', cancelled: 'cancelled' } as const;

/** Records how the attempt ended — fenced: only the holder of the lease moves the message on. */
async function finish(db: Db, c: Claimed, ending: Ending): Promise<boolean> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const base = { leaseToken: null, leaseExpiresAt: null, updatedAt: new Date() };
    const set =
      ending.status === 'sent'
        ? { ...base, status: 'sent', sentAt: new Date(), providerMessageId: ending.providerId, lastError: null }
        : ending.status === 'queued'
          ? {
              ...base,
              status: 'queued',
              lastError: ending.error,
              nextAttemptAt: sql`now() + make_interval(secs => ${ending.delaySeconds}::int)`,
            }
          : ending.status === 'failed'
            ? { ...base, status: 'failed', lastError: ending.error }
            : { ...base, status: 'cancelled', cancelReason: ending.reason };
    const moved = await tx
      .update(outbox)
      .set(set)
      .where(and(eq(outbox.id, c.row.id), eq(outbox.leaseToken, c.leaseToken), eq(outbox.status, 'sending')))
      .returning({ id: outbox.id });
    // The attempt log tells what happened even when another sender has taken the message over.
    await tx
      .update(outboxAttempts)
      .set({
        finishedAt: new Date(),
        outcome: moved.length ? ATTEMPT_OUTCOME[ending.status] : ending.status === 'sent' ? 'sent' : 'released',
        error:
          'error' in ending
            ? ending.error
            : ending.status === 'cancelled'
              ? `Not sent: ${ending.reason}`
              : moved.length
                ? null
                : 'Lease lost to another sender before the acknowledgement',
      })
      .where(eq(outboxAttempts.id, c.attemptId));
    if (moved.length && ending.status === 'sent') {
      await tx.insert(contactLog).values({
        orgId: c.row.orgId,
        storeId: c.row.storeId,
        customerId: c.row.customerId,
        userId: c.row.createdBy,
        channel: c.row.channel,
        purpose: c.row.purpose,
        outcome: 'sent',
        messageText: c.row.subject ? `${c.row.subject}\n${c.row.body}` : c.row.body,
        contactedAt: new Date(),
        taskId: c.row.taskId,
        outboxMessageId: c.row.id,
      });
    }
    return moved.length > 0;
  });
}

async function renewLease(db: Db, c: Claimed, leaseSeconds: number): Promise<boolean> {
  const renewed = await db
    .update(outbox)
    .set({ leaseExpiresAt: sql`now() + make_interval(secs => ${leaseSeconds}::int)` })
    .where(and(eq(outbox.id, c.row.id), eq(outbox.leaseToken, c.leaseToken), eq(outbox.status, 'sending')))
    .returning({ id: outbox.id });
  return renewed.length > 0;
}

function mailDomain(mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  return address.split('@')[1]?.trim().toLowerCase() || 'keqing.invalid';
}

async function sendOne(db: Db, c: Claimed, opts: SenderOptions): Promise<Ending> {
  const m = c.row;
  const customer = await customerInOrg(db, m.orgId, m.customerId);
  if (!customer) return { status: 'cancelled', reason: 'not_contactable' };
  const purpose = m.purpose as ContactPurpose;
  const { refusal, addresses } = await checkReachable(db, customer, m.channel as OutboxChannel, purpose);
  if (refusal) return { status: 'cancelled', reason: refusal === 'consent_required' ? 'consent_withdrawn' : refusal };
  const locale = m.locale as Locale;
  const token = signUnsubscribeToken(await unsubscribeKey(db, m.orgId), {
    customerId: m.customerId,
    channel: consentChannelFor(m.channel as OutboxChannel)!,
    purpose: consentPurposeFor(purpose),
    locale,
  });
  const unsubscribeUrl = opts.publicUrl ? `${opts.publicUrl}/unsubscribe/${token}` : null;
  const policy = opts.policy ?? DEFAULT_RETRY;
  let result: SendResult;
  try {
    if (m.channel === 'email') {
      const [store] = await db.select({ name: stores.name }).from(stores).where(eq(stores.id, m.storeId));
      const mailFrom = opts.mailFrom!;
      result = await opts.transports.email!.send({
        messageId: `${m.id}@${mailDomain(mailFrom)}`,
        from: mailFrom.includes('<') ? mailFrom : { name: store?.name ?? '', address: mailFrom },
        to: addresses.email!,
        subject: m.subject ?? '',
        text: `${m.body}\n\n-- \n${appText(locale, 'messaging.email.footer', { url: unsubscribeUrl! })}\n`,
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Content-Language': locale,
        },
      });
    } else {
      const optOut = unsubscribeUrl ? `\n${appText(locale, 'messaging.sms.optOut', { url: unsubscribeUrl })}` : '';
      result = await opts.transports.sms!.send({
        idempotencyKey: m.id,
        to: addresses.mobile!,
        text: `${m.body}${optOut}`,
      });
    }
  } catch (err) {
    result = { kind: 'transient', error: sanitizeError(`transport error: ${(err as Error).message}`) };
  }
  const step = nextStep(result, m.attempts, { ...policy, maxAttempts: m.maxAttempts });
  if (step.status === 'sent')
    return { status: 'sent', providerId: result.kind === 'accepted' ? result.providerId : null };
  const error = result.kind === 'accepted' ? '' : result.error;
  return step.status === 'queued'
    ? { status: 'queued', delaySeconds: step.delaySeconds, error }
    : { status: 'failed', error };
}

/** Sends what is due, batch after batch, until nothing is due or `maxRunMs` has passed. */
export async function runOutboxOnce(db: Db, opts: SenderOptions): Promise<SenderSummary> {
  const summary: SenderSummary = { claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0, reclaimed: 0 };
  const channels = configuredChannels(opts);
  if (!channels.length) return summary;
  const leaseSeconds = opts.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const batchSize = opts.batchSize ?? 10;
  const worker = opts.worker ?? `${hostname()}:${process.pid}`;
  const deadline = Date.now() + (opts.maxRunMs ?? 50_000);
  while (Date.now() < deadline) {
    const batch = await claimBatch(db, channels, batchSize, leaseSeconds, worker);
    summary.claimed += batch.claimed.length;
    summary.reclaimed += batch.reclaimed;
    summary.failed += batch.gaveUp;
    for (const c of batch.claimed) {
      if (!(await renewLease(db, c, leaseSeconds))) {
        await finish(db, c, { status: 'failed', error: 'lease lost before sending' }); // fenced: a no-op
        continue;
      }
      const ending = await sendOne(db, c, opts);
      if (!(await finish(db, c, ending))) continue;
      if (ending.status === 'sent') summary.sent++;
      else if (ending.status === 'queued') summary.retried++;
      else if (ending.status === 'failed') summary.failed++;
      else summary.cancelled++;
    }
    if (batch.claimed.length < batchSize) break;
  }
  return summary;
}
