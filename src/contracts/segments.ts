// Segments (issue 5): a condition tree of nested AND/OR groups over the customer file, her metrics and
// classes, tier, tags, consent, store, owner guide and dates relative to today (store-local). The
// server turns a definition into one parameterised SQL condition (modules/segments/segment-sql.ts);
// the builder screen edits the same shape. Limits keep a definition small enough to read and to plan.
import { z } from 'zod';
import { AGE_BANDS, CHANNELS, GENDERS, PROMOTION_RECEPTIVENESS, PURPOSES, SKIN_TYPES, SOURCES } from './customers';
import { customerListItemSchema } from './customers';
import { isoDateTime, paginationQuerySchema, uuidSchema } from './common';

export const MAX_DEPTH = 4;
export const MAX_CONDITIONS = 40;
const MAX_VALUES = 100;

export const LAPSE_VALUES = ['none', 'active', 'drifting', 'lost'] as const;
export const LOYALTY_STAGE_VALUES = ['suspect', 'expectant', 'first_purchase', 'repeat', 'advocate'] as const;
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

/** Each class column of customer_metrics and the values it takes. */
export const CLASS_VALUES = {
  lapseStatus: LAPSE_VALUES,
  loyaltyStage: LOYALTY_STAGE_VALUES,
  classAbcd: ['A', 'B', 'C', 'D'],
  classSize: ['large', 'medium', 'small'],
  classValue: ['vip', 'important', 'ordinary'],
  classFrequency: ['high', 'potential', 'low'],
  rfmSegment: RFM_SEGMENTS,
} as const;
export type ClassName = keyof typeof CLASS_VALUES;
export const CLASS_NAMES = Object.keys(CLASS_VALUES) as [ClassName, ...ClassName[]];

/** Numeric columns of customer_metrics a condition may compare; `money` ones are minor units of a currency. */
export const METRICS = {
  recencyDays: { money: false },
  frequencyWindow: { money: false },
  monetaryWindow: { money: true },
  frequencyLifetime: { money: false },
  monetaryLifetime: { money: true },
  avgReceipt: { money: true },
  visitsPerMonth12: { money: false },
  discountShare: { money: false },
  referralsMade: { money: false },
  tenureDays: { money: false },
  usualIntervalDays: { money: false },
  pAlive: { money: false },
  expectedPurchases90: { money: false },
  expectedPurchases365: { money: false },
  expectedValue365: { money: true },
} as const;
export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as [MetricName, ...MetricName[]];

/** Choice fields of the file (columns and profile) and the values they take. */
export const PROFILE_CHOICES = {
  gender: GENDERS,
  ageBand: AGE_BANDS,
  source: SOURCES,
  skinType: SKIN_TYPES,
  promotionReceptiveness: PROMOTION_RECEPTIVENESS,
} as const;
export type ProfileChoice = keyof typeof PROFILE_CHOICES;
/** Free-text fields matched by "contains": the address (city, district) and the occupation. */
export const PROFILE_TEXTS = ['address', 'occupation'] as const;

const values = (max = MAX_VALUES) => z.array(z.string().min(1).max(100)).min(1, 'Pick at least one value').max(max);
const days = z.number().int().min(0).max(3660);

