// Per-customer metrics, classes and worth (issue 5), one row per customer, kept current: refreshed for
// one customer when a purchase arrives and rebuilt for everyone by the recompute job. Segments, the
// dashboard and the care rules read this table; nothing else writes it. Monetary figures are in
// `currency`, the customer's home-store currency (receipts in another currency count for frequency,
// not for money). `as_of` is the store-local day the time-dependent figures describe.
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ClassSettings } from '../../../contracts/metrics';
import { organizations } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const money = (name: string) => bigint(name, { mode: 'number' });

export const LAPSE_STATUSES = ['none', 'active', 'drifting', 'lost'] as const;
export const LOYALTY_STAGES = ['suspect', 'expectant', 'first_purchase', 'repeat', 'advocate'] as const;

// No foreign keys (ADR 0009): the rows are derived from customers that exist (the recompute and the
// refresh join them, in one transaction) and customers are never deleted (a merge deletes the other's
// row by name); checking three keys per row cost the million-row recompute more than its inserts.
// Partitioned by org_id (ADR 0012, migration 0021; Drizzle cannot declare it): a full recompute builds
// the organisation's partition anew, indexes it and swaps it in, so the key includes org_id.
export const customerMetrics = pgTable(
  'customer_metrics',
  {
    customerId: uuid('customer_id').notNull(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
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
    /** Why there is no worth: no_purchases, not_computed, or the model's reason (too_few_customers …). */
    clvReason: text('clv_reason'),
    /** Her last visit day (sale or salon), store-local; lapse is measured from it. */
    lastVisitDay: date('last_visit_day'),
    /** Engaged before buying (answered questions, a reached contact, a visit): the expectant stage. */
    engaged: smallint('engaged').notNull().default(0),
    computedAt: ts('computed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.orgId] }),
    index('customer_metrics_org_store_idx').on(t.orgId, t.storeId),
    index('customer_metrics_org_lapse_idx').on(t.orgId, t.lapseStatus),
    // The worth list: sorted by expected value (nulls last) within the organisation.
    index('customer_metrics_org_value_idx').on(t.orgId, t.expectedValue365, t.customerId),
  ],
);

/** Classification settings of an organisation (contracts/metrics.ts); no row: the defaults. */
export const classificationSettings = pgTable('classification_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.orgId),
  settings: jsonb('settings').$type<ClassSettings>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * Thresholds the last full run found, per partition (a currency of the organisation, or a store when
 * RFM is scored per store): quintile cut points and the Pareto cuts as the least window spend of classes
 * A, B and C. The incremental refresh classes one customer against these, as the full run did.
 */
export const classificationThresholds = pgTable(
  'classification_thresholds',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    partitionKey: text('partition_key').notNull(),
    currency: text('currency').notNull(),
    storeId: uuid('store_id'),
    method: text('method').notNull(),
    recencyCuts: doublePrecision('recency_cuts').array().notNull(),
    frequencyCuts: doublePrecision('frequency_cuts').array().notNull(),
    monetaryCuts: doublePrecision('monetary_cuts').array().notNull(),
    abcdCuts: doublePrecision('abcd_cuts').array().notNull(),
    customers: integer('customers').notNull(),
    revenue: money('revenue').notNull(),
    asOf: date('as_of').notNull(),
    computedAt: ts('computed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.partitionKey] })],
);

export type ClvModelParams = {
  r: number;
  alpha: number;
  a: number;
  b: number;
  loglik: number;
  p: number;
  q: number;
  gamma: number;
  warnings: string[];
};

/** The BG/NBD + Gamma-Gamma fit of the last full run, per organisation and currency (time in weeks). */
export const clvModels = pgTable(
  'clv_models',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    currency: text('currency').notNull(),
    status: text('status').notNull(), // ok | not_enough_data
    reason: text('reason'),
    params: jsonb('params').$type<ClvModelParams>(),
    spendCap: doublePrecision('spend_cap'),
    customers: integer('customers').notNull(),
    repeatCustomers: integer('repeat_customers').notNull(),
    minCustomers: integer('min_customers').notNull(),
    minRepeatCustomers: integer('min_repeat_customers').notNull(),
    asOf: date('as_of').notNull(),
    fittedAt: ts('fitted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.currency] })],
);
