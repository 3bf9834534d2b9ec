// Customer metrics, classes and worth (issue 5): the classification settings an organisation edits,
// the thresholds of the last full run, and what the customer page and the worth list show.
import { z } from 'zod';
import { pageSchema, paginationQuerySchema } from './common';

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cannot_lose',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];
export const ABCD_CLASSES = ['A', 'B', 'C', 'D'] as const;
export const SIZE_CLASSES = ['large', 'medium', 'small'] as const;
export const VALUE_CLASSES = ['vip', 'important', 'ordinary'] as const;
export const FREQUENCY_CLASSES = ['high', 'potential', 'low'] as const;
export const LAPSE = ['none', 'active', 'drifting', 'lost'] as const;
export const STAGES = ['suspect', 'expectant', 'first_purchase', 'repeat', 'advocate'] as const;
export const CLV_REASONS = [
  'no_purchases',
  'not_computed',
  'too_few_customers',
  'too_few_repeat_customers',
  'too_few_customers_with_repeat_spend',
  'fit_did_not_converge',
  'mean_spend_undefined',
] as const;

/** Money per currency in minor units: `{ "CNY": 500000, "JPY": 100000 }` (JPY has no minor units). */
const perCurrency = z.record(z.string().regex(/^[A-Z]{3}$/), z.number().int().min(0));
const four = <T extends z.ZodType<number>>(n: T) =>
  z
    .array(n)
    .length(4)
    .refine((a) => a.every((v, i) => i === 0 || v >= a[i - 1]!), 'Cut points must be in ascending order');

export const classSettingsSchema = z
  .object({
    /** Days of the "window" figures (frequency, monetary, quantity in the last N days). */
    windowDays: z.number().int().min(30).max(3650),
    rfm: z.object({
      /** Quintiles within each currency of the organisation, or within each store. */
      scope: z.enum(['organisation', 'store']),
      method: z.enum(['quintiles', 'fixed']),
      /** Used when method = fixed. Recency: days, score 5 up to the first cut; F and M: score 1 up to the first. */
      fixed: z.object({
        recencyDays: four(z.number().int().min(0)),
        frequency: four(z.number().int().min(0)),
        monetary: z.record(z.string().regex(/^[A-Z]{3}$/), four(z.number().int().min(0))),
      }),
    }),
    /** Cumulative revenue shares closing classes A, B and C (Pareto, seed 002); the rest is D. */
    abcd: z.object({ shares: z.array(z.number().gt(0).lte(1)).length(3) }),
    /** Items bought in the window (seed 003: 大客户 / 中客户 / 小客户). */
    size: z.object({ large: z.number().int().min(1), medium: z.number().int().min(1) }),
    /** Spend in the window per currency (seed 003: VIP 贵宾 / 重要 / 一般). */
    value: z.object({ vip: perCurrency, important: perCurrency }),
    /** Visits per month over the last 12 months (seed 004). */
    frequency: z.object({ high: z.number().gt(0), potential: z.number().gt(0) }),
    loyalty: z.object({
      /** Repeat purchase days that make an advocate even without a referral (0: referrals only). */
      advocateRepeats: z.number().int().min(0).max(1000),
    }),
    lapse: z.object({
      /** Drifting when days since her last visit exceed factor × her usual interval… */
      factor: z.number().min(1).max(20),
      /** …and at least this many days… */
      minDays: z.number().int().min(1).max(3650),
      /** …using this interval when she has visited only once. */
      defaultIntervalDays: z.number().int().min(1).max(3650),
      /** Lost past this many days without a visit. */
      lostDays: z.number().int().min(1).max(3650),
    }),
    clv: z.object({
      minCustomers: z.number().int().min(10).max(1_000_000),
      minRepeatCustomers: z.number().int().min(5).max(1_000_000),
      /** Repeat-purchase values are capped at this percentile for the spend model; null: no cap. */
      spendCapQuantile: z.number().min(0.9).max(1).nullable(),
    }),
  })
  .superRefine((s, ctx) => {
    const [a, b, c] = s.abcd.shares;
    if (!(a! < b! && b! < c!))
      ctx.addIssue({ code: 'custom', path: ['abcd', 'shares'], message: 'Shares must increase: A < B < C' });
    if (s.size.medium > s.size.large)
      ctx.addIssue({ code: 'custom', path: ['size', 'medium'], message: 'Medium must not exceed large' });
    if (s.frequency.potential > s.frequency.high)
      ctx.addIssue({ code: 'custom', path: ['frequency', 'potential'], message: 'Potential must not exceed high' });
    for (const [cur, vip] of Object.entries(s.value.vip)) {
      const imp = s.value.important[cur];
      if (imp !== undefined && imp > vip)
        ctx.addIssue({ code: 'custom', path: ['value', 'important', cur], message: 'Important must not exceed VIP' });
    }
    if (s.lapse.lostDays <= s.lapse.minDays)
      ctx.addIssue({ code: 'custom', path: ['lapse', 'lostDays'], message: 'Lost must come after drifting' });
  });
