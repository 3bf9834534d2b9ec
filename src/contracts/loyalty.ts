// The VIP programme (issue 5): tiers with their published rules and benefits (the jsonb columns of
// tier_definitions), programme settings, points and campaigns. Money thresholds are per currency in
// minor units — { "CNY": 500000, "TWD": 2200000, "JPY": 100000 } — so yuan are never compared with yen.
import { z } from 'zod';
import { currencySchema, isoDateTime, paginationQuerySchema, uuidSchema } from './common';
import { labelsSchema } from './custom-fields';

const minor = z.number().int().min(0).max(1e13);

export const moneyByCurrencySchema = z
  .record(currencySchema, minor.min(1))
  .describe('Minimum spend per currency in minor units, e.g. {"CNY":500000,"JPY":100000}');

export const qualificationSchema = z
  .object({
    spend: moneyByCurrencySchema.optional(),
    visits: z.number().int().min(1).max(1000).optional(),
    combine: z.enum(['and', 'or']).default('or'),
  })
  .describe('Met within the rolling window; with neither spend nor visits it is the entry tier everyone meets');
export type QualificationInput = z.infer<typeof qualificationSchema>;

export const freeServiceSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/),
  labels: labelsSchema,
  perYear: z.number().int().min(1).max(100),
});

export const benefitsSchema = z.object({
  discountPercent: z.number().min(0).max(90).default(0),
  birthdayMonthPricePercent: z
    .number()
    .int()
    .min(10)
    .max(100)
    .nullable()
    .default(null)
    .describe('She pays this % of the price in her birthday month (seed 000: 75)'),
  freeServices: z.array(freeServiceSchema).max(20).default([]),
  eventInvitations: z.boolean().default(false),
  pointsMultiplier: z.number().min(0).max(10).multipleOf(0.01).default(1),
});

const tierKeySchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'Lower-case letters, digits and _');

export const tierSchema = z.object({
  id: uuidSchema,
  key: z.string(),
  rank: z.number().int(),
  labels: labelsSchema,
  qualification: qualificationSchema,
  benefits: benefitsSchema,
  isActive: z.boolean(),
  members: z.number().int().describe('Customers holding this tier now'),
});
export type Tier = z.infer<typeof tierSchema>;

export const createTierBodySchema = z.object({
  key: tierKeySchema,
  rank: z.number().int().min(1).max(20),
  labels: labelsSchema,
  qualification: qualificationSchema,
  benefits: benefitsSchema,
  isActive: z.boolean().default(true),
});
export const updateTierBodySchema = createTierBodySchema.omit({ key: true }).partial();

export const programmeSettingsSchema = z.object({
  windowDays: z.number().int().min(30).max(1095).default(365).describe('The rolling window of the rules'),
  review: z
    .object({
      month: z.number().int().min(1).max(12),
      day: z.number().int().min(1).max(28),
      graceDays: z.number().int().min(0).max(365),
    })
    .default({ month: 1, day: 1, graceDays: 30 }),
  points: z
    .object({
      earnUnit: z
        .record(currencySchema, z.number().int().min(1).max(1e9))
        .describe('Spend in minor units that earns one point, per currency: {"CNY":100} = 1 point per yuan'),
      expiryMonths: z.number().int().min(1).max(120).nullable().describe('null: points never expire'),
    })
    .default({ earnUnit: { CNY: 100, TWD: 500, HKD: 100, JPY: 100 }, expiryMonths: 24 }),
});
export type ProgrammeSettings = z.infer<typeof programmeSettingsSchema>;

export const programmeSchema = z.object({ tiers: z.array(tierSchema), settings: programmeSettingsSchema });

export const previewBodySchema = z.object({
  tiers: z
    .array(
      z.object({
        key: tierKeySchema,
        rank: z.number().int().min(1).max(20),
        qualification: qualificationSchema,
        isActive: z.boolean().default(true),
      }),
    )
    .max(20),
  windowDays: z.number().int().min(30).max(1095).optional(),
});