export const profileConditionSchema = z
  .object({
    kind: z.literal('profile'),
    field: z.enum([...(Object.keys(PROFILE_CHOICES) as ProfileChoice[]), ...PROFILE_TEXTS]),
    /** Choice fields: one of `values`; text fields: contains `text`. `is_set` / `not_set` for both. */
    op: z.enum(['in', 'not_in', 'contains', 'is_set', 'not_set']),
    values: values().optional(),
    text: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((c, ctx) => {
    const choices = (PROFILE_CHOICES as Record<string, readonly string[]>)[c.field];
    if (c.op === 'in' || c.op === 'not_in') {
      if (!choices) ctx.addIssue({ code: 'custom', path: ['op'], message: `${c.field} is text: use "contains"` });
      else if (!c.values?.length)
        ctx.addIssue({ code: 'custom', path: ['values'], message: 'Pick at least one value' });
      else
        c.values.forEach((v, i) => {
          if (!choices.includes(v))
            ctx.addIssue({
              code: 'custom',
              path: ['values', i],
              message: `Not a ${c.field}: use ${choices.join(', ')}`,
            });
        });
    }
    if (c.op === 'contains') {
      if (choices) ctx.addIssue({ code: 'custom', path: ['op'], message: `${c.field} is a choice: use "in"` });
      else if (!c.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'Enter the text to look for' });
    }
  });

export const customConditionSchema = z
  .object({
    kind: z.literal('custom'),
    /** Key of a question-bank field. */
    fieldKey: z.string().min(1).max(80),
    op: z.enum(['in', 'contains', 'eq', 'gte', 'lte', 'is_set', 'not_set']),
    values: values().optional(),
    value: z.union([z.string().min(1).max(200), z.number().finite()]).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.op === 'in' && !c.values?.length)
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'Pick at least one value' });
    if (['contains', 'eq', 'gte', 'lte'].includes(c.op) && c.value === undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Enter a value to compare with' });
    if (c.op === 'contains' && typeof c.value === 'number')
      ctx.addIssue({ code: 'custom', path: ['value'], message: '"contains" needs text' });
  });

export const metricConditionSchema = z
  .object({
    kind: z.literal('metric'),
    metric: z.enum(METRIC_NAMES),
    op: z.enum(['gt', 'gte', 'lt', 'lte', 'eq', 'between', 'is_set', 'not_set']),
    value: z.number().finite().optional(),
    /** Upper bound (inclusive) for `between`. */
    value2: z.number().finite().optional(),
    /** Money metrics: the currency the amount is in (minor units); only customers in that currency match. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as CNY, TWD or JPY')
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (c.op !== 'is_set' && c.op !== 'not_set' && c.value === undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Enter a number to compare with' });
    if (c.op === 'between') {
      if (c.value2 === undefined) ctx.addIssue({ code: 'custom', path: ['value2'], message: 'Enter the upper bound' });
      else if (c.value !== undefined && c.value2 < c.value)
        ctx.addIssue({ code: 'custom', path: ['value2'], message: 'The upper bound is below the lower bound' });
    }
    if (METRICS[c.metric].money && c.op !== 'is_set' && c.op !== 'not_set' && !c.currency)
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'An amount needs its currency' });
  });

export const classConditionSchema = z
  .object({ kind: z.literal('class'), class: z.enum(CLASS_NAMES), values: values(20) })
  .superRefine((c, ctx) => {
    const allowed = CLASS_VALUES[c.class] as readonly string[];
    c.values.forEach((v, i) => {
      if (!allowed.includes(v))
        ctx.addIssue({ code: 'custom', path: ['values', i], message: `Not a ${c.class}: use ${allowed.join(', ')}` });
    });
  });

export const tierConditionSchema = z
  .object({
    kind: z.literal('tier'),
    /** `in`: one of the tier keys; `rank_at_least`: this rank or higher (gold or above = 2); `none`: no tier. */
    op: z.enum(['in', 'rank_at_least', 'none']),
    keys: values(20).optional(),
    rank: z.number().int().min(1).max(20).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.op === 'in' && !c.keys?.length) ctx.addIssue({ code: 'custom', path: ['keys'], message: 'Pick a tier' });
    if (c.op === 'rank_at_least' && c.rank === undefined)
      ctx.addIssue({ code: 'custom', path: ['rank'], message: 'Pick the lowest tier' });
  });

export const tagConditionSchema = z.object({
  kind: z.literal('tag'),
  op: z.enum(['any', 'all', 'none']),
  tagIds: z.array(uuidSchema).min(1, 'Pick at least one tag').max(50),
});

