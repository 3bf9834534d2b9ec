// Purchases (receipts and their lines), the light product catalogue with after-sales policy per
// category, and POS idempotency. Money is bigint minor units with the receipt's currency.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Labels } from '../../../contracts/custom-fields';
import { customers } from './customers';
import { organizations, stores } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const money = (name: string) => bigint(name, { mode: 'number' });

export type DepreciationBandRow = { fromDay: number; toDay: number; percent: number };

export const productCategories = pgTable(
  'product_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    key: text('key').notNull(),
    labels: jsonb('labels').$type<Labels>().notNull(),
    // After-sales policy (seed 001): null warranty means no warranty promise for this category.
    warrantyMonths: integer('warranty_months'),
    freeRepairFromDay: integer('free_repair_from_day').notNull().default(15),
    depreciationBands: jsonb('depreciation_bands').$type<DepreciationBandRow[]>().notNull().default([]),
    // A free service earned by buying in this category: dry-cleaning of suits above a price, leather care.
    entitlementKind: text('entitlement_kind'),
    entitlementMinPrice: money('entitlement_min_price'),
    isService: boolean('is_service').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('product_categories_key_uq').on(t.orgId, t.key)],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    styleNo: text('style_no').notNull(),
    name: text('name').notNull(),
    categoryId: uuid('category_id').references(() => productCategories.id),
    season: text('season'),
    listPrice: money('list_price'),
    currency: text('currency'),
    attributes: jsonb('attributes')
      .$type<{ colours?: string[]; fabric?: string; tags?: string[] }>()
      .notNull()
      .default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('products_style_no_uq').on(t.orgId, t.styleNo)],
);

export const receipts = pgTable(
  'receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    customerId: uuid('customer_id').references(() => customers.id),
    sellerId: uuid('seller_id'),
    receiptNo: text('receipt_no').notNull(),
    kind: text('kind').notNull().default('sale'), // sale | return
    originalReceiptId: uuid('original_receipt_id'),
    occurredAt: ts('occurred_at').notNull(),
    currency: text('currency').notNull(),
    totalList: money('total_list').notNull(),
    totalDiscount: money('total_discount').notNull(),
    totalPaid: money('total_paid').notNull(),
    paymentMethod: text('payment_method'),
    source: text('source').notNull().default('ui'), // ui | pos | import | demo
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('receipts_store_no_uq').on(t.storeId, t.receiptNo),
    // Also INCLUDEs org_id, store_id, kind, currency and total_paid (migration 0023: the recompute's day
    // pass reads it alone); Drizzle cannot declare INCLUDE columns.
    index('receipts_customer_idx').on(t.customerId, t.occurredAt),
    index('receipts_org_time_idx').on(t.orgId, t.occurredAt),
  ],
);

export const receiptLines = pgTable(
  'receipt_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    receiptId: uuid('receipt_id')
      .notNull()
      .references(() => receipts.id),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').references(() => products.id),
    styleNo: text('style_no'),
    productName: text('product_name').notNull(),
    categoryId: uuid('category_id').references(() => productCategories.id),
    size: text('size'),
    colour: text('colour'),
    quantity: integer('quantity').notNull(),
    unitListPrice: money('unit_list_price').notNull(),
    discount: money('discount').notNull().default(0),
    paidAmount: money('paid_amount').notNull(),
    originalLineId: uuid('original_line_id'),
  },
  (t) => [
    index('receipt_lines_receipt_idx').on(t.receiptId),
    // Only return lines point at an original: a sale line (nearly all of them) adds no entry.
    index('receipt_lines_original_idx')
      .on(t.originalLineId)
      .where(sql`${t.originalLineId} is not null`),
  ],
);

// A retried POS request with the same Idempotency-Key gets the first answer and creates nothing.
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] }), index('idempotency_created_idx').on(t.createdAt)],
);

export const customerStats = pgTable('customer_stats', {
  customerId: uuid('customer_id')
    .primaryKey()
    .references(() => customers.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organizations.orgId),
  lifetimeSpend: money('lifetime_spend').notNull().default(0),
  receiptCount: integer('receipt_count').notNull().default(0),
  visitCount: integer('visit_count').notNull().default(0),
  firstPurchaseAt: ts('first_purchase_at'),
  lastPurchaseAt: ts('last_purchase_at'),
  updatedAt: ts('updated_at')
    .notNull()
    .default(sql`now()`),
});
