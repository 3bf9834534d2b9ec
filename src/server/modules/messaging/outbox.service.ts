// Putting messages into the outbox and looking after them: enqueue (consent checked, one message per
// idempotency key), the managers' list, retry a failed message, cancel a queued one.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../../../contracts/common';
import type { OutboxChannel, OutboxMessage } from '../../../contracts/messaging';
import type { ContactPurpose } from '../../../domain/contacts';
import { DEFAULT_RETRY } from '../../../domain/outbox-retry';
import type { Db } from '../../db/client';
import { customers, outbox, outboxAttempts, stores, users } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { decodeCursor, encodeCursor } from '../../pagination';
import type { Scope } from './contacts.service';
import { checkReachable, customerInOrg } from './reachability';

export type OutboxRow = typeof outbox.$inferSelect;

export type EnqueueMessage = {
  orgId: string;
  customerId: string;
  channel: OutboxChannel;
  purpose: ContactPurpose;
  /** The message's language; default: hers (her file's language), else her store's. */
  locale?: Locale;
  /** Required for e-mail. */
  subject?: string | null;
  /** The rendered text; the outbox renders nothing itself. */
  body: string;
  /** Never sent before this time (quiet hours are the caller's decision). Default: now. */
  notBefore?: Date;
  /** One message per key in the organisation, e.g. `birthday:2026:<customerId>`. Default: random. */
  idempotencyKey?: string;
  createdBy?: string | null;
  taskId?: string | null;
  maxAttempts?: number;
};

/**
 * Queues a message for the sender. Refuses (AppError) when she may not be contacted on this channel for
 * this purpose, or has no address for it. The same idempotency key returns the message already queued
 * (`created: false`) — the same occasion never enqueues twice — unless it was for someone else
 * (`idempotency_conflict`). Works inside the caller's transaction when given one.
 */
export async function enqueueMessage(db: Db, input: EnqueueMessage): Promise<{ message: OutboxRow; created: boolean }> {
  const c = await customerInOrg(db, input.orgId, input.customerId);
  if (!c || c.mergedIntoId) throw notFound();
  if (input.channel === 'email' && !input.subject?.trim())
    throw new AppError('validation_failed', {}, [
      { field: 'body.subject', code: 'required', message: 'An e-mail needs a subject' },
    ]);
  const { refusal } = await checkReachable(db, c, input.channel, input.purpose);
  if (refusal === 'not_contactable') throw new AppError('not_contactable');
  if (refusal === 'consent_required') throw new AppError('consent_required', { channel: input.channel });
  if (refusal === 'no_address') throw new AppError('no_contact_address', { channel: input.channel });
  const [store] = await db.select({ locale: stores.locale }).from(stores).where(eq(stores.id, c.storeId));
  const notBefore = input.notBefore ?? new Date();
  const key = input.idempotencyKey ?? `adhoc:${randomUUID()}`;
  const [created] = await db
    .insert(outbox)
    .values({
      orgId: input.orgId,
      storeId: c.storeId,
      customerId: c.id,
      channel: input.channel,
      purpose: input.purpose,
      locale: input.locale ?? c.language ?? store?.locale ?? 'en',
      subject: input.subject?.trim() || null,
      body: input.body,
      notBefore,
      nextAttemptAt: notBefore,
      maxAttempts: input.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
      idempotencyKey: key,
      createdBy: input.createdBy ?? null,
      taskId: input.taskId ?? null,
    })
    .onConflictDoNothing({ target: [outbox.orgId, outbox.idempotencyKey] })
    .returning();
  if (created) return { message: created, created: true };
  const [existing] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.orgId, input.orgId), eq(outbox.idempotencyKey, key)));
  if (!existing || existing.customerId !== c.id || existing.channel !== input.channel)
    throw new AppError('idempotency_conflict');
  return { message: existing, created: false };
}

const selection = { m: outbox, customerName: customers.displayName, createdByName: users.displayName };

function toMessage(r: { m: OutboxRow; customerName: string; createdByName: string | null }): OutboxMessage {
  const m = r.m;
  return {
    id: m.id,
    customerId: m.customerId,
    customerName: r.customerName,
    storeId: m.storeId,
    channel: m.channel as OutboxMessage['channel'],
    purpose: m.purpose as OutboxMessage['purpose'],
    locale: m.locale as Locale,
    subject: m.subject,
    body: m.body,
    status: m.status as OutboxMessage['status'],
    notBefore: m.notBefore.toISOString(),
    nextAttemptAt: m.nextAttemptAt.toISOString(),
    attempts: m.attempts,
    maxAttempts: m.maxAttempts,
    lastError: m.lastError,
    cancelReason: m.cancelReason as OutboxMessage['cancelReason'],
    createdByName: r.createdByName ?? null,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    taskId: m.taskId,
  };
}