export const consentConditionSchema = z.object({
  kind: z.literal('consent'),
  channel: z.enum(CHANNELS),
  purpose: z.enum(PURPOSES),
  /** true: her latest consent for the channel and purpose is granted (and she may be contacted at all). */
  granted: z.boolean().default(true),
});

export const storeConditionSchema = z.object({
  kind: z.literal('store'),
  storeIds: z.array(uuidSchema).min(1, 'Pick at least one store').max(200),
});

export const ownerConditionSchema = z
  .object({
    kind: z.literal('owner'),
    /** `in`: one of these guides; `none`: no owner guide yet. */
    op: z.enum(['in', 'none']),
    userIds: z.array(uuidSchema).max(200).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.op === 'in' && !c.userIds?.length)
      ctx.addIssue({ code: 'custom', path: ['userIds'], message: 'Pick at least one guide' });
  });

export const birthdayConditionSchema = z
  .object({
    kind: z.literal('birthday'),
    /** Which birthday on file: the solar date, the lunar date (converted to this year's solar date), either. */
    calendar: z.enum(['solar', 'lunar', 'any']).default('any'),
    when: z.enum(['this_month', 'next_month', 'within_days']),
    /** within_days: from today to today + days, store-local. */
    days: z.number().int().min(0).max(366).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.when === 'within_days' && c.days === undefined)
      ctx.addIssue({ code: 'custom', path: ['days'], message: 'Enter the number of days' });
  });

export const purchaseConditionSchema = z.object({
  kind: z.literal('purchase'),
  /** bought_within: her last purchase is at most `days` store-local days ago; not_bought_within: the
   *  opposite (never bought included); first_within: her first purchase is at most `days` days ago. */
  op: z.enum(['bought_within', 'not_bought_within', 'first_within']),
  days,
});

export const leafConditionSchema = z.discriminatedUnion('kind', [
  profileConditionSchema,
  customConditionSchema,
  metricConditionSchema,
  classConditionSchema,
  tierConditionSchema,
  tagConditionSchema,
  consentConditionSchema,
  storeConditionSchema,
  ownerConditionSchema,
  birthdayConditionSchema,
  purchaseConditionSchema,
]);
export type LeafCondition = z.infer<typeof leafConditionSchema>;
export const LEAF_KINDS = [
  'profile',
  'custom',
  'metric',
  'class',
  'tier',
  'tag',
  'consent',
  'store',
  'owner',
  'birthday',
  'purchase',
] as const;
export type LeafKind = (typeof LEAF_KINDS)[number];

export type ConditionGroup = { kind: 'group'; op: 'and' | 'or'; conditions: Condition[] };
export type Condition = LeafCondition | ConditionGroup;

// One discriminated union over `kind` (groups included), so an error names the exact field:
// body.definition.conditions.1.conditions.0.values.2.
export const conditionGroupSchema = z.object({
  kind: z.literal('group'),
  op: z.enum(['and', 'or']),
  get conditions(): z.ZodArray<typeof conditionSchema> {
    return z.array(conditionSchema).max(MAX_CONDITIONS);
  },
});
export const conditionSchema: z.ZodDiscriminatedUnion<
  [
    typeof conditionGroupSchema,
    typeof profileConditionSchema,
    typeof customConditionSchema,
    typeof metricConditionSchema,
    typeof classConditionSchema,
    typeof tierConditionSchema,
    typeof tagConditionSchema,
    typeof consentConditionSchema,
    typeof storeConditionSchema,
    typeof ownerConditionSchema,
    typeof birthdayConditionSchema,
    typeof purchaseConditionSchema,
  ]
> = z.discriminatedUnion('kind', [
  conditionGroupSchema,
  profileConditionSchema,
  customConditionSchema,
  metricConditionSchema,
  classConditionSchema,
  tierConditionSchema,
  tagConditionSchema,
  consentConditionSchema,
  storeConditionSchema,
  ownerConditionSchema,
  birthdayConditionSchema,
  purchaseConditionSchema,
]);

