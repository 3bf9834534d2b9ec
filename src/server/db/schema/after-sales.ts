// After-sales (seed 001): repair tickets with every step dated and attributed, free-service
// entitlements, and the quality follow-up register.
import {
  bigint,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { organizations, stores } from './org';
import { receiptLines } from './sales';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const money = (name: string) => bigint(name, { mode: 'number' });

export const repairTickets = pgTable(
  'repair_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    receiptLineId: uuid('receipt_line_id').references(() => receiptLines.id),
    ticketNo: text('ticket_no').notNull(),
    itemDescription: text('item_description').notNull(),
    fault: text('fault').notNull(),
    cause: text('cause').notNull().default('unknown'),
    isRepairable: jsonb('is_repairable').$type<boolean | null>(),
    status: text('status').notNull().default('received'),
    outcome: text('outcome'),
    assessment: jsonb('assessment').$type<Record<string, unknown>>(),
    charge: money('charge').notNull().default(0),
    currency: text('currency').notNull(),
    reportedOn: date('reported_on').notNull(),
    photoCount: integer('photo_count').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('repair_tickets_no_uq').on(t.storeId, t.ticketNo),
    index('repair_tickets_customer_idx').on(t.customerId),
  ],
);

export const repairEvents = pgTable(
  'repair_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => repairTickets.id),
    status: text('status').notNull(),
    note: text('note'),
    byUserId: uuid('by_user_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('repair_events_ticket_idx').on(t.ticketId, t.at)],
);

export const serviceEntitlements = pgTable(
  'service_entitlements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    receiptLineId: uuid('receipt_line_id')
      .notNull()
      .references(() => receiptLines.id),
    kind: text('kind').notNull(), // dry_cleaning | leather_care
    validUntil: date('valid_until').notNull(),
    redeemedAt: ts('redeemed_at'),
    redeemedBy: uuid('redeemed_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('service_entitlements_line_uq').on(t.receiptLineId, t.kind),
    index('service_entitlements_customer_idx').on(t.customerId),
  ],
);

export const qualityFollowups = pgTable(
  'quality_followups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    customerId: uuid('customer_id').references(() => customers.id),
    receiptLineId: uuid('receipt_line_id').references(() => receiptLines.id),
    styleNo: text('style_no'),
    kind: text('kind').notNull().default('quality'), // quality | opinion | satisfaction
    rating: integer('rating'),
    opinion: text('opinion').notNull(),
    byUserId: uuid('by_user_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('quality_followups_store_idx').on(t.storeId, t.at)],
);

// node-postgres returns a Buffer, PGlite a Uint8Array: both are Uint8Array.
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

// Photos of the item taken at intake (JPEG, PNG or WebP, at most 5 MB each and 6 per ticket). They are
// hers: part of her export, deleted with her data on erasure.
export const repairPhotos = pgTable(
  'repair_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => repairTickets.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('repair_photos_ticket_idx').on(t.ticketId), index('repair_photos_customer_idx').on(t.customerId)],
);