const sampleCustomerSchema = z.object({
  id: uuidSchema,
  displayName: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export const previewSchema = z.object({
  up: z.number().int().describe('Would move up at once'),
  down: z.number().int().describe('Would move down at the next yearly review'),
  unchanged: z.number().int(),
  byTier: z.array(z.object({ key: z.string(), now: z.number().int(), proposed: z.number().int() })),
  sampleUp: z.array(sampleCustomerSchema),
  sampleDown: z.array(sampleCustomerSchema),
});

export const tierChangeSchema = z.object({
  id: uuidSchema,
  fromTier: z.string().nullable(),
  toTier: z.string().nullable(),
  reason: z.enum(['qualified', 'review', 'recompute']),
  rule: z.record(z.string(), z.unknown()),
  actorName: z.string().nullable(),
  receiptId: uuidSchema.nullable(),
  at: isoDateTime,
});

export const POINTS_KINDS = ['earn', 'redeem', 'expire', 'adjust', 'reverse'] as const;
export const pointsEntrySchema = z.object({
  id: uuidSchema,
  kind: z.enum(POINTS_KINDS),
  points: z.number().int(),
  receiptId: uuidSchema.nullable(),
  reason: z.string().nullable(),
  expiresAt: isoDateTime.nullable(),
  byName: z.string().nullable(),
  at: isoDateTime,
});

export const customerLoyaltySchema = z.object({
  tier: tierSchema.omit({ members: true }).nullable(),
  nextTier: z
    .object({
      key: z.string(),
      labels: labelsSchema,
      missingSpend: z.number().int().nullable(),
      missingVisits: z.number().int().nullable(),
    })
    .nullable(),
  activity: z.object({
    currency: z.string(),
    spend: z.number().int(),
    visits: z.number().int(),
    windowDays: z.number(),
  }),
  points: z.object({
    balance: z.number().int(),
    expiringSoon: z.number().int().describe('Points that expire within 90 days'),
    nextExpiry: isoDateTime.nullable(),
  }),
  history: z.array(tierChangeSchema),
});
export type CustomerLoyalty = z.infer<typeof customerLoyaltySchema>;

export const pointsQuerySchema = paginationQuerySchema;
export const redeemBodySchema = z.object({
  points: z.number().int().min(1).max(1e9),
  reason: z.string().trim().max(200).optional(),
});
export const adjustBodySchema = z.object({
  points: z
    .number()
    .int()
    .min(-1e9)
    .max(1e9)
    .refine((n) => n !== 0, 'Not zero'),
  reason: z.string().trim().min(1).max(200),
});

export const campaignSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  multiplier: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  storeIds: z.array(uuidSchema).nullable().describe('null: every store'),
  isActive: z.boolean(),
});
const dateOnly = z.iso.date();
export const createCampaignBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    multiplier: z.number().min(1).max(10).multipleOf(0.01),
    startsOn: dateOnly,
    endsOn: dateOnly,
    storeIds: z.array(uuidSchema).min(1).max(500).nullable().default(null),
    isActive: z.boolean().default(true),
  })
  .refine((c) => c.endsOn >= c.startsOn, { path: ['endsOn'], message: 'Ends before it starts' });
export const updateCampaignBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    multiplier: z.number().min(1).max(10).multipleOf(0.01),
    startsOn: dateOnly,
    endsOn: dateOnly,
    storeIds: z.array(uuidSchema).min(1).max(500).nullable(),
    isActive: z.boolean(),
  })
  .partial();

export const reviewResultSchema = z.object({
  reviewDate: z.string(),
  effectiveOn: z.string(),
  due: z.boolean(),
  dryRun: z.boolean(),
  inGrace: z.number().int(),
  downgraded: z.number().int(),
  sample: z.array(sampleCustomerSchema),
});
export type ReviewResult = z.infer<typeof reviewResultSchema>;
