// Append-only audit log; a trigger (migration 0001) refuses UPDATE and DELETE.
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './org';

export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorTokenId: uuid('actor_token_id'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    storeId: uuid('store_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_org_at_idx').on(t.orgId, t.at, t.id),
    index('audit_entity_idx').on(t.orgId, t.entityType, t.entityId),
  ],
);