async function pageOf(db: Db, where: SQL[], cursor: string | undefined, limit: number) {
  const after = decodeCursor(cursor);
  if (after) {
    const at = new Date(after.k);
    where.push(or(lt(outbox.createdAt, at), and(eq(outbox.createdAt, at), lt(outbox.id, after.id)))!);
  }
  const found = await db
    .select(selection)
    .from(outbox)
    .innerJoin(customers, eq(customers.id, outbox.customerId))
    .leftJoin(users, eq(users.id, outbox.createdBy))
    .where(and(...where))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit + 1);
  const items = found.slice(0, limit).map(toMessage);
  const last = items.at(-1);
  return { items, nextCursor: found.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** The managers' outbox: pending, sent, failed or cancelled messages of their stores, newest first. */
export function findOutbox(
  db: Db,
  scope: Scope,
  q: { status?: string; storeId?: string; cursor?: string; limit: number },
) {
  const storeIds = q.storeId ? scope.storeIds.filter((s) => s === q.storeId) : scope.storeIds;
  const where: SQL[] = [
    eq(outbox.orgId, scope.orgId),
    storeIds.length ? inArray(outbox.storeId, storeIds) : sql`false`,
  ];
  if (q.status === 'pending') where.push(inArray(outbox.status, ['queued', 'sending']));
  else if (q.status) where.push(eq(outbox.status, q.status));
  return pageOf(db, where, q.cursor, q.limit);
}

/** Her messages, newest first. */
export function findCustomerMessages(db: Db, orgId: string, customerId: string, q: { cursor?: string; limit: number }) {
  return pageOf(db, [eq(outbox.orgId, orgId), eq(outbox.customerId, customerId)], q.cursor, q.limit);
}

/** One message by id (no scope check: for callers that have just checked it). */
export async function outboxMessageById(db: Db, orgId: string, id: string): Promise<OutboxMessage | undefined> {
  const [r] = await db
    .select(selection)
    .from(outbox)
    .innerJoin(customers, eq(customers.id, outbox.customerId))
    .leftJoin(users, eq(users.id, outbox.createdBy))
    .where(and(eq(outbox.orgId, orgId), eq(outbox.id, id)));
  return r ? toMessage(r) : undefined;
}

/** One message of the caller's stores with every attempt; another store's is "not found". */
export async function getOutboxMessageOrThrow(db: Db, scope: Scope, id: string) {
  const [r] = await db
    .select(selection)
    .from(outbox)
    .innerJoin(customers, eq(customers.id, outbox.customerId))
    .leftJoin(users, eq(users.id, outbox.createdBy))
    .where(and(eq(outbox.orgId, scope.orgId), eq(outbox.id, id)));
  if (!r || !scope.storeIds.includes(r.m.storeId)) throw notFound();
  const attempts = await db
    .select()
    .from(outboxAttempts)
    .where(eq(outboxAttempts.messageId, id))
    .orderBy(asc(outboxAttempts.attemptNo), asc(outboxAttempts.startedAt));
  return {
    ...toMessage(r),
    attemptLog: attempts.map((a) => ({
      id: a.id,
      attemptNo: a.attemptNo,
      startedAt: a.startedAt.toISOString(),
      finishedAt: a.finishedAt?.toISOString() ?? null,
      outcome: a.outcome as 'sent' | 'retry' | 'failed' | 'cancelled' | 'abandoned' | 'released' | null,
      error: a.error,
    })),
  };
}

/**
 * A manager cancels a message that has not left yet (audited by the route; not an attempt). A message
 * being sent right now cannot be stopped.
 */
export async function cancelMessage(db: Db, scope: Scope, id: string): Promise<void> {
  const current = await getOutboxMessageOrThrow(db, scope, id);
  const [done] = await db
    .update(outbox)
    .set({
      status: 'cancelled',
      cancelReason: 'manager',
      leaseToken: null,
      leaseExpiresAt: null,
      updatedAt: new Date(),
    })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'queued')))
    .returning({ id: outbox.id });
  if (!done) throw new AppError('outbox_state', { status: current.status });
}

/** A manager sends a failed message again: a fresh set of attempts, consent checked again at send time. */
export async function retryMessage(db: Db, scope: Scope, id: string): Promise<void> {
  const current = await getOutboxMessageOrThrow(db, scope, id);
  const [done] = await db
    .update(outbox)
    .set({
      status: 'queued',
      nextAttemptAt: sql`greatest(now(), ${outbox.notBefore})`,
      maxAttempts: sql`${outbox.attempts} + ${DEFAULT_RETRY.maxAttempts}`,
      cancelReason: null,
      updatedAt: new Date(),
    })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')))
    .returning({ id: outbox.id });
  if (!done) throw new AppError('outbox_state', { status: current.status });
}

/** What the customer page shows of the outbox: messages that have not (yet) become a contact. */
export async function unsentMessagesOf(db: Db, orgId: string, customerId: string, limit: number) {
  const found = await db
    .select(selection)
    .from(outbox)
    .innerJoin(customers, eq(customers.id, outbox.customerId))
    .leftJoin(users, eq(users.id, outbox.createdBy))
    .where(and(eq(outbox.orgId, orgId), eq(outbox.customerId, customerId), sql`${outbox.status} <> 'sent'`))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
  return found.map(toMessage);
}
