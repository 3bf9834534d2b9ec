// The append-only audit log: who did what to which record, when and from where.
import { z } from 'zod';
import { isoDateTime, paginationQuerySchema, uuidSchema } from './common';

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'store.created',
  'store.updated',
  'region.created',
  'region.updated',
  'token.created',
  'token.revoked',
  'org.bootstrapped',
  'org.updated',
  'customer.created',
  'customer.updated',
  'customer.contact_revealed',
  'customer.exported',
  'customer.erased',
  'customer.merged',
  'customer.reassigned',
  'customer.flags_changed',
  'customer.consent_recorded',
  'customer.note_added',
  'customers.exported',
  'customers.imported',
  'question_bank.changed',
  'purchase.recorded',
  'purchase.returned',
  'category.updated',
  'visit.recorded',
  'card.sold',
  'card.adjusted',
  'repair.opened',
  'repair.updated',
  'entitlement.redeemed',
  'register.exported',
  'demo.loaded',
  'backup.created',
  'backup.restored',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEventSchema = z.object({
  id: uuidSchema,
  at: isoDateTime,
  action: z.string(),
  actorUserId: uuidSchema.nullable(),
  actorName: z.string().nullable(),
  actorTokenId: uuidSchema.nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  storeId: uuidSchema.nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = paginationQuerySchema.extend({
  action: z.string().max(60).optional().describe('Exact action, or a prefix ending in `.` such as `user.`'),
  actorUserId: uuidSchema.optional(),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
