// Care plans (issue 6): the fixed names of rules, holidays, solar terms, message categories and the
// configuration of every rule, with the seeds' defaults. `careSettingsSchema.parse({})` gives the full
// default configuration; the care module stores an organisation's overrides and parses them here.
import { z } from 'zod';
import { currencySchema, LOCALES } from './common';
import { CHANNELS } from './customers';

/** Rule ids; stable, part of every occasion key. */
export const RULE_IDS = [
  'after_purchase_call',
  'referral_thanks',
  'referral_new_call',
  'spend_threshold_thanks',
  'top_spender_visit',
  'vip_visit_plan',
  'birthday',
  'holiday',
  'season_change',
  'lapsed',
  'win_back',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
export const ruleIdSchema = z.enum(RULE_IDS);

/** Markets with a holiday calendar: the store's country. */
export const MARKETS = ['CN', 'TW', 'HK', 'JP'] as const;
export type Market = (typeof MARKETS)[number];

export const HOLIDAY_IDS = [
  'new_year',
  'spring_festival',
  'lantern',
  'womens_day',
  'mothers_day',
  'dragon_boat',
  'fathers_day',
  'qixi',
  'teachers_day',
  'mid_autumn',
  'national_day',
  'double_ten',
  'double_ninth',
  'winter_solstice',
  'christmas',
  'shogatsu',
  'seijin_no_hi',
  'keiro_no_hi',
  'year_end',
] as const;
export type HolidayId = (typeof HOLIDAY_IDS)[number];
export const holidayIdSchema = z.enum(HOLIDAY_IDS);

/** The 24 solar terms in solar-year order, 小寒 (January) to 冬至 (December). */
export const SOLAR_TERM_IDS = [
  'xiao_han',
  'da_han',
  'li_chun',
  'yu_shui',
  'jing_zhe',
  'chun_fen',
  'qing_ming',
  'gu_yu',
  'li_xia',
  'xiao_man',
  'mang_zhong',
  'xia_zhi',
  'xiao_shu',
  'da_shu',
  'li_qiu',
  'chu_shu',
  'bai_lu',
  'qiu_fen',
  'han_lu',
  'shuang_jiang',
  'li_dong',
  'xiao_xue',
  'da_xue',
  'dong_zhi',
] as const;
export type SolarTermId = (typeof SOLAR_TERM_IDS)[number];
export const solarTermIdSchema = z.enum(SOLAR_TERM_IDS);

/** What kind of words a task suggests; templates are filed under one category. */
export const MESSAGE_CATEGORIES = [
  'holiday',
  'birthday',
  'season_change',
  'miss_you',
  'thank_you',
  'after_purchase',
  'referral_thanks',
  'referral_welcome',
  'top_spender_visit',
  'vip_visit',
  'win_back',
] as const;
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number];
export const messageCategorySchema = z.enum(MESSAGE_CATEGORIES);

