// The contact log: every call, message, visit and letter, recorded by the guide (or by the outbox when
// an e-mail or SMS left), listed per customer and per store, and counted for the care rules' budget.
import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Contact, contactSearchQuerySchema, createContactBodySchema } from '../../../contracts/messaging';
import type { ProblemField } from '../../../contracts/errors';
import { outcomesFor, type ContactChannel, type ContactOutcome, type ContactPurpose } from '../../../domain/contacts';
import type { Db } from '../../db/client';
import { contactLog, customers, users } from '../../db/schema';
import { AppError } from '../../errors';
import { decodeCursor, encodeCursor } from '../../pagination';
import type { CustomerRow } from '../customers/customers.mapping';

type ContactRow = typeof contactLog.$inferSelect;
export type Scope = { orgId: string; storeIds: string[] };
type CreateContact = z.output<typeof createContactBodySchema>;

const MAX_BACKDATE_DAYS = 90;

function validateContact(input: CreateContact, now: Date): ProblemField[] {
  const errors: ProblemField[] = [];
  if (!outcomesFor(input.channel).includes(input.outcome)) {
    errors.push({
      field: 'body.outcome',
      code: 'outcome_not_for_channel',
      message: `A ${input.channel} cannot end as "${input.outcome}"; use one of ${outcomesFor(input.channel).join(', ')}`,
    });
  }
  if (input.contactedAt) {
    const at = new Date(input.contactedAt).getTime();
    if (at > now.getTime() + 5 * 60_000)
      errors.push({ field: 'body.contactedAt', code: 'in_future', message: 'A contact cannot be in the future' });
    if (at < now.getTime() - MAX_BACKDATE_DAYS * 86_400_000)
      errors.push({
        field: 'body.contactedAt',
        code: 'too_old',
        message: `Record contacts within ${MAX_BACKDATE_DAYS} days`,
      });
  }
  return errors;
}

/** A contact a guide records (after tapping a phone link, a visit, a letter, a call from the shop phone). */
export async function recordContact(
  db: Db,
  actor: { orgId: string; userId: string | null },
  c: CustomerRow,
  input: CreateContact,
): Promise<ContactRow> {
  if (c.erasedAt) throw new AppError('customer_erased');
  const now = new Date();
  const errors = validateContact(input, now);
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  const [row] = await db
    .insert(contactLog)
    .values({
      orgId: actor.orgId,
      storeId: c.storeId,
      customerId: c.id,
      userId: actor.userId,
      channel: input.channel,
      purpose: input.purpose,
      outcome: input.outcome,
      note: input.note?.trim() || null,
      messageText: input.messageText?.trim() || null,
      contactedAt: input.contactedAt ? new Date(input.contactedAt) : now,
      taskId: input.taskId ?? null,
    })
    .returning();
  return row!;
}

const selection = { c: contactLog, customerName: customers.displayName, userName: users.displayName };

function toContact(r: { c: ContactRow; customerName: string; userName: string | null }): Contact {
  return {
    id: r.c.id,
    customerId: r.c.customerId,
    customerName: r.customerName,
    storeId: r.c.storeId,
    userId: r.c.userId,
    userName: r.userName ?? null,
    channel: r.c.channel as ContactChannel,
    purpose: r.c.purpose as ContactPurpose,
    outcome: r.c.outcome as ContactOutcome,
    note: r.c.note,
    messageText: r.c.messageText,
    contactedAt: r.c.contactedAt.toISOString(),
    taskId: r.c.taskId,
    outboxMessageId: r.c.outboxMessageId,
    createdAt: r.c.createdAt.toISOString(),
  };
}

