// The VIP programme's tiers (issue 5). The loyalty module owns this table and its rules; segments,
// the dashboard and the care rules read `key` and `rank` (silver 1 < gold 2 < platinum 3 < diamond 4),
// so "gold or above" is `rank >= 2`. customers.tier holds the key of her current tier.
import { sql } from 'drizzle-orm';
import { boolean, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Labels } from '../../../contracts/custom-fields';
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
