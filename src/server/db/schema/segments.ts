// Saved segments and customer tags (issue 5). A segment is a condition tree (contracts/segments.ts)
// evaluated on demand, never a stored member list; tags are the organisation's own labels for her.
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SegmentDefinition } from '../../../contracts/segments';
import { customers } from './customers';
import { organizations, stores, users } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const segments = pgTable(
  'segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    name: text('name').notNull(),
    description: text('description'),
    definition: jsonb('definition').$type<SegmentDefinition>().notNull(),
    // null: every store the viewer reaches; otherwise only this store's customers.
    storeId: uuid('store_id').references(() => stores.id),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('segments_org_idx').on(t.orgId, t.updatedAt)],
);

export const customerTags = pgTable(
  'customer_tags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    name: text('name').notNull(),
    colour: text('colour').notNull().default('gray'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('customer_tags_name_uq').on(t.orgId, sql`lower(${t.name})`)],
);

export const customerTagAssignments = pgTable(
  'customer_tag_assignments',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => customerTags.id, { onDelete: 'cascade' }),
    assignedBy: uuid('assigned_by'),
    assignedAt: ts('assigned_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.tagId] }), index('customer_tag_assignments_tag_idx').on(t.tagId)],
);