async function page(db: Db, where: SQL[], cursor: string | undefined, limit: number) {
  const after = decodeCursor(cursor);
  if (after) {
    const at = new Date(after.k);
    where.push(or(lt(contactLog.contactedAt, at), and(eq(contactLog.contactedAt, at), lt(contactLog.id, after.id)))!);
  }
  const found = await db
    .select(selection)
    .from(contactLog)
    .innerJoin(customers, eq(customers.id, contactLog.customerId))
    .leftJoin(users, eq(users.id, contactLog.userId))
    .where(and(...where))
    .orderBy(desc(contactLog.contactedAt), desc(contactLog.id))
    .limit(limit + 1);
  const items = found.slice(0, limit).map(toContact);
  const last = items.at(-1);
  return { items, nextCursor: found.length > limit && last ? encodeCursor(last.contactedAt, last.id) : null };
}

export async function getContact(db: Db, orgId: string, id: string): Promise<Contact | undefined> {
  const [r] = await db
    .select(selection)
    .from(contactLog)
    .innerJoin(customers, eq(customers.id, contactLog.customerId))
    .leftJoin(users, eq(users.id, contactLog.userId))
    .where(and(eq(contactLog.orgId, orgId), eq(contactLog.id, id)));
  return r ? toContact(r) : undefined;
}

/** Her contacts, newest first, paged. */
export function findCustomerContacts(db: Db, orgId: string, customerId: string, q: { cursor?: string; limit: number }) {
  return page(db, [eq(contactLog.orgId, orgId), eq(contactLog.customerId, customerId)], q.cursor, q.limit);
}

/** Who contacted whom, when and how, in the caller's stores (managers), paged. */
export function findContacts(db: Db, scope: Scope, q: z.output<typeof contactSearchQuerySchema>) {
  const storeIds = q.storeId ? scope.storeIds.filter((s) => s === q.storeId) : scope.storeIds;
  const where: SQL[] = [
    eq(contactLog.orgId, scope.orgId),
    storeIds.length ? inArray(contactLog.storeId, storeIds) : sql`false`,
  ];
  if (q.userId) where.push(eq(contactLog.userId, q.userId));
  // Whole store-local days: the bounds are widened by a day for the index, then cut in the store's zone.
  if (q.from)
    where.push(
      gte(contactLog.contactedAt, sql`${q.from}::date - interval '1 day'`),
      sql`(${contactLog.contactedAt} at time zone (select s.timezone from stores s where s.id = ${contactLog.storeId}))::date >= ${q.from}::date`,
    );
  if (q.to)
    where.push(
      lt(contactLog.contactedAt, sql`${q.to}::date + interval '2 days'`),
      sql`(${contactLog.contactedAt} at time zone (select s.timezone from stores s where s.id = ${contactLog.storeId}))::date <= ${q.to}::date`,
    );
  return page(db, where, q.cursor, q.limit);
}

/**
 * For the care rules' contact budget: per customer, how many contacts since `since` (one indexed range
 * scan per customer over contact_log_customer_idx). `exemptPurposes` are not counted (after-purchase
 * care and complaint follow-ups by default), nor failed attempts.
 */
export async function recentContactCounts(
  db: Db,
  orgId: string,
  customerIds: string[],
  since: Date,
  exemptPurposes: readonly ContactPurpose[] = ['after_purchase', 'complaint'],
): Promise<Map<string, number>> {
  if (!customerIds.length) return new Map();
  const exempt = exemptPurposes.length ? exemptPurposes : ['__none__'];
  const counted = await db
    .select({ customerId: contactLog.customerId, n: sql<number>`count(*)::int` })
    .from(contactLog)
    .where(
      and(
        eq(contactLog.orgId, orgId),
        inArray(contactLog.customerId, customerIds),
        gte(contactLog.contactedAt, since),
        sql`${contactLog.purpose} not in (${sql.join(
          exempt.map((p) => sql`${p}`),
          sql`, `,
        )})`,
        sql`${contactLog.outcome} <> 'failed'`,
      ),
    )
    .groupBy(contactLog.customerId);
  return new Map(counted.map((r) => [r.customerId, r.n]));
}
