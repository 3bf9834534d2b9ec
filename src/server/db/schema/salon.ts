// Salon services (seed 004): service items, visits with the care log, and prepaid cards whose balance
// is always the sum of their ledger.
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uuid, boolean } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { organizations, stores } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const money = (name: string) => bigint(name, { mode: 'number' });

export const serviceItems = pgTable('service_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organizations.orgId),
  name: text('name').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  price: money('price').notNull(),
  currency: text('currency').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const serviceVisits = pgTable(
  'service_visits',
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
    beauticianId: uuid('beautician_id'),
    visitedAt: ts('visited_at').notNull(),
    services: jsonb('services').$type<Array<{ serviceItemId: string; name: string }>>().notNull().default([]),
    productsUsed: text('products_used'),
    skinCondition: text('skin_condition'),
    feedback: text('feedback'),
    notes: text('notes'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('service_visits_customer_idx').on(t.customerId, t.visitedAt)],
);

export const prepaidCards = pgTable(
  'prepaid_cards',
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
    kind: text('kind').notNull(), // count | value
    name: text('name').notNull(),
    serviceItemId: uuid('service_item_id').references(() => serviceItems.id),
    currency: text('currency').notNull(),
    pricePaid: money('price_paid').notNull(),
    expiresOn: date('expires_on'),
    soldBy: uuid('sold_by'),
    soldAt: ts('sold_at').notNull().defaultNow(),
  },
  (t) => [index('prepaid_cards_customer_idx').on(t.customerId)],
);

export const prepaidLedger = pgTable(
  'prepaid_ledger',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    cardId: uuid('card_id')
      .notNull()
      .references(() => prepaidCards.id),
    entry: text('entry').notNull(), // issue | redeem | adjust | expire | refund
    countDelta: integer('count_delta').notNull().default(0),
    valueDelta: money('value_delta').notNull().default(0),
    visitId: uuid('visit_id').references(() => serviceVisits.id),
    note: text('note'),
    byUserId: uuid('by_user_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('prepaid_ledger_card_idx').on(t.cardId, t.at)],
);
