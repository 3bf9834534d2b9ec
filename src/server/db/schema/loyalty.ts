// The VIP programme's tiers (issue 5). The loyalty module owns this table and its rules; segments,
// the dashboard and the care rules read `key` and `rank` (silver 1 < gold 2 < platinum 3 < diamond 4),
// so "gold or above" is `rank >= 2`. customers.tier holds the key of her current tier.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Labels } from '../../../contracts/custom-fields';
import { customers } from './customers';
import { organizations } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const tierDefinitions = pgTable(
  'tier_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    key: text('key').notNull(),
    rank: smallint('rank').notNull(),
    labels: jsonb('labels').$type<Labels>().notNull(),
    // Published qualification (spend per currency and/or visits within a rolling year) and benefits;
    // their shapes are validated by contracts/loyalty.ts.
    qualification: jsonb('qualification').$type<Record<string, unknown>>().notNull().default({}),
    benefits: jsonb('benefits').$type<Record<string, unknown>>().notNull().default({}),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at')
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    uniqueIndex('tier_definitions_key_uq').on(t.orgId, t.key),
    uniqueIndex('tier_definitions_rank_uq').on(t.orgId, t.rank),
  ],
);

// Programme settings (rolling window, yearly review and grace, points earn units and expiry),
// validated by contracts/loyalty.ts programmeSettingsSchema. One row per organisation.
export const loyaltySettings = pgTable('loyalty_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.orgId),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

// Every tier change with its reason: qualified (a purchase met a rule), review (the yearly review
// moved her down after the grace period) or recompute (the full recompute found her qualified).
export const customerTierChanges = pgTable(
  'customer_tier_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // No foreign keys (ADR 0009, 0013): a recompute's first run writes a change for most customers, and
    // each key was checked one row at a time (10 s of a million-customer run). Both writers select the
    // customer from this organisation's customers in the same statement; customers are never deleted (a
    // trigger refuses deleting one with tier changes) and a merge moves her changes explicitly.
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    fromTier: text('from_tier'),
    toTier: text('to_tier'),
    reason: text('reason').notNull(),
    // The rule that decided it and her activity then: { qualification, spend, visits, reviewDate … }.
    rule: jsonb('rule').$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: uuid('actor_user_id'),
    receiptId: uuid('receipt_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('customer_tier_changes_customer_idx').on(t.customerId, t.at)],
);

// The points ledger: append-only (a trigger refuses UPDATE and DELETE); her balance is the sum of her
// entries. A receipt earns (or, a return, reverses) once: unique (receipt_id, kind).
export const pointsLedger = pgTable(
  'points_ledger',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    storeId: uuid('store_id'),
    kind: text('kind').notNull(), // earn | redeem | expire | adjust | reverse
    points: bigint('points', { mode: 'number' }).notNull(),
    receiptId: uuid('receipt_id'),
    reason: text('reason'),
    expiresAt: ts('expires_at'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    byUserId: uuid('by_user_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('points_ledger_customer_idx').on(t.customerId, t.at),
    uniqueIndex('points_ledger_receipt_kind_uq')
      .on(t.receiptId, t.kind)
      .where(sql`${t.receiptId} is not null`),
    index('points_ledger_expiry_idx')
      .on(t.orgId, t.expiresAt)
      .where(sql`${t.expiresAt} is not null`),
  ],
);

// Points campaigns: a multiplier over a date range (store-local, inclusive), for some stores or all.
export const pointsCampaigns = pgTable('points_campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organizations.orgId),
  name: text('name').notNull(),
  multiplier: numeric('multiplier', { precision: 6, scale: 2 }).notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  storeIds: uuid('store_ids').array(),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});
