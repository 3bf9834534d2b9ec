// Segments: the live count and sample of a definition, saved segments (who may see and change them),
// their customers page by page and as an export, and the organisation's customer tags.
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Segment,
  SegmentDefinition,
  Tag,
  segmentBodySchema,
  tagBodySchema,
  updateSegmentBodySchema,
} from '../../../contracts/segments';
import { rows, type Db } from '../../db/client';
import {
  customerTagAssignments,
  customerTags,
  customers,
  customFields,
  segments,
  tierDefinitions,
  users,
  userStores,
} from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { decodeCursor, encodeCursor } from '../../pagination';
import type { Principal } from '../../plugins/auth';
import type { CustomerRow } from '../customers/customers.mapping';
import { customerExportPages, type ExportCell } from '../imports/export.service';
import { loadSegmentContext, segmentWhere, type SegmentContext } from './segment-sql';

export type Scope = Pick<Principal, 'orgId' | 'storeIds'> & { role?: string; userId?: string };
type SegmentRow = typeof segments.$inferSelect;
const SAMPLE = 20;

function storesIn(p: Scope, storeId: string | null | undefined): string[] {
  if (!storeId) return p.storeIds;
  if (!p.storeIds.includes(storeId))
    throw new AppError('validation_failed', {}, [
      { field: 'body.storeId', code: 'store_not_accessible', message: 'You do not work in this store' },
    ]);
  return [storeId];
}

export async function contextFor(db: Db, p: Scope, storeId?: string | null, now?: Date): Promise<SegmentContext> {
  return loadSegmentContext(db, p.orgId, storesIn(p, storeId), now);
}