export type ClassSettings = z.infer<typeof classSettingsSchema>;

/**
 * Defaults from the seeds: A = the customers making the top 80 % of revenue (002's 80/20), VIP and
 * important by a year's spend (003), visit frequency per month (004), drifting at twice her usual
 * interval (at least 60 days), lost after a year without a visit (002: 20–40 % of customers a year).
 */
export const DEFAULT_CLASS_SETTINGS: ClassSettings = {
  windowDays: 365,
  rfm: {
    scope: 'organisation',
    method: 'quintiles',
    fixed: {
      recencyDays: [30, 90, 180, 365],
      frequency: [1, 2, 3, 5],
      monetary: {
        CNY: [100_000, 300_000, 800_000, 2_000_000],
        TWD: [440_000, 1_320_000, 3_520_000, 8_800_000],
        HKD: [110_000, 330_000, 880_000, 2_200_000],
        JPY: [20_000, 60_000, 160_000, 400_000],
      },
    },
  },
  abcd: { shares: [0.8, 0.95, 0.99] },
  size: { large: 12, medium: 4 },
  value: {
    vip: { CNY: 2_000_000, TWD: 8_800_000, HKD: 2_200_000, JPY: 400_000 },
    important: { CNY: 500_000, TWD: 2_200_000, HKD: 550_000, JPY: 100_000 },
  },
  frequency: { high: 1, potential: 0.3 },
  loyalty: { advocateRepeats: 6 },
  lapse: { factor: 2, minDays: 60, defaultIntervalDays: 90, lostDays: 365 },
  clv: { minCustomers: 100, minRepeatCustomers: 20, spendCapQuantile: 0.995 },
};

export const thresholdsSchema = z.object({
  partition: z.string().describe('Currency (organisation scope) or store id (store scope)'),
  currency: z.string(),
  storeId: z.string().nullable(),
  method: z.enum(['quintiles', 'fixed']),
  recencyCuts: z.array(z.number()),
  frequencyCuts: z.array(z.number()),
  monetaryCuts: z.array(z.number()),
  /** Least window spend of classes A, B and C. */
  abcdCuts: z.array(z.number().nullable()),
  customers: z.number().int(),
  revenue: z.number(),
  asOf: z.string(),
  computedAt: z.string(),
});

export const clvModelSchema = z.object({
  currency: z.string(),
  status: z.enum(['ok', 'not_enough_data']),
  reason: z.string().nullable(),
  customers: z.number().int(),
  repeatCustomers: z.number().int(),
  bgnbd: z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number(), loglik: z.number() }).nullable(),
  gammagamma: z.object({ p: z.number(), q: z.number(), gamma: z.number() }).nullable(),
  spendCap: z.number().nullable(),
  minimum: z.object({ customers: z.number(), repeatCustomers: z.number() }),
  asOf: z.string(),
  fittedAt: z.string(),
});