/** How the contact is made. A visit is in person (arranged by phone or message). */
export const CONTACT_KINDS = ['call', 'message', 'visit', 'letter'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const contactKindSchema = z.enum(CONTACT_KINDS);

/**
 * Who does it. `seller`: the guide on the receipt (falls back to the owner guide); `owner_guide`: her
 * 专属导购, or the guide closest to her when she has none (the one who served her most in the last year);
 * `store_manager`; `regional_manager`: the manager of her store's region.
 */
export const ASSIGNEE_ROLES = ['seller', 'owner_guide', 'store_manager', 'regional_manager'] as const;
export type AssigneeRole = (typeof ASSIGNEE_ROLES)[number];
export const assigneeRoleSchema = z.enum(ASSIGNEE_ROLES);

/** Why an occasion did not become a task. */
export const SUPPRESSION_REASONS = [
  'deceased',
  'do_not_contact',
  'no_care_consent',
  'no_allowed_channel',
  'contact_budget',
] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** Variables a message template may use, `{name}` style. */
export const TEMPLATE_VARIABLES = [
  'name',
  'guide',
  'store',
  'brand',
  'date',
  'tier',
  'holiday',
  'season',
  'benefit',
  'item',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** `message`: sent as written (SMS, chat, e-mail, card); `script`: what to say on a call or visit. */
export const TEMPLATE_FORMATS = ['message', 'script'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

// ---- configuration -----------------------------------------------------------------------------

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const monthDaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Use MM-DD')
  .describe('Month and day, MM-DD');
const keySchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Lower-case letters, digits and _; start with a letter');
const kindsSchema = z.array(contactKindSchema).min(1).max(4).describe('Contact kinds in order of preference');

/** Amounts in minor units per currency: a brand with stores in China, Taiwan and Japan never compares yuan with yen. */
export const perCurrencySchema = z.record(currencySchema, int(0, 1e13));
export type PerCurrency = z.infer<typeof perCurrencySchema>;

export const followUpSchema = z.object({
  key: keySchema.describe('Part of the occasion key: after_purchase_call:<receipt>:<key>'),
  delayDays: int(1, 365),
  label: z.string().trim().min(1).max(60).optional().describe('What to ask about, shown with the task'),
  onlyAboveThreshold: z
    .boolean()
    .default(false)
    .describe('Only for receipts that reach the after-purchase threshold; otherwise for any receipt in the category'),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const afterPurchaseCallConfigSchema = z.object({
  enabled: z.boolean().default(true),
  minReceiptTotal: perCurrencySchema
    .default({ CNY: 200_000, TWD: 800_000, HKD: 200_000, JPY: 40_000 })
    .describe('A receipt of at least this (net of returns) gets the call; 2,000 yuan in the seeds'),
  delayDays: int(1, 90).default(7),
  kinds: kindsSchema.default(['call', 'message']),
  categoryFollowUps: z
    .record(keySchema, z.array(followUpSchema).max(5))
    .default({})
    .describe('Product category key → usage follow-ups (seed 003: once or several times, at chosen moments)'),
});

export const referralThanksConfigSchema = z.object({
  enabled: z.boolean().default(true),
  kinds: kindsSchema.default(['message', 'call']),
});

export const referralNewCallConfigSchema = z.object({
  enabled: z.boolean().default(true),
  callByDays: int(1, 60)
    .default(7)
    .describe('Call the new customer at the latest this many days after her first purchase'),
  showFromDays: int(0, 60).default(3).describe('The task appears this many days after the purchase'),
  kinds: kindsSchema.default(['call', 'message']),
});

export const spendThresholdThanksConfigSchema = z.object({
  enabled: z.boolean().default(true),
  thresholds: z
    .record(currencySchema, z.array(int(1, 1e13)).max(20))
    .default({
      CNY: [1_000_000, 3_000_000, 5_000_000, 10_000_000],
      TWD: [4_000_000, 12_000_000, 20_000_000, 40_000_000],
      HKD: [1_000_000, 3_000_000, 5_000_000, 10_000_000],
      JPY: [200_000, 600_000, 1_000_000, 2_000_000],
    })
    .describe('Cumulative net spend (minor units) at which a thank-you goes out, once per threshold'),
  delayDays: int(0, 30).default(1),
  kinds: kindsSchema.default(['letter', 'message', 'call']),
});

export const topSpenderVisitConfigSchema = z.object({
  enabled: z.boolean().default(true),
  topN: int(1, 20).default(1).describe('How many of the highest yearly spenders of each region'),
  visitOn: monthDaySchema.default('01-10').describe('The visit for year Y is due on this day of year Y+1'),
  leadDays: int(0, 60).default(14),
  assignee: assigneeRoleSchema.default('regional_manager'),
  kinds: kindsSchema.default(['visit', 'call']),
});

export const visitSlotSchema = z.object({
  key: keySchema,
  month: int(1, 12),
  kind: contactKindSchema,
  assignee: assigneeRoleSchema,
});
export type VisitSlot = z.infer<typeof visitSlotSchema>;

const classValueSchema = z.enum(['vip', 'important', 'ordinary']);
const lapseStatusSchema = z.enum(['none', 'active', 'drifting', 'lost']);

export const vipVisitPlanConfigSchema = z.object({
  enabled: z.boolean().default(true),
  minTierRank: int(1, 20).nullable().default(3).describe('Tier rank that makes a key customer (3 = platinum)'),
  classValues: z.array(classValueSchema).default(['vip']),
  classAbcd: z.array(z.enum(['A', 'B', 'C', 'D'])).default(['A']),
  slots: z
    .array(visitSlotSchema)
    .max(12)
    .default([
      { key: 'spring_call', month: 3, kind: 'call', assignee: 'owner_guide' },
      { key: 'summer_visit', month: 6, kind: 'visit', assignee: 'store_manager' },
      { key: 'autumn_call', month: 9, kind: 'call', assignee: 'owner_guide' },
      { key: 'winter_visit', month: 12, kind: 'visit', assignee: 'store_manager' },
    ])
    .describe('Each slot falls on a day of its month spread by customer, so one store does not visit everyone at once'),
  leadDays: int(0, 60).default(14),
});

export const birthdayConfigSchema = z.object({
  enabled: z.boolean().default(true),
  leadDays: int(0, 30).default(0).describe('Days before the birthday the task appears (a posted card needs a few)'),
  prefer: z.enum(['lunar', 'solar']).default('lunar').describe('Which birthday counts when both are on file'),
  leapDay: z
    .enum(['feb_28', 'mar_1'])
    .default('feb_28')
    .describe('Where a 29 February birthday falls in a common year: 28 February keeps it in her birthday month'),
  kinds: kindsSchema.default(['message', 'call', 'letter']),
});

export const holidayConfigSchema = z.object({
  enabled: z.boolean().default(true),
  leadDays: int(0, 30).default(0),
  holidays: z
    .partialRecord(holidayIdSchema, z.boolean())
    .default({})
    .describe('Switch single holidays on or off; unlisted ones follow the market default'),
  elderMinAge: int(50, 90).nullable().default(null).describe('Overrides the market age for elders’ days'),
  kinds: kindsSchema.default(['message', 'letter']),
});

export const seasonChangeConfigSchema = z.object({
  enabled: z.boolean().default(true),
  mode: z.enum(['solar_terms', 'fixed_dates']).default('solar_terms'),
  terms: z.array(solarTermIdSchema).min(1).max(24).default(['li_chun', 'li_xia', 'li_qiu', 'li_dong']),
  fixedDates: z
    .array(z.object({ key: keySchema, monthDay: monthDaySchema }))
    .max(12)
    .default([
      { key: 'spring', monthDay: '03-01' },
      { key: 'summer', monthDay: '06-01' },
      { key: 'autumn', monthDay: '09-01' },
      { key: 'winter', monthDay: '12-01' },
    ]),
  leadDays: int(0, 30).default(0),
  kinds: kindsSchema.default(['message']),
});

export const lapsedConfigSchema = z.object({
  enabled: z.boolean().default(true),
  minDays: int(14, 1000).default(90).describe('At least this many days since her last visit'),
  intervalMultiple: z
    .number()
    .min(1)
    .max(10)
    .default(2)
    .describe('…and at least this many times her usual interval between visits'),
  statuses: z.array(lapseStatusSchema).default(['drifting', 'lost']).describe('Metrics lapse statuses that agree'),
  kinds: kindsSchema.default(['message', 'call']),
});

export const winBackStepSchema = z.object({
  key: keySchema,
  offsetDays: int(0, 365),
  kind: contactKindSchema,
  assignee: assigneeRoleSchema,
});
export type WinBackStep = z.infer<typeof winBackStepSchema>;

export const winBackConfigSchema = z.object({
  enabled: z.boolean().default(true),
  minDays: int(30, 2000).default(180),
  intervalMultiple: z.number().min(1).max(20).default(4),
  statuses: z.array(lapseStatusSchema).default(['lost']),
  classValues: z.array(classValueSchema).default(['vip', 'important']).describe('High value: any of these classes…'),
  minTierRank: int(1, 20).nullable().default(3).describe('…or this tier rank or above…'),
  minLifetimeSpend: perCurrencySchema
    .default({ CNY: 2_000_000, TWD: 8_000_000, HKD: 2_000_000, JPY: 400_000 })
    .describe('…or this lifetime net spend'),
  steps: z
    .array(winBackStepSchema)
    .min(1)
    .max(6)
    .default([
      { key: 'guide_message', offsetDays: 0, kind: 'message', assignee: 'owner_guide' },
      { key: 'manager_call', offsetDays: 21, kind: 'call', assignee: 'store_manager' },
      { key: 'guide_call', offsetDays: 60, kind: 'call', assignee: 'owner_guide' },
    ]),
});

export const CONSENT_POLICIES = ['strict', 'any_channel', 'unless_refused'] as const;

export const guardsConfigSchema = z.object({
  budget: z
    .object({
      maxContacts: int(1, 30).default(2),
      windowDays: int(1, 365).default(30),
      exemptRules: z
        .array(ruleIdSchema)
        .default(['after_purchase_call', 'referral_thanks', 'referral_new_call'])
        .describe('Care that answers something she did: neither limited by nor counted in the budget'),
    })
    .prefault({}),
  quietHours: z
    .object({
      start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM'),
      end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM'),
    })
    .default({ start: '21:00', end: '09:00' })
    .describe('No automatic send between start and end, store time'),
  consent: z
    .enum(CONSENT_POLICIES)
    .default('any_channel')
    .describe(
      'strict: only channels with a recorded care consent; any_channel: a care consent on some channel, then every channel she has not refused; unless_refused: every channel she has not refused',
    ),
  messageChannels: z
    .array(z.enum(CHANNELS))
    .min(1)
    .default(['messaging', 'sms', 'email'])
    .describe('Channels for a message, in order of preference'),
});
export type GuardsConfig = z.infer<typeof guardsConfigSchema>;

export const careRulesSchema = z.object({
  after_purchase_call: afterPurchaseCallConfigSchema.prefault({}),
  referral_thanks: referralThanksConfigSchema.prefault({}),
  referral_new_call: referralNewCallConfigSchema.prefault({}),
  spend_threshold_thanks: spendThresholdThanksConfigSchema.prefault({}),
  top_spender_visit: topSpenderVisitConfigSchema.prefault({}),
  vip_visit_plan: vipVisitPlanConfigSchema.prefault({}),
  birthday: birthdayConfigSchema.prefault({}),
  holiday: holidayConfigSchema.prefault({}),
  season_change: seasonChangeConfigSchema.prefault({}),
  lapsed: lapsedConfigSchema.prefault({}),
  win_back: winBackConfigSchema.prefault({}),
} satisfies Record<RuleId, z.ZodType>);

/** An organisation's care settings; `careSettingsSchema.parse({})` is the seeds' default. */
export const careSettingsSchema = z.object({
  rules: careRulesSchema.prefault({}),
  guards: guardsConfigSchema.prefault({}),
  /** Open tasks left overdue this many days go to the store manager (once). */
  escalation: z
    .object({
      enabled: z.boolean().default(true),
      afterDays: int(1, 60).default(2).describe('Days past the due day before an open task goes to the store manager'),
    })
    .prefault({}),
});
export type CareSettings = z.infer<typeof careSettingsSchema>;
export type CareSettingsInput = z.input<typeof careSettingsSchema>;
export type RuleConfigs = CareSettings['rules'];
export type RuleConfig<R extends RuleId> = RuleConfigs[R];

// ---- message templates ---------------------------------------------------------------------------

export const messageTemplateInputSchema = z.object({
  category: messageCategorySchema,
  locale: z.enum(LOCALES),
  format: z.enum(TEMPLATE_FORMATS).default('message'),
  title: z.string().trim().min(1).max(80).describe('How the template is listed in the library'),
  subject: z.string().trim().max(120).nullable().optional().describe('E-mail subject; may use variables'),
  body: z.string().trim().min(1).max(2000),
  allowsBenefit: z.boolean().default(false).describe('Only a birthday template may mention the birthday-month benefit'),
  holidayId: holidayIdSchema.nullable().optional().describe('For one holiday only; none = any holiday'),
  termId: solarTermIdSchema.nullable().optional().describe('For one solar term only'),
});
export type MessageTemplateInput = z.input<typeof messageTemplateInputSchema>;
