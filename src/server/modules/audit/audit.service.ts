// Writing and reading the append-only audit log. Details hold ids and field names, never personal values.
import type { FastifyRequest } from 'fastify';
import { and, desc, eq, gte, like, lt, lte, or, type SQL } from 'drizzle-orm';
import type { AuditAction } from '../../../contracts/audit';
import type { Db } from '../../db/client';
import { auditEvents, users } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../pagination';

export type AuditEntry = {
  orgId: string;
  action: AuditAction | (string & {});
  entityType?: string;
  entityId?: string;
  storeId?: string | null;
  details?: Record<string, unknown>;
  actorUserId?: string | null;
  actorTokenId?: string | null;
  ip?: string | null;
  requestId?: string | null;
};

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    orgId: entry.orgId,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    storeId: entry.storeId ?? null,
    details: entry.details ?? {},
    actorUserId: entry.actorUserId ?? null,
    actorTokenId: entry.actorTokenId ?? null,
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
  });
}

/** Audit an act done through the API, taking actor, address and request id from the request. */
export function auditRequest(db: Db, req: FastifyRequest, entry: Omit<AuditEntry, 'orgId'> & { orgId?: string }) {
  const p = req.principal;
  return recordAudit(db, {
    ...entry,
    orgId: entry.orgId ?? p?.orgId ?? '',
    actorUserId: entry.actorUserId ?? (p?.kind === 'user' ? p.userId : null),
    actorTokenId: p?.kind === 'token' ? p.tokenId : null,
    ip: req.ip,
    requestId: req.id,
  });
}

export type AuditFilter = {
  action?: string;
  actorUserId?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
};

export async function findAuditEvents(db: Db, orgId: string, f: AuditFilter) {
  const where: SQL[] = [eq(auditEvents.orgId, orgId)];
  if (f.action) {
    where.push(f.action.endsWith('.') ? like(auditEvents.action, `${f.action}%`) : eq(auditEvents.action, f.action));
  }
  if (f.actorUserId) where.push(eq(auditEvents.actorUserId, f.actorUserId));
  if (f.entityType) where.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditEvents.entityId, f.entityId));
  if (f.from) where.push(gte(auditEvents.at, new Date(f.from)));
  if (f.to) where.push(lte(auditEvents.at, new Date(f.to)));
  const cursor = decodeCursor(f.cursor);
  if (cursor) {
    const at = new Date(cursor.k);
    where.push(or(lt(auditEvents.at, at), and(eq(auditEvents.at, at), lt(auditEvents.id, cursor.id)))!);
  }
  const found = await db
    .select({ e: auditEvents, actorName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(f.limit + 1);
  const page = found.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ e, actorName }) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      actorUserId: e.actorUserId,
      actorName: actorName ?? null,
      actorTokenId: e.actorTokenId,
      entityType: e.entityType,
      entityId: e.entityId,
      storeId: e.storeId,
      ip: e.ip,
      requestId: e.requestId,
      details: e.details,
    })),
    nextCursor: found.length > f.limit && last ? encodeCursor(last.e.at.toISOString(), last.e.id) : null,
  };
}