export const classSettingsResponseSchema = z.object({
  settings: classSettingsSchema,
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  thresholds: z.array(thresholdsSchema),
  models: z.array(clvModelSchema),
  lastRun: z
    .object({
      startedAt: z.string(),
      finishedAt: z.string(),
      status: z.string(),
      detail: z.record(z.string(), z.unknown()),
    })
    .nullable(),
});

export const customerMetricsSchema = z.object({
  customerId: z.string(),
  storeId: z.string(),
  currency: z.string(),
  asOf: z.string(),
  firstPurchaseAt: z.string().nullable(),
  lastPurchaseAt: z.string().nullable(),
  recencyDays: z.number().nullable(),
  frequencyWindow: z.number(),
  monetaryWindow: z.number(),
  quantityWindow: z.number(),
  frequencyLifetime: z.number(),
  monetaryLifetime: z.number(),
  avgReceipt: z.number().nullable(),
  visitsPerMonth6: z.number(),
  visitsPerMonth12: z.number(),
  discountShare: z.number().nullable(),
  categories: z.array(z.string()),
  referralsMade: z.number(),
  tenureDays: z.number(),
  usualIntervalDays: z.number().nullable(),
  daysSinceLastVisit: z.number().nullable(),
  lapseStatus: z.enum(LAPSE),
  loyaltyStage: z.enum(STAGES),
  rfm: z.object({ r: z.number().nullable(), f: z.number().nullable(), m: z.number().nullable() }),
  rfmSegment: z.enum(RFM_SEGMENTS).nullable(),
  classAbcd: z.enum(ABCD_CLASSES).nullable(),
  classSize: z.enum(SIZE_CLASSES).nullable(),
  classValue: z.enum(VALUE_CLASSES).nullable(),
  classFrequency: z.enum(FREQUENCY_CLASSES).nullable(),
  worth: z.object({
    status: z.enum(['ok', 'not_enough_data']),
    reason: z.string().nullable(),
    pAlive: z.number().nullable(),
    expectedPurchases90: z.number().nullable(),
    expectedPurchases365: z.number().nullable(),
    expectedValue365: z.number().nullable(),
  }),
  computedAt: z.string(),
});
export type CustomerMetricsView = z.infer<typeof customerMetricsSchema>;

export const WORTH_SORTS = [
  'expected_value_365',
  'p_alive',
  'monetary_window',
  'monetary_lifetime',
  'frequency_window',
  'recency_days',
  'expected_purchases_365',
] as const;

export const worthListQuerySchema = paginationQuerySchema.extend({
  sort: z.enum(WORTH_SORTS).default('expected_value_365'),
  order: z.enum(['desc', 'asc']).default('desc'),
  storeId: z.uuid().optional(),
  lapse: z.enum(LAPSE).optional(),
  segment: z.enum(RFM_SEGMENTS).optional(),
});

export const worthRowSchema = z.object({
  customerId: z.string(),
  displayName: z.string(),
  memberNo: z.string().nullable(),
  storeId: z.string(),
  currency: z.string(),
  lastPurchaseAt: z.string().nullable(),
  recencyDays: z.number().nullable(),
  frequencyWindow: z.number(),
  monetaryWindow: z.number(),
  monetaryLifetime: z.number(),
  rfmSegment: z.enum(RFM_SEGMENTS).nullable(),
  classAbcd: z.enum(ABCD_CLASSES).nullable(),
  lapseStatus: z.enum(LAPSE),
  pAlive: z.number().nullable(),
  expectedPurchases365: z.number().nullable(),
  expectedValue365: z.number().nullable(),
  clvStatus: z.string(),
});
export const worthPageSchema = pageSchema(worthRowSchema);

export const recomputeResultSchema = z.object({
  customers: z.number(),
  partitions: z.number(),
  models: z.array(z.object({ currency: z.string(), status: z.string(), reason: z.string().nullable() })),
  ms: z.number(),
});