function measure(c: Condition, depth: number): { depth: number; leaves: number } {
  if (c.kind !== 'group') return { depth, leaves: 1 };
  return c.conditions.reduce(
    (acc, x) => {
      const m = measure(x, depth + 1);
      return { depth: Math.max(acc.depth, m.depth), leaves: acc.leaves + m.leaves };
    },
    { depth, leaves: 0 },
  );
}

/** The root of a segment: a group; an empty group means every customer in scope. */
export const segmentDefinitionSchema = z
  .object({
    kind: z.literal('group'),
    op: z.enum(['and', 'or']),
    conditions: z.array(conditionSchema).max(MAX_CONDITIONS),
  })
  .superRefine((root, ctx) => {
    const m = measure(root as ConditionGroup, 1);
    if (m.depth > MAX_DEPTH)
      ctx.addIssue({ code: 'custom', path: [], message: `Groups nest at most ${MAX_DEPTH} deep` });
    if (m.leaves > MAX_CONDITIONS)
      ctx.addIssue({ code: 'custom', path: [], message: `A segment has at most ${MAX_CONDITIONS} conditions` });
  });
export type SegmentDefinition = ConditionGroup;

export const emptyDefinition = (): SegmentDefinition => ({ kind: 'group', op: 'and', conditions: [] });

// ---- API shapes ----

export const previewBodySchema = z.object({
  definition: segmentDefinitionSchema,
  /** Only customers of this store (must be one the caller reaches). */
  storeId: uuidSchema.nullable().optional(),
});

export const previewSchema = z.object({
  count: z.number().int(),
  sample: z.array(customerListItemSchema).describe('The first 20, contacts masked'),
});

export const segmentBodySchema = z.object({
  name: z.string().trim().min(1, 'Give the segment a name').max(80),
  description: z.string().trim().max(500).nullable().optional(),
  definition: segmentDefinitionSchema,
  /** null: every store the viewer reaches; otherwise one store. */
  storeId: uuidSchema.nullable().optional(),
});
export const updateSegmentBodySchema = segmentBodySchema.partial();

export const segmentSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  description: z.string().nullable(),
  definition: segmentDefinitionSchema,
  storeId: uuidSchema.nullable(),
  ownerUserId: uuidSchema.nullable(),
  ownerName: z.string().nullable(),
  canEdit: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Segment = z.infer<typeof segmentSchema>;

export const segmentListQuerySchema = z.object({ withCounts: z.coerce.boolean().default(false) });
export const segmentListItemSchema = segmentSchema.extend({ count: z.number().int().nullable() });

export const segmentCustomersQuerySchema = paginationQuerySchema;
export const segmentExportQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

// ---- Tags ----

export const TAG_COLOURS = [
  'gray',
  'red',
  'pink',
  'grape',
  'violet',
  'indigo',
  'blue',
  'teal',
  'green',
  'yellow',
  'orange',
] as const;
export const tagBodySchema = z.object({
  name: z.string().trim().min(1, 'Give the tag a name').max(40),
  colour: z.enum(TAG_COLOURS).default('gray'),
});
export const tagSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  colour: z.enum(TAG_COLOURS),
  customers: z.number().int(),
});
export type Tag = z.infer<typeof tagSchema>;
export const customerTagParamsSchema = z.object({ id: uuidSchema, tagId: uuidSchema });

/** What the builder offers to pick from: tiers, tags, question-bank fields, guides of the caller's stores. */
export const segmentOptionsSchema = z.object({
  tiers: z.array(z.object({ key: z.string(), rank: z.number().int(), labels: z.record(z.string(), z.string()) })),
  tags: z.array(tagSchema.omit({ customers: true })),
  customFields: z.array(
    z.object({
      key: z.string(),
      type: z.string(),
      labels: z.record(z.string(), z.string()),
      options: z.array(z.object({ value: z.string(), labels: z.record(z.string(), z.string()) })),
    }),
  ),
  guides: z.array(z.object({ id: uuidSchema, name: z.string() })),
});
export type SegmentOptions = z.infer<typeof segmentOptionsSchema>;
