// Reads: the search box and lists, duplicate detection, the change history and the timeline.
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { customerQuerySchema } from '../../../contracts/customers';
import type { Db } from '../../db/client';
import {
  customerFieldHistory,
  customerNotes,
  customerConsents,
  customerPhones,
  customers,
  users,
} from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../pagination';
import type { CustomerRow } from './customers.mapping';
import { searchCustomerPage } from './search-index';
import { messagingTimelineItems } from '../messaging/timeline';

type Scope = { orgId: string; storeIds: string[] };
export type CustomerQuery = z.infer<typeof customerQuerySchema>;

function visible(scope: Scope, q: CustomerQuery): SQL[] {
  const storeIds = q.storeId ? scope.storeIds.filter((s) => s === q.storeId) : scope.storeIds;
  const where: SQL[] = [eq(customers.orgId, scope.orgId), isNull(customers.mergedIntoId), isNull(customers.erasedAt)];
  where.push(storeIds.length ? inArray(customers.storeId, storeIds) : sql`false`);
  if (q.ownerUserId) where.push(eq(customers.ownerUserId, q.ownerUserId));
  return where;
}

/** The search box (ranked exact > prefix > partial) or, without a query, the most recently changed files. */
export async function findCustomers(
  db: Db,
  scope: Scope,
  q: CustomerQuery,
): Promise<{ rows: CustomerRow[]; scores?: Map<string, number>; nextCursor: string | null }> {
  const where = visible(scope, q);
  if (q.q) {
    const storeIds = q.storeId ? scope.storeIds.filter((s) => s === q.storeId) : scope.storeIds;
    const offset = Number(decodeCursor(q.cursor)?.k ?? 0);
    const extra = and(
      sql`c.org_id = ${scope.orgId}`,
      sql`c.merged_into_id is null and c.erased_at is null`,
      q.ownerUserId ? sql`c.owner_user_id = ${q.ownerUserId}` : sql`true`,
    )!;
    const page = await searchCustomerPage(db, scope.orgId, storeIds, q.q, extra, offset, q.limit);
    if (!page.hits.length) return { rows: [], nextCursor: null };
    const scores = new Map(page.hits.map((h) => [h.customerId, h.score]));
    const found = await db
      .select()
      .from(customers)
      .where(inArray(customers.id, [...scores.keys()]));
    const order = new Map(page.hits.map((h, i) => [h.customerId, i]));
    found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return { rows: found, scores, nextCursor: page.hasMore ? encodeCursor(offset + q.limit, 'offset') : null };
  }
  const cursor = decodeCursor(q.cursor);
  if (cursor) {
    const at = new Date(cursor.k);
    where.push(or(lt(customers.updatedAt, at), and(eq(customers.updatedAt, at), lt(customers.id, cursor.id)))!);
  }
  const found = await db
    .select()
    .from(customers)
    .where(and(...where))
    .orderBy(desc(customers.updatedAt), desc(customers.id))
    .limit(q.limit + 1);
  const page = found.slice(0, q.limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: found.length > q.limit && last ? encodeCursor(last.updatedAt.toISOString(), last.id) : null,
  };
}

export type DuplicateProbe = { e164s: string[]; email: string | null; memberNo: string | null; excludeId?: string };
export type DuplicateHit = { id: string; matchedOn: Array<'phone' | 'email' | 'member_no'> };

/** Customers of the organisation with the same normalised phone, e-mail or member number. */
export async function findDuplicates(
  db: Db,
  scope: Pick<Scope, 'orgId'>,
  probe: DuplicateProbe,
): Promise<DuplicateHit[]> {
  const hits = new Map<string, Set<'phone' | 'email' | 'member_no'>>();
  const add = (id: string, on: 'phone' | 'email' | 'member_no') => {
    if (id === probe.excludeId) return;
    hits.set(id, (hits.get(id) ?? new Set()).add(on));
  };
  const live = and(eq(customers.orgId, scope.orgId), isNull(customers.mergedIntoId), isNull(customers.erasedAt));
  if (probe.e164s.length) {
    const byPhone = await db
      .select({ id: customers.id })
      .from(customerPhones)
      .innerJoin(customers, eq(customers.id, customerPhones.customerId))
      .where(and(live, eq(customerPhones.orgId, scope.orgId), inArray(customerPhones.e164, probe.e164s)));
    byPhone.forEach((r) => add(r.id, 'phone'));
  }
  if (probe.email) {
    const byEmail = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(live, sql`lower(${customers.email}) = lower(${probe.email.trim()})`));
    byEmail.forEach((r) => add(r.id, 'email'));
  }
  if (probe.memberNo) {
    const byNo = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(live, eq(customers.memberNo, probe.memberNo)));
    byNo.forEach((r) => add(r.id, 'member_no'));
  }
  return [...hits].map(([id, on]) => ({ id, matchedOn: [...on] }));
}

export async function findHistory(db: Db, customerId: string, field?: string) {
  const where = [eq(customerFieldHistory.customerId, customerId)];
  if (field) where.push(eq(customerFieldHistory.field, field));
  const list = await db
    .select({ h: customerFieldHistory, by: users.displayName })
    .from(customerFieldHistory)
    .leftJoin(users, eq(users.id, customerFieldHistory.changedBy))
    .where(and(...where))
    .orderBy(desc(customerFieldHistory.changedAt))
    .limit(500);
  return list.map(({ h, by }) => ({
    field: h.field,
    oldValue: h.oldValue,
    newValue: h.newValue,
    changedAt: h.changedAt.toISOString(),
    changedByName: by ?? null,
    source: h.source,
  }));
}

/** Notes, changes, consents, contacts and messages, newest first. Later modules add purchases and care logs. */
export async function findTimeline(db: Db, customerId: string, limit = 100) {
  const [notes, history, consents, messaging] = await Promise.all([
    db
      .select({ n: customerNotes, by: users.displayName })
      .from(customerNotes)
      .leftJoin(users, eq(users.id, customerNotes.authorId))
      .where(eq(customerNotes.customerId, customerId))
      .orderBy(desc(customerNotes.createdAt))
      .limit(limit),
    findHistory(db, customerId),
    db
      .select({ c: customerConsents, by: users.displayName })
      .from(customerConsents)
      .leftJoin(users, eq(users.id, customerConsents.recordedBy))
      .where(eq(customerConsents.customerId, customerId))
      .orderBy(desc(customerConsents.recordedAt))
      .limit(limit),
    messagingTimelineItems(db, customerId, limit),
  ]);
  const items = [
    ...notes.map(({ n, by }) => ({
      id: n.id,
      at: n.createdAt.toISOString(),
      kind: 'note' as const,
      actorName: by ?? null,
      text: n.body,
      field: null,
      details: { noteKind: n.kind },
    })),
    ...history.map((h, i) => ({
      id: `h${i}-${h.changedAt}`,
      at: h.changedAt,
      kind:
        h.field === 'created'
          ? ('created' as const)
          : h.field === 'merged'
            ? ('merged' as const)
            : h.field === 'ownerUserId'
              ? ('owner_changed' as const)
              : ('change' as const),
      actorName: h.changedByName,
      text: null,
      field: h.field,
      details: { source: h.source },
    })),
    ...consents.map(({ c, by }) => ({
      id: c.id,
      at: c.recordedAt.toISOString(),
      kind: 'consent' as const,
      actorName: by ?? null,
      text: c.note,
      field: null,
      details: { channel: c.channel, purpose: c.purpose, granted: c.granted, method: c.method },
    })),
    ...messaging,
  ];
  return items.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