export async function countSegment(db: Db, definition: SegmentDefinition, ctx: SegmentContext): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from customers c where ${segmentWhere(definition, ctx)}`,
  );
  return Number(r?.n ?? 0);
}

/** One page of the segment's customers, by name. */
export async function segmentCustomerPage(
  db: Db,
  definition: SegmentDefinition,
  ctx: SegmentContext,
  page: { cursor?: string; limit: number },
): Promise<{ rows: CustomerRow[]; nextCursor: string | null }> {
  const cursor = decodeCursor(page.cursor);
  const after = cursor ? sql`and (c.display_name, c.id) > (${cursor.k}, ${cursor.id}::uuid)` : sql``;
  const ids = await rows<{ id: string }>(
    db,
    sql`select c.id from customers c where ${segmentWhere(definition, ctx)} ${after}
        order by c.display_name, c.id limit ${page.limit + 1}`,
  );
  const wanted = ids.slice(0, page.limit).map((r) => r.id);
  const found = wanted.length ? await db.select().from(customers).where(inArray(customers.id, wanted)) : [];
  const order = new Map(wanted.map((id, i) => [id, i]));
  found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const last = found.at(-1);
  return {
    rows: found,
    nextCursor: ids.length > page.limit && last ? encodeCursor(last.displayName, last.id) : null,
  };
}

export async function previewSegment(db: Db, definition: SegmentDefinition, ctx: SegmentContext) {
  const [count, sample] = await Promise.all([
    countSegment(db, definition, ctx),
    segmentCustomerPage(db, definition, ctx, { limit: SAMPLE }),
  ]);
  return { count, sample: sample.rows };
}

// ---- saved segments ----

const MANAGERS = new Set(['owner', 'hq']);
const STORE_MANAGERS = new Set(['regional_manager', 'store_manager']);

export function canEditSegment(p: Scope, s: SegmentRow): boolean {
  if (p.role && MANAGERS.has(p.role)) return true;
  if (s.ownerUserId && s.ownerUserId === p.userId) return true;
  return !!(p.role && STORE_MANAGERS.has(p.role) && s.storeId && p.storeIds.includes(s.storeId));
}

function visibleSegments(p: Scope) {
  return and(
    eq(segments.orgId, p.orgId),
    p.storeIds.length ? or(isNull(segments.storeId), inArray(segments.storeId, p.storeIds)) : isNull(segments.storeId),
  );
}

async function toSegments(db: Db, p: Scope, list: SegmentRow[]): Promise<Segment[]> {
  const ownerIds = [...new Set(list.map((s) => s.ownerUserId).filter((x): x is string => !!x))];
  const names = ownerIds.length
    ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ownerIds))
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return list.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    definition: s.definition,
    storeId: s.storeId,
    ownerUserId: s.ownerUserId,
    ownerName: s.ownerUserId ? (nameOf.get(s.ownerUserId) ?? null) : null,
    canEdit: canEditSegment(p, s),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  }));
}

export async function listSegments(db: Db, p: Scope): Promise<Segment[]> {
  const list = await db.select().from(segments).where(visibleSegments(p)).orderBy(desc(segments.updatedAt)).limit(500);
  return toSegments(db, p, list);
}

export async function getSegmentRow(db: Db, p: Scope, id: string): Promise<SegmentRow> {
  const [row] = await db
    .select()
    .from(segments)
    .where(and(visibleSegments(p), eq(segments.id, id)));
  if (!row) throw notFound();
  return row;
}

export async function getSegment(db: Db, p: Scope, id: string): Promise<Segment> {
  return (await toSegments(db, p, [await getSegmentRow(db, p, id)]))[0]!;
}

export async function createSegment(db: Db, p: Scope, body: z.output<typeof segmentBodySchema>): Promise<Segment> {
  // Compiling it once checks what the schema cannot: question-bank keys, the store.
  segmentWhere(body.definition, await contextFor(db, p, body.storeId));
  const [row] = await db
    .insert(segments)
    .values({
      orgId: p.orgId,
      name: body.name,
      description: body.description ?? null,
      definition: body.definition,
      storeId: body.storeId ?? null,
      ownerUserId: p.userId ?? null,
    })
    .returning();
  return (await toSegments(db, p, [row!]))[0]!;
}

export async function updateSegment(
  db: Db,
  p: Scope,
  id: string,
  body: z.output<typeof updateSegmentBodySchema>,
): Promise<Segment> {
  const row = await getSegmentRow(db, p, id);
  if (!canEditSegment(p, row)) throw new AppError('forbidden');
  const storeId = body.storeId === undefined ? row.storeId : body.storeId;
  const definition = body.definition ?? row.definition;
  segmentWhere(definition, await contextFor(db, p, storeId));
  const [updated] = await db
    .update(segments)
    .set({
      name: body.name ?? row.name,
      description: body.description === undefined ? row.description : body.description,
      definition,
      storeId,
      updatedAt: new Date(),
    })
    .where(eq(segments.id, id))
    .returning();
  return (await toSegments(db, p, [updated!]))[0]!;
}

export async function deleteSegment(db: Db, p: Scope, id: string): Promise<SegmentRow> {
  const row = await getSegmentRow(db, p, id);
  if (!canEditSegment(p, row)) throw new AppError('forbidden');
  await db.delete(segments).where(eq(segments.id, id));
  return row;
}

/** The context a saved segment runs in for this viewer: her stores, narrowed to the segment's store. */
export async function savedSegmentContext(db: Db, p: Scope, row: SegmentRow): Promise<SegmentContext> {
  const storeIds = row.storeId ? p.storeIds.filter((s) => s === row.storeId) : p.storeIds;
  return loadSegmentContext(db, p.orgId, storeIds);
}

// ---- export ----

/** The segment's customers in the customer export's columns (imports/export.service.ts), page by page. */
export function segmentExportPages(
  db: Db,
  p: Scope,
  definition: SegmentDefinition,
  ctx: SegmentContext,
  masked: boolean,
): AsyncGenerator<ExportCell[][]> {
  return customerExportPages(db, p.orgId, masked, (cursor) =>
    segmentCustomerPage(db, definition, ctx, { cursor, limit: 500 }),
  );
}

// ---- tags ----

export async function listTags(db: Db, p: Scope): Promise<Tag[]> {
  const list = await rows<{ id: string; name: string; colour: string; customers: number }>(
    db,
    sql`select t.id, t.name, t.colour,
          (select count(*)::int from customer_tag_assignments a join customers c on c.id = a.customer_id
            where a.tag_id = t.id and c.store_id = any(${sql.param(p.storeIds)}::uuid[])) as customers
        from customer_tags t where t.org_id = ${p.orgId} order by lower(t.name)`,
  );
  return list.map((t) => ({ ...t, colour: t.colour as Tag['colour'], customers: Number(t.customers) }));
}

async function tagRow(db: Db, p: Scope, id: string) {
  const [row] = await db
    .select()
    .from(customerTags)
    .where(and(eq(customerTags.orgId, p.orgId), eq(customerTags.id, id)));
  if (!row) throw notFound();
  return row;
}

async function nameFree(db: Db, p: Scope, name: string, exceptId?: string) {
  const [dup] = await db
    .select({ id: customerTags.id })
    .from(customerTags)
    .where(and(eq(customerTags.orgId, p.orgId), sql`lower(${customerTags.name}) = lower(${name})`));
  if (dup && dup.id !== exceptId)
    throw new AppError('validation_failed', {}, [
      { field: 'body.name', code: 'tag_name_taken', message: 'A tag with this name exists' },
    ]);
}

export async function createTag(db: Db, p: Scope, body: z.output<typeof tagBodySchema>): Promise<Tag> {
  await nameFree(db, p, body.name);
  const [row] = await db
    .insert(customerTags)
    .values({ orgId: p.orgId, name: body.name, colour: body.colour, createdBy: p.userId ?? null })
    .returning();
  return { id: row!.id, name: row!.name, colour: row!.colour as Tag['colour'], customers: 0 };
}

export async function updateTag(db: Db, p: Scope, id: string, body: Partial<z.output<typeof tagBodySchema>>) {
  const row = await tagRow(db, p, id);
  if (body.name) await nameFree(db, p, body.name, id);
  await db
    .update(customerTags)
    .set({ name: body.name ?? row.name, colour: body.colour ?? row.colour })
    .where(eq(customerTags.id, id));
  return (await listTags(db, p)).find((t) => t.id === id)!;
}

export async function deleteTag(db: Db, p: Scope, id: string) {
  await tagRow(db, p, id);
  await db.delete(customerTagAssignments).where(eq(customerTagAssignments.tagId, id));
  await db.delete(customerTags).where(eq(customerTags.id, id));
}

export async function tagsOfCustomer(db: Db, customerId: string): Promise<Array<Omit<Tag, 'customers'>>> {
  const list = await db
    .select({ id: customerTags.id, name: customerTags.name, colour: customerTags.colour })
    .from(customerTagAssignments)
    .innerJoin(customerTags, eq(customerTags.id, customerTagAssignments.tagId))
    .where(eq(customerTagAssignments.customerId, customerId))
    .orderBy(customerTags.name);
  return list.map((t) => ({ ...t, colour: t.colour as Tag['colour'] }));
}

export async function assignTag(db: Db, p: Scope, customer: CustomerRow, tagId: string) {
  await tagRow(db, p, tagId);
  await db
    .insert(customerTagAssignments)
    .values({ orgId: p.orgId, customerId: customer.id, tagId, assignedBy: p.userId ?? null })
    .onConflictDoNothing();
}

export async function unassignTag(db: Db, customer: CustomerRow, tagId: string) {
  await db
    .delete(customerTagAssignments)
    .where(and(eq(customerTagAssignments.customerId, customer.id), eq(customerTagAssignments.tagId, tagId)));
}

/** Tiers, tags, question-bank fields and the guides of the caller's stores, for the builder's pickers. */
export async function segmentOptions(db: Db, p: Scope) {
  const [tiers, tags, fields, guides] = await Promise.all([
    db
      .select({ key: tierDefinitions.key, rank: tierDefinitions.rank, labels: tierDefinitions.labels })
      .from(tierDefinitions)
      .where(and(eq(tierDefinitions.orgId, p.orgId), eq(tierDefinitions.isActive, true)))
      .orderBy(tierDefinitions.rank),
    db
      .select({ id: customerTags.id, name: customerTags.name, colour: customerTags.colour })
      .from(customerTags)
      .where(eq(customerTags.orgId, p.orgId))
      .orderBy(customerTags.name),
    db
      .select({
        key: customFields.key,
        type: customFields.type,
        labels: customFields.labels,
        options: customFields.options,
      })
      .from(customFields)
      .where(and(eq(customFields.orgId, p.orgId), eq(customFields.isActive, true)))
      .orderBy(customFields.position),
    p.storeIds.length
      ? db
          .selectDistinct({ id: users.id, name: users.displayName })
          .from(users)
          .innerJoin(userStores, eq(userStores.userId, users.id))
          .where(and(eq(users.orgId, p.orgId), eq(users.isActive, true), inArray(userStores.storeId, p.storeIds)))
          .orderBy(users.displayName)
      : Promise.resolve([]),
  ]);
  return {
    tiers: tiers.map((t) => ({ ...t, labels: t.labels as Record<string, string> })),
    tags: tags.map((t) => ({ ...t, colour: t.colour as Tag['colour'] })),
    customFields: fields.map((f) => ({
      ...f,
      labels: f.labels as Record<string, string>,
      options: f.options as Array<{ value: string; labels: Record<string, string> }>,
    })),
    guides,
  };
}
