// Per-customer metrics, classes and worth (issue 5), one row per customer, kept current: refreshed for
// one customer when a purchase arrives and rebuilt for everyone by the recompute job. Segments, the
// dashboard and the care rules read this table; nothing else writes it. Monetary figures are in
// `currency`, the customer's home-store currency (receipts in another currency count for frequency,
// not for money). `as_of` is the store-local day the time-dependent figures describe.
import { bigint, date, index, integer, pgTable, real, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { organizations, stores } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const money = (name: string) => bigint(name, { mode: 'number' });

export const LAPSE_STATUSES = ['none', 'active', 'drifting', 'lost'] as const;
export const LOYALTY_STAGES = ['suspect', 'expectant', 'first_purchase', 'repeat', 'advocate'] as const;

export const customerMetrics = pgTable(
  'customer_metrics',
  {
    customerId: uuid('customer_id')
      .primaryKey()
      .references(() => customers.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    currency: text('currency').notNull(),
    asOf: date('as_of').notNull(),
    // Purchase history.
    firstPurchaseAt: ts('first_purchase_at'),
    lastPurchaseAt: ts('last_purchase_at'),
    recencyDays: integer('recency_days'),
    frequencyWindow: integer('frequency_window').notNull().default(0),
    monetaryWindow: money('monetary_window').notNull().default(0),
    quantityWindow: integer('quantity_window').notNull().default(0),
    frequencyLifetime: integer('frequency_lifetime').notNull().default(0),
    monetaryLifetime: money('monetary_lifetime').notNull().default(0),
    avgReceipt: money('avg_receipt'),
    visitsPerMonth6: real('visits_per_month_6').notNull().default(0),
    visitsPerMonth12: real('visits_per_month_12').notNull().default(0),
    discountShare: real('discount_share'),
    categories: text('categories').array().notNull().default([]),
    referralsMade: integer('referrals_made').notNull().default(0),
    tenureDays: integer('tenure_days').notNull().default(0),
    usualIntervalDays: real('usual_interval_days'),
    // Stages and lapse.
    lapseStatus: text('lapse_status').notNull().default('none'),
    loyaltyStage: text('loyalty_stage').notNull().default('suspect'),
    // Classes (null when the customer has not bought in the window, where the class needs spend).
    rfmR: smallint('rfm_r'),
    rfmF: smallint('rfm_f'),
    rfmM: smallint('rfm_m'),
    rfmSegment: text('rfm_segment'),
    classAbcd: text('class_abcd'),
    classSize: text('class_size'),
    classValue: text('class_value'),
    classFrequency: text('class_frequency'),
    // Worth (BG/NBD + Gamma-Gamma); null with clv_status other than 'ok'.
    pAlive: real('p_alive'),
    expectedPurchases90: real('expected_purchases_90'),
    expectedPurchases365: real('expected_purchases_365'),
    expectedValue365: money('expected_value_365'),
    clvStatus: text('clv_status').notNull().default('not_enough_data'),
    computedAt: ts('computed_at').notNull().defaultNow(),
  },
  (t) => [
    index('customer_metrics_org_store_idx').on(t.orgId, t.storeId),
    index('customer_metrics_org_lapse_idx').on(t.orgId, t.lapseStatus),
  ],
);
